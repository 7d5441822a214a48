// A share link's first figures (docs/decisions.md, "The first-figures module"). Loaded by first-paint.js
// only when the address holds a v2 link: the link is inflated, its scenario laid out as numbers (the
// layout of roi_core::first, crate/core/src/first.rs) and handed to the small first-figures module
// (pkg/roi_first.js), whose six headline figures are written, formatted as the widget formats them
// (view/format.js), into the figures prerendered in index.html. The page's full module is fetched only
// after they are painted (roi-calculator.js awaits `roiFirstFigures`); page.js then opens the link as
// before and the widget's own figures, the same numbers, replace these. Whatever this path cannot read
// exactly as the full engine would (an invalid value, a locale, measurements, …) it leaves alone.
import init, { firstFigures } from './pkg/roi_first.js';
import { formats } from './view/format.js';

// The v2 link's rows, frozen with the format (as in page.js).
const DEPARTMENT = ['name', 'benchmark', 'headcount', 'hourlyCost', 'annualCost', 'activeRate', 'hoursSavedPerWeek', 'useCases'];
const USE_CASE = ['name', 'minutesBefore', 'minutesAfter', 'perWeek'];
const SCENARIO = new Set(['version', 'currency', 'weeksPerYear', 'hoursPerWeek', 'horizonMonths', 'discountRate', 'attribution',
  'confidence', 'ramp', 'seats', 'departments', 'costs', 'otherBenefits', 'uncertainty']);
const FIGURES = [['roiPercent', 'percent'], ['benefitCostRatio', 'ratio'], ['netBenefit', 'money'], ['paybackMonths', 'months'],
  ['firstYearRoiPercent', 'percent'], ['npv', 'money']];

/** Refuses the link for this path (the page then waits for the full engine). */
class Refused extends Error {}
const refuse = () => { throw new Refused(); };
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
const only = (object, keys) => (isObject(object) && Object.keys(object).every((k) => keys.includes(k)) ? object : refuse());
/** A number, or NaN when absent (`undefined`, and `null` where `nullable`). */
const num = (x, nullable = false) => {
  if (x === undefined || (nullable && x === null)) return NaN;
  return typeof x === 'number' && Number.isFinite(x) ? x : refuse();
};
/** A text's length in characters (0 for anything else, which the module refuses). */
const length = (text) => (typeof text === 'string' ? [...text].length : 0);
/** A label the full reader keeps: 1 to 80 characters. */
const label = (text) => (length(text) >= 1 && length(text) <= 80 ? text : refuse());
const rows = (list) => (Array.isArray(list) ? list : refuse());

