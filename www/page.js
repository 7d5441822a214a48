// The page around the widget: the scenario lives in the URL fragment (never sent to a server), updated
// as the person types, so the address is always a link that reopens exactly this scenario. It is also
// kept in this browser's localStorage, so the last scenario survives a reload or a return to the bare
// address; a link in the fragment always wins over what was stored.
import { assess, decodeScenario, defaultScenario, encodeScenario, exportScenario } from './pkg/roi_calculator.js';
import { engine } from './roi-calculator.js';

const calculator = document.querySelector('roi-calculator');
const notice = document.getElementById('link-notice');

function tell(message) {
  notice.textContent = message;
  notice.hidden = false;
}

// Share links (docs/formats.md#share-link, docs/model.md#share-links). `v1.` + base64url of the scenario's
// JSON is what the engine writes and reads (encodeScenario, decodeScenario). `v2.` is this page's: the
// base64url of the link document — `{"scenario": …, "measurements": …}`, the scenario without its
// members equal to the defaults', departments, use cases and metrics as rows of values in a frozen
// order — compressed with the browser's own CompressionStream('deflate-raw'). Opening one inflates it,
// fills in the defaults and hands the scenario to the engine as the v1 link it would have been, so
// neither a deflater nor a second format is in the WebAssembly. A browser without 'deflate-raw'
// (before Chrome 103, Firefox 113, Safari 16.4) writes v1 links.
const V1 = 'v1.';
const V2 = 'v2.';
// The rows, frozen with the format: a new field goes at the end of its row, never in between.
const DEPARTMENT = ['name', 'benchmark', 'headcount', 'hourlyCost', 'annualCost', 'activeRate', 'hoursSavedPerWeek', 'useCases'];
const USE_CASE = ['name', 'minutesBefore', 'minutesAfter', 'perWeek'];
const MEASURED_DEPARTMENT = ['name', 'benchmark', 'people', 'metrics', 'hidden', 'intensity'];
const METRICS = ['activeUsageRate', 'weeklyActiveRate', 'completionRate', 'sessionsPerActiveUserWeek', 'avgSessionMinutes',
  'week4RetentionOfWeek1', 'hoursSavedPerWeek', 'dailyWorkflowShare', 'satisfaction', 'reviewedBeforeUse', 'qualityEqualOrBetter'];
const UNREADABLE = 'This link is damaged beyond repair: no part of the scenario could be read.';

function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of the longest decodable start of base64url `text`, and whether characters were left out. */
function bytesOf(text) {
  const clean = text.replace(/\s+/g, '');
  const valid = /^[\w-]*/.exec(clean)[0];
  // A length 1 more than a multiple of 4 ends in a lone, useless character.
  const usable = valid.slice(0, valid.length % 4 === 1 ? -1 : undefined);
  const binary = atob(usable.replace(/-/g, '+').replace(/_/g, '/'));
  return { bytes: Uint8Array.from(binary, (c) => c.charCodeAt(0)), stray: usable.length < clean.length };
}

const through = async (bytes, stream) => new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether two JSON values are equal, whatever the order of their members. */
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
}

/** An object as the row of its values in `keys` order: null for an absent one, trailing nulls left out. */
function toRow(object, keys) {
  const row = keys.map((key) => object?.[key] ?? null);
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}

/** A row back into its object (nulls absent; values past its end keyed by position, for the engine to name). Anything else stays as it is. */
const fromRow = (row, keys) => (Array.isArray(row)
  ? Object.fromEntries(row.flatMap((value, at) => (value === null ? [] : [[keys[at] ?? String(at), value]])))
  : row);

/** The scenario as the engine serializes it (validated: throws as encodeScenario does). */
const canonical = (scenario) => JSON.parse(new TextDecoder().decode(bytesOf(encodeScenario(scenario).slice(V1.length)).bytes));
let defaults;
const defaultMembers = () => (defaults ??= canonical(defaultScenario()));

