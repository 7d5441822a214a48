// Loads the engine, evaluates the default scenario and shows its headline figures.
import init, { defaultScenario, evaluate } from './pkg/roi_calculator.js';

/** Shows `value` in the output named `name`; the raw number goes in data-value for tests and tools. */
function show(name, value, format) {
  const output = document.querySelector(`[data-figure="${name}"]`);
  output.dataset.value = value === null || value === undefined ? '' : String(value);
  output.textContent = value === null || value === undefined ? '—' : format(value);
}

/** Lists an engine error: its message and every `{ path, message }` it carries, as text only. */
function showProblems(error) {
  const box = document.getElementById('problems');
  box.replaceChildren();
  const heading = document.createElement('p');
  heading.textContent = error.message;
  box.append(heading);
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    const list = document.createElement('ul');
    for (const problem of error.errors) {
      const item = document.createElement('li');
      item.textContent = problem.path ? `${problem.path}: ${problem.message}` : problem.message;
      list.append(item);
    }
    box.append(list);
  }
  box.hidden = false;
}

async function main() {
  await init();
  const scenario = defaultScenario();
  const locale = scenario.locale ?? navigator.language;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: scenario.currency, maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const people = scenario.departments.reduce((sum, d) => sum + d.headcount, 0);

  const report = evaluate(scenario);
  document.getElementById('scenario-summary').textContent =
    `${decimal.format(people)} people trained, ${money.format(report.annual.cost)} first-year cost, ` +
    `${money.format(report.annual.benefit)} of time saved a year.`;
  show('roiPercent', report.annual.roiPercent, (v) => percent.format(v / 100));
  show('benefitCostRatio', report.annual.benefitCostRatio, (v) => `${decimal.format(v)}×`);
  show('netBenefit', report.annual.netBenefit, (v) => money.format(v));
  show('paybackMonths', report.paybackMonths, (v) => `${decimal.format(v)} months`);
  show('firstYearRoiPercent', report.firstYear.roiPercent, (v) => percent.format(v / 100));
  show('npv', report.horizon.npv, (v) => money.format(v));
  show('probabilityPositive', report.risk?.probabilityPositive, (v) => share.format(v));
  show('roiRange', report.risk && [report.risk.p10, report.risk.p90],
       ([low, high]) => `${percent.format(low / 100)} – ${percent.format(high / 100)}`);
  document.documentElement.dataset.ready = 'true';
}

main().catch((error) => {
  document.getElementById('scenario-summary').textContent = 'The calculator could not start.';
  showProblems(error);
  document.documentElement.dataset.ready = 'error';
});