/** The layout of the link's (compact) scenario; see crate/core/src/first.rs. */
function layoutOf(s) {
  if (!isObject(s) || !Object.keys(s).every((k) => SCENARIO.has(k)) || (s.version !== undefined && s.version !== 1)) refuse();
  const out = [1, num(s.weeksPerYear), num(s.hoursPerWeek), num(s.horizonMonths), num(s.discountRate), num(s.attribution), num(s.confidence)];
  if (s.ramp === undefined) out.push(NaN, NaN);
  else if (s.ramp === null) out.push(-1, -1);
  else { const r = only(s.ramp, ['day30Factor', 'fullByMonth']); out.push(num(r.day30Factor), num(r.fullByMonth)); }
  out.push(num(s.seats));
  if (s.costs === undefined) out.push(NaN);
  else {
    const c = only(s.costs, ['oneTime', 'monthly', 'perSeatMonthly', 'trainingHoursPerPerson', 'learningCurveHoursPerPerson']);
    out.push(num(c.trainingHoursPerPerson ?? 0), num(c.learningCurveHoursPerPerson ?? 0));
    for (const list of [c.oneTime, c.monthly, c.perSeatMonthly]) {
      const items = rows(list ?? []);
      out.push(items.length, ...items.map((item) => { only(item, ['label', 'amount']); label(item.label); return num(item.amount); }));
    }
  }
  if (s.otherBenefits === undefined) out.push(NaN);
  else {
    const items = rows(s.otherBenefits);
    out.push(items.length);
    for (const item of items) {
      only(item, ['label', 'annualAmount', 'confidence']);
      label(item.label);
      out.push(num(item.annualAmount), num(item.confidence));
    }
  }
  if (s.departments === undefined) out.push(NaN);
  else {
    const departments = rows(s.departments);
    out.push(departments.length);
    for (const row of departments) {
      if (rows(row).length > DEPARTMENT.length) refuse();
      const [name, benchmark = null, headcount, hourly = null, annual = null, rate = null, hours = null, cases = null] = row;
      out.push(length(name));
      if (benchmark === null) out.push(-1);
      else if (typeof benchmark === 'string' && benchmark.length <= 80) out.push(benchmark.length, ...Array.from(benchmark, (_, i) => benchmark.charCodeAt(i)));
      else refuse();
      out.push(num(headcount), num(hourly, true), num(annual, true), num(rate, true), num(hours, true));
      if (cases === null) out.push(-1);
      else {
        out.push(rows(cases).length);
        for (const c of cases) {
          if (rows(c).length !== USE_CASE.length) refuse();
          out.push(num(c[1]), num(c[2]), num(c[3]), length(c[0]));
        }
      }
    }
  }
  return out;
}

/** The v2 link in the address, inflated to its document's text. */
async function inflated(hash) {
  const text = hash.slice('#v2.'.length);
  if (!/^[\w-]+$/.test(text) || text.length % 4 === 1) refuse(); // a damaged link: page.js says what was lost
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const stream = new Blob([Uint8Array.from(binary, (c) => c.charCodeAt(0))]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** Paints the link's headline figures into the prerendered ones; false when this path cannot. */
async function paint() {
  // The download first-paint.js started, else one from here.
  const module = globalThis.roiFirstModule ?? new URL('./pkg/roi_first_bg.wasm', import.meta.url);
  const [text] = await Promise.all([inflated(location.hash), init({ module_or_path: module })]);
  const document_ = JSON.parse(text);
  if (!isObject(document_) || Object.keys(document_).some((k) => k !== 'scenario')) refuse(); // measurements: the full path
  const scenario = document_.scenario;
  const layout = layoutOf(scenario);
  const currency = scenario.currency ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) refuse();
  const figures = firstFigures(Float64Array.from(layout));
  if (figures.length !== FIGURES.length) refuse();
  // The widget's prerendered shadow root is there once the document is parsed ('interactive'), before the
  // page's module scripts run and DOMContentLoaded fires: the figures need not wait for those.
  if (document.readyState === 'loading') await new Promise((resolve) => { document.addEventListener('readystatechange', resolve, { once: true }); });
  const calculator = document.querySelector('roi-calculator');
  const root = calculator?.shadowRoot;
  // The widget's locale: its attribute, else the browser's (a link's own locale is left to the full path).
  if (!root?.querySelector('[data-prerendered="default"]') || calculator.hasAttribute('locale') || calculator.hasAttribute('currency')) refuse();
  const f = formats(new Intl.NumberFormat().resolvedOptions().locale, currency);
  FIGURES.forEach(([key, u], at) => {
    const v = figures[at];
    const shown = Number.isNaN(v) ? '—' : f.num({ v, u });
    for (const output of root.querySelectorAll(`[data-figure="${key}"], [data-summary="${key}"]`)) {
      output.textContent = shown;
      if (output.dataset.figure) output.dataset.value = Number.isNaN(v) ? '' : String(v);
    }
  });
  calculator.dataset.first = '';
  performance.mark('roi-first-figures');
  return true;
}

/** Whether the link's first figures were painted; settles once they are on screen (or at once when not). */
export const painted = paint().then(
  () => new Promise((resolve) => { requestAnimationFrame(() => setTimeout(() => resolve(true))); }),
  () => false,
);