/** Whether `m` (measurements) hold a measured value; a fresh measure mode holds only department names. */
const filled = (metrics) => Object.values(metrics ?? {}).some((value) => value != null);
const measuredAnything = (m) => isObject(m) && (m.people != null || m.licensedSeats != null || filled(m.metrics) ||
  (m.departments ?? []).some((d) => d.people != null || filled(d.metrics)));
const present = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value != null));

/** The link document of `scenario` and `measurements` (left out unless something was measured), as JSON text. */
export function linkDocument(scenario, measurements = null) {
  const compact = {};
  for (const [key, value] of Object.entries(canonical(scenario))) {
    if (!same(value, defaultMembers()[key])) compact[key] = value;
  }
  compact.departments &&= compact.departments.map((d) => toRow({ ...d, useCases: d.useCases?.map((c) => toRow(c, USE_CASE)) }, DEPARTMENT));
  const document = { scenario: compact };
  if (measuredAnything(measurements)) {
    document.measurements = {
      ...present(measurements),
      metrics: toRow(measurements.metrics, METRICS),
      departments: (measurements.departments ?? []).map((d) => toRow({ ...d, metrics: toRow(d.metrics, METRICS) }, MEASURED_DEPARTMENT)),
    };
  }
  return JSON.stringify(document);
}

/** Opens a link document (JSON text): `{ scenario, measurements?, dropped }`, or throws for the person. */
export function openDocument(text) {
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error('This link was cut short or altered, and a compressed link cannot be read in part.');
  }
  if (!isObject(document) || !isObject(document.scenario)) throw new Error(UNREADABLE);
  const scenario = { ...defaultMembers(), ...document.scenario };
  if (Array.isArray(scenario.departments)) {
    scenario.departments = scenario.departments.map((row) => {
      const department = fromRow(row, DEPARTMENT);
      if (Array.isArray(department?.useCases)) department.useCases = department.useCases.map((c) => fromRow(c, USE_CASE));
      return department;
    });
  }
  const decoded = decodeScenario(V1 + base64url(new TextEncoder().encode(JSON.stringify(scenario))));
  const given = document.measurements;
  if (given != null) {
    const measurements = isObject(given) ? {
      ...given,
      metrics: fromRow(given.metrics, METRICS),
      departments: Array.isArray(given.departments)
        ? given.departments.map((row) => {
          const department = fromRow(row, MEASURED_DEPARTMENT);
          if (isObject(department) && 'metrics' in department) department.metrics = fromRow(department.metrics, METRICS);
          return department;
        })
        : given.departments,
    } : given;
    try {
      assess(measurements); // the engine's check: measurements with a problem are left out whole
      decoded.measurements = measurements;
    } catch (error) {
      const problems = error.errors?.length ? error.errors : [{ path: '', message: error.message }];
      decoded.dropped.push(...problems.map((p) => ({ path: p.path ? `measurements.${p.path}` : 'measurements', message: p.message })));
    }
  }
  for (const key of Object.keys(document)) {
    if (key !== 'scenario' && key !== 'measurements') {
      decoded.dropped.push({ path: '', message: `The link holds "${key}", which this version does not know; it was left out.` });
    }
  }
  return decoded;
}

/**
 * The share-link text (after `#`) of `scenario` and, when anything in them was measured, `measurements`:
 * `v2.…`, or `v1.…` (the scenario alone) where the browser cannot compress. Throws, as encodeScenario
 * does, for an invalid scenario.
 */
export async function linkText(scenario, measurements = null) {
  const text = linkDocument(scenario, measurements);
  try {
    return V2 + base64url(await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
  } catch {
    return encodeScenario(scenario); // no CompressionStream here, or no 'deflate-raw'
  }
}

/**
 * Opening a link, in two steps: `read` needs no engine (a v2 link is decoded and inflated, so it starts
 * before the engine has loaded); `opened` then gives `{ scenario, measurements?, dropped }` or throws an
 * Error whose message is for the person.
 */
async function read(link) {
  let text = link.slice(link.lastIndexOf('#') + 1);
  try {
    text = decodeURIComponent(text); // an address escapes what was pasted with it (spaces as %20)
  } catch {
    // Not escaped text: read as it is.
  }
  text = text.trim();
  if (!text.startsWith(V2)) return { text };
  const { bytes, stray } = bytesOf(text.slice(V2.length));
  let stream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return { problem: 'This browser cannot open compressed (v2.) links; a current browser can.' };
  }
  try {
    return { document: new TextDecoder().decode(await through(bytes, stream)), stray };
  } catch {
    return { problem: bytes.length > 0 ? 'This link was cut short or altered, and a compressed link cannot be read in part.' : UNREADABLE };
  }
}

function opened(link) {
  if (link.problem) throw new Error(link.problem);
  if (link.text !== undefined) return decodeScenario(link.text);
  const decoded = openDocument(link.document);
  if (link.stray) decoded.dropped.push({ path: '', message: 'The link contains characters that do not belong in it; the rest was read.' });
  return decoded;
}

/** Opens share-link text (`v2.…` or `v1.…`, bare, after `#` or in a whole URL); see `opened`. */
export async function openLink(link) {
  return opened(await read(link));
}

// The stored scenario is its link text ("v2.…", or "v1.…" as older pages wrote it), so it is read by the
// same versioned, tolerant decoders. Every access is guarded: storage can be missing or throw (private
// mode, disabled cookies, a sandboxed frame, a full quota), and the page then simply works without it.
const STORED = 'roi-calculator:scenario';

function stored() {
  try {
    return globalThis.localStorage?.getItem(STORED) ?? null;
  } catch {
    return null;
  }
}

function store(link) {
  try {
    globalThis.localStorage?.setItem(STORED, link);
  } catch {
    // Not kept on this device; the link in the address still holds it.
  }
}

function forget() {
  try {
    globalThis.localStorage?.removeItem(STORED);
  } catch {
    // Nothing to do.
  }
}

// What a link measured: handed to the widget's measure mode, and kept in the links this page makes until
// the person's own measure mode holds a measured value.
let carried = null;

function measurementsToShare() {
  const own = calculator.measurements;
  return measuredAnything(own) ? own : carried;
}

const fromAddress = location.hash.length > 1;
// A link is a scenario someone configured to be seen: it opens on every input, not the quick start —
// said before the widget's first render, so it never lays out the quick start's inputs above the link's
// figures.
if (fromAddress) calculator.removeAttribute('inputs');
const opening = fromAddress ? location.hash : stored();
const reading = opening ? read(opening) : null; // a v2 link inflates while the engine loads

/** Hands the link's (or the stored) scenario to the widget, saying what the person should know. */
async function openAtStart() {
  if (fromAddress) {
    try {
      const { scenario, measurements, dropped } = opened(await reading);
      calculator.scenario = scenario;
      carried = measurements ?? null;
      if (carried) calculator.measurements = carried;
      const told = [];
      if (dropped.length > 0) {
        told.push(`This link was damaged; ${dropped.length === 1 ? 'one setting was' : `${dropped.length} settings were`} ` +
                  'replaced by defaults and everything else opened as shared.');
      }
      if (carried) {
        told.push(`${told.length > 0 ? 'It' : 'This link'} also carries what was measured at day ${carried.checkpointDay}: ` +
                  'see "Judge measured results".');
      }
      if (told.length > 0) tell(told.join(' '));
    } catch (error) {
      tell(`${error.message} The default scenario is shown instead.`);
    }
  } else if (opening) {
    try {
      const { scenario, measurements, dropped } = opened(await reading);
      calculator.scenario = scenario;
      carried = measurements ?? null;
      if (carried) calculator.measurements = carried;
      history.replaceState(null, '', `#${opening}`);
      if (dropped.length > 0) tell('Part of the scenario kept in this browser could not be read; defaults replace it.');
    } catch {
      forget(); // Unreadable (or from a newer version): start from the defaults.
    }
  }
}

// Should the widget draw the defaults before the link is open (a v2 link is inflated asynchronously),
// they are never painted: style.css keeps it hidden while the page is opening a scenario (first-paint.js
// says when) until `data-opened` is set here, once the link's scenario is handed to it and drawn.
await engine; // the shell's one instance of the engine (calling init() here would download it again)
try {
  await openAtStart();
  // The widget starts again with the scenario handed to it once the microtasks already queued have run
  // (nothing it awaits then is still loading): a task later its own figures are drawn.
  await new Promise((resolve) => { setTimeout(resolve); });
} finally {
  calculator.dataset.opened = '';
}

// Kept as soon as an edit is announced (once its link is made, a moment later); the link in the address
// follows after a pause (browsers limit how often it may change). An edit not yet kept when the page is
// left is kept on `pagehide` as a v1 link, which is made at once.
let pending;
let unsaved = false;
let latest = null; // the link being made for the last announced scenario
let made = null; // the link made for the last announced scenario, once it is made
for (const edit of ['input', 'click']) calculator.addEventListener(edit, () => { unsaved = true; });
calculator.addEventListener('roi-change', (event) => {
  unsaved = false;
  const making = linkText(event.detail.scenario, measurementsToShare()).catch(() => null);
  latest = making;
  made = null;
  making.then((link) => {
    if (latest !== making || !link) return;
    latest = null;
    made = link;
    store(link);
  });
  clearTimeout(pending);
  pending = setTimeout(async () => {
    const link = await making;
    if (link) history.replaceState(null, '', `#${link}`);
  }, 250);
});
// The link of the scenario opened, for print, until an edit is announced and makes its own.
if (calculator.scenario) {
  linkText(calculator.scenario, measurementsToShare()).then((link) => { if (made === null && latest === null) made = link; }, () => {});
}
addEventListener('pagehide', () => {
  if ((unsaved || latest) && calculator.scenario) {
    try {
      store(encodeScenario(calculator.scenario));
    } catch {
      // An invalid scenario is never kept.
    }
  }
});

// On paper, under the board report: the day it was printed and the link that reopens these figures —
// the last one made (with what was measured), or, before it is made, the scenario's v1 link, made at once.
const printed = document.getElementById('printed');
addEventListener('beforeprint', () => {
  let link = made;
  try {
    link ??= calculator.scenario ? encodeScenario(calculator.scenario) : null;
  } catch {
    link = null; // an invalid scenario has no link
  }
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date());
  if (!link) return printed.replaceChildren(`Printed ${day}.`);
  // A link that carries measurements runs to a thousand characters and more: on paper it is shown cut
  // (nobody types it), and in a PDF the whole of it is what the words link to.
  const href = `${location.href.split('#')[0]}#${link}`;
  const shown = href.length > 96 ? `${href.slice(0, 72)}…${href.slice(-12)}` : href;
  printed.replaceChildren(`Printed ${day}. Reopen these figures: `, Object.assign(document.createElement('a'), { href, textContent: shown }));
});

// Share and keep: the content comes from the engine; the clipboard and the file download are the
// browser's. Everything stays on this machine.
const shareStatus = document.getElementById('share-status');
// The address without its fragment (`location.origin` is "null" for a file:// page in some browsers).
const linkFor = async (scenario) => `${location.href.split('#')[0]}#${await linkText(scenario, measurementsToShare())}`;

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    shareStatus.textContent = `${what} copied.`;
  } catch {
    shareStatus.textContent = `The browser did not allow copying; here it is to copy by hand: ${text}`;
  }
}

document.querySelector('.share .actions').addEventListener('click', async (event) => {
  const action = event.target.closest('button[data-share]')?.dataset.share;
  if (!action) return;
  if (action === 'print') return window.print();
  try {
    const scenario = calculator.scenario;
    if (action === 'link') return await copy(await linkFor(scenario), 'Link');
    const files = exportScenario(scenario, new URL('roi-calculator.js', location.href).href);
    if (action === 'embed') return await copy(files.embed, 'Embed snippet');
    if (action === 'departments') download('roi-departments.csv', files.departmentsCsv, 'text/csv');
    if (action === 'monthly') download('roi-monthly-projection.csv', files.monthlyCsv, 'text/csv');
    if (action === 'json') download('roi-scenario-and-report.json', files.json, 'application/json');
    shareStatus.textContent = 'Downloaded.';
  } catch (error) {
    shareStatus.textContent = error.message;
  }
});
