// The three journeys of the widget in a real Chromium, as people use it — a prospect models five
// departments, an L&D lead enters Day-30 results and gets the flags with actions, a host page embeds two
// widgets under hostile CSS — plus the board report in print, the keyboard walk, axe in both modes and
// screenshots of both modes at 360 and 1440 px (tests/browser/artifacts/, to look at).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, accessibilityProblems, launch, open, refine } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

const ready = (page, selector = 'roi-calculator') => page.waitForSelector(`${selector}[data-ready="true"]`);
const figure = async (page, name) => Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));

/** The engine's own answer for the widget's current scenario (or measurements), computed in the page. */
async function engine(page, what = 'evaluate', selector = 'roi-calculator') {
  return page.evaluate(async ([what, selector]) => {
    const m = await import('./pkg/roi_calculator.js');
    await m.default();
    const widget = document.querySelector(selector);
    return what === 'evaluate' ? m.evaluate(widget.scenario) : m.assess(widget.measurements);
  }, [what, selector]);
}

test('a prospect models five departments from benchmarks and reads ROI and payback', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const departments = [
    ['Sales', 'sales', '40', '55'], ['Legal', 'legal', '12', '120'], ['Engineering', 'engineering', '60', '85'],
    ['Marketing', 'marketing', '15', '60'], ['Finance', 'finance', '10', '70'],
  ];
  for (let i = 0; i < departments.length; i += 1) {
    if (i > 0) await page.getByRole('button', { name: 'Add a department' }).click();
    const [name, benchmark, people, cost] = departments[i];
    await page.locator(`[data-path="departments[${i}].name"]`).fill(name);
    const options = await page.locator(`[data-path="departments[${i}].benchmark"] option`).evaluateAll((o) => o.map((x) => x.value));
    await page.locator(`[data-path="departments[${i}].benchmark"]`).selectOption(options.includes(benchmark) ? benchmark : 'general');
    await page.locator(`[data-path="departments[${i}].headcount"]`).fill(people);
    await page.locator(`[data-path="departments[${i}].hourlyCost"]`).fill(cost);
  }
  await page.waitForFunction(() => document.querySelector('roi-calculator').report.risk !== null);
  const report = await engine(page);
  assert.equal(report.departments.length, 5);
  assert.equal(await figure(page, 'roiPercent'), report.annual.roiPercent);
  assert.equal(await figure(page, 'paybackMonths'), report.paybackMonths);
  assert.equal(await figure(page, 'npv'), report.horizon.npv);
  // Every input: each department shows its benchmark band and where its (default, midpoint) rate falls.
  await refine(page);
  assert.match(await page.locator('#departments-1--activeRate-note').innerText(), /^Benchmark .+: within$/);
  assert.equal(await page.locator('#departments-4--activeRate-band svg circle.within').count(), 1);
  // The charts say in words what they draw.
  const cumulative = await page.locator('figure[data-chart="cumulative"] .chart-text').innerText();
  assert.match(cumulative, /Pays back after/);
  const line = page.locator('figure[data-chart="cumulative"] svg polyline.benefit:not(.key)');
  assert.equal(await line.count(), 1);
  const points = await line.getAttribute('points');
  assert.equal(points.split(' ').length, report.monthly.length, 'one point a month');
  const tornado = await page.locator('figure[data-chart="tornado"] .chart-text li').allInnerTexts();
  assert.equal(tornado.length, Math.min(6, report.sensitivity.length));
  assert.match(await page.locator('figure[data-chart="outcomes"] .chart-text').innerText(), /Chance of a positive return/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('costs and settings are edited in place and the figures follow, by hand and by the engine', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await refine(page);
  await page.getByRole('button', { name: 'Add a line to monthly costs' }).click();
  await page.locator('[data-path="costs.monthly[1].amount"]').fill('1,000');
  // First-year cost 195,000 + 12 × 1,000 = 207,000; benefit 1,638,000.
  const roi = await figure(page, 'roiPercent');
  assert.ok(Math.abs(roi - (1_638_000 - 207_000) / 207_000 * 100) < 1e-9, String(roi));
  await page.getByLabel('Working weeks a year').fill('46');
  // Benefit 100 × 0.7 × 6.5 × 46 × 75 = 1,569,750.
  assert.ok(Math.abs(await figure(page, 'roiPercent') - (1_569_750 - 207_000) / 207_000 * 100) < 1e-9);
  await page.getByLabel('Working weeks a year').fill('60');
  assert.match(await page.locator('#weeksPerYear-error').innerText(), /\S/, 'an impossible value gets a message');
  assert.equal(await page.getByLabel('Working weeks a year').inputValue(), '60', 'and stays as typed');
  await page.getByLabel('Working weeks a year').fill('48');
  // A use case replaces the benchmark hours: (180 − 40) minutes × 3 a week / 60 = 7 hours.
  await page.getByRole('button', { name: 'Add a use case to All staff' }).click();
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Contract review');
  await page.getByLabel('Minutes before').fill('180');
  await page.getByLabel('Minutes with Claude').fill('40');
  await page.getByLabel('Times a week').fill('3');
  assert.equal(await page.locator('roi-calculator').evaluate((w) => w.report.departments[0].hoursSavedPerWeek), 7);
  // Benefit 100 × 0.7 × 7 × 48 × 75 = 1,764,000.
  assert.ok(Math.abs(await figure(page, 'roiPercent') - (1_764_000 - 207_000) / 207_000 * 100) < 1e-9);
  assert.match(await page.locator('[data-board="case"] + dd').innerText(), /For example, Contract review went from 180 to 40 minutes, 3 times a week\./);
  await page.getByRole('button', { name: 'Remove Contract review' }).click();
  assert.equal(await page.locator('roi-calculator').evaluate((w) => w.report.departments[0].hoursSavedPerWeek), 6.5);
  await page.getByRole('button', { name: 'Remove Monthly cost', exact: true }).click();
  assert.equal(await page.locator('[data-path="costs.monthly[1].amount"]').count(), 0);
  assert.equal(await figure(page, 'roiPercent'), (await engine(page)).annual.roiPercent);
  assert.deepEqual(problems, []);
  await page.close();
});

test('typing into one department redraws only its card; a change that concerns every card reaches them all', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  for (let i = 1; i < 3; i += 1) await page.getByRole('button', { name: 'Add a department' }).click();
  await page.locator('[data-path="departments[2].headcount"]').waitFor();
  // Every change to the first card's subtree from here on.
  await page.locator('roi-calculator').evaluate((w) => {
    const card = w.shadowRoot.querySelector('[data-path="departments[0].headcount"]').closest('fieldset');
    globalThis.firstCardChanges = 0;
    new MutationObserver((list) => { globalThis.firstCardChanges += list.length; })
      .observe(card, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const before = await figure(page, 'roiPercent');
  await page.locator('[data-path="departments[2].headcount"]').fill('250');
  assert.notEqual(await figure(page, 'roiPercent'), before, 'the figures follow the typed card');
  assert.equal(await figure(page, 'roiPercent'), (await engine(page)).annual.roiPercent);
  assert.equal(await page.locator('roi-calculator').evaluate(() => globalThis.firstCardChanges), 0, 'the first card is left alone');
  // Between the quick start and every input, each card changes, the untouched first one included.
  const activeRate = page.locator('[data-path="departments[0].activeRate"]');
  const shown = await activeRate.count();
  await page.locator('.inputs-switch button').click();
  await page.waitForFunction((n) => document.querySelector('roi-calculator').shadowRoot
    .querySelectorAll('[data-path="departments[0].activeRate"]').length !== n, shown);
  assert.notEqual(await activeRate.count(), shown, 'the first card shows the other form too');
  assert.equal(await page.locator('[data-path="departments[2].headcount"]').inputValue(), '250');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an L&D lead enters Day-30 numbers and gets the red flags with their actions', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  assert.equal(await page.getByLabel('Checkpoint').inputValue(), '30');
  await page.getByLabel('Active use (3+ times in the last 7 days)').first().fill('45');
  await page.getByLabel('Completed the training').fill('90');
  await page.getByLabel('Weekly active ÷ licensed seats').first().fill('22');
  await page.getByLabel('Outputs reviewed before use').fill('95');
  await page.getByRole('button', { name: 'Add a department' }).click();
  await page.locator('[data-path="departments[1].name"]').fill('Legal');
  await page.locator('[data-path="departments[1].metrics.weeklyActiveRate"]').fill('62');
  await page.locator('[data-path="departments[0].metrics.weeklyActiveRate"]').fill('30');

  const assessment = await engine(page, 'assess');
  assert.equal(assessment.metrics.activeUsageRate.status, 'red');
  // Statuses in words, beside the colour.
  assert.match(await page.locator('td[data-status="activeUsageRate"]').innerText(), /Act now/);
  assert.match(await page.locator('td[data-status="completionRate"]').innerText(), /On target/);
  assert.match(await page.locator('td[data-status="reviewedBeforeUse"]').innerText(), /On target/);
  assert.match(await page.locator('td[data-status="satisfaction"]').innerText(), /Not measured/);
  // Every flag the engine raises is listed in its order, red first, with its action; the flags on the
  // same metric of the same department are one item, headed by the first (most urgent) of them (and
  // departments given the same advice on a metric share one item: tests/view.rs; here one is flagged).
  const flags = await page.locator('.flag').allInnerTexts();
  const items = [...new Set(assessment.flags.map((f) => `${f.department ?? ''}|${f.metric}`))];
  assert.equal(flags.length, items.length);
  assessment.flags.forEach((flag) => {
    const i = items.indexOf(`${flag.department ?? ''}|${flag.metric}`);
    assert.ok(flags[i].includes(flag.diagnosis) && flags[i].includes(`Next: ${flag.action}`), flags[i]);
    const first = assessment.flags.find((f) => f.department === flag.department && f.metric === flag.metric);
    assert.ok(flags[i].startsWith(first.severity === 'red' ? 'Act now' : 'Watch'), flags[i]);
  });
  assert.ok(assessment.flags.some((f) => f.ruleId === 'content-not-connecting'), 'the combined rule fires');
  // Department adoption: one of two at 50%+, and the one below is named.
  assert.match(await page.locator('.adoption').innerText(), /Below 50% weekly active: All staff\./);
  assert.match(await page.locator('td[data-status="departmentAdoptionRate"]').innerText(), /Below target \(50\s?%\)/);
  // The board report takes the evidence and makes the first red flag the next step.
  assert.match(await page.locator('[data-board="adoption"] + dd').innerText(), /^45\s?% of trained employees .* short of the 70\s?% target\.$/);
  const red = assessment.flags.find((f) => f.severity === 'red');
  assert.match(await page.locator('[data-board="next"] + dd').innerText(), new RegExp(`^Before expanding: .*${red.action.slice(0, 20)}`));
  // A value out of range stays with its message; the scorecard keeps the last valid entry.
  await page.getByLabel('Satisfaction, 1–5').first().fill('7');
  assert.match(await page.locator('#metrics-satisfaction-error').innerText(), /1 to 5/);
  assert.equal(await page.getByLabel('Satisfaction, 1–5').first().inputValue(), '7');
  // Switching to the projection and back keeps everything entered.
  await page.getByRole('button', { name: 'Project the return' }).click();
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  assert.equal(await page.getByLabel('Completed the training').inputValue(), '90');
  assert.deepEqual(problems, []);
  await page.close();
});

test('two widgets under hostile host CSS: independent, unaffected, each module downloaded once', async () => {
  const { page, problems, requests } = await open(browser.context, `${browser.origin}/embed-example.html`);
  await ready(page, '#projected');
  await ready(page, '#measured');
  await page.waitForLoadState('networkidle');
  // Each module once for both: the page's for the figures, the import module for their import workers.
  const wasm = requests.filter((url) => url.endsWith('.wasm')).map((url) => url.split('/').pop()).sort();
  assert.deepEqual(wasm, ['roi_calculator_bg.wasm', 'roi_import_bg.wasm'], 'one download of each module for both');
  assert.equal(await page.locator('#measured .widget').getAttribute('data-mode'), 'measure');
  // The host's `input { display: none !important }`, `* { color: magenta !important }` and friends stay outside.
  const look = await page.locator('#projected [data-path="departments[0].headcount"]').evaluate((input) => {
    const style = getComputedStyle(input);
    const widget = getComputedStyle(input.getRootNode().querySelector('.widget'));
    return { visible: input.checkVisibility() && style.display !== 'none', color: widget.color, transform: widget.textTransform, spacing: widget.letterSpacing };
  });
  assert.deepEqual(look, { visible: true, color: 'rgb(29, 27, 22)', transform: 'none', spacing: 'normal' });
  // German number format in, German number format out; the other widget does not move.
  const before = await page.locator('#measured').evaluate((w) => JSON.stringify(w.assessment));
  await page.locator('#projected [data-path="departments[1].annualCost"]').fill('150.000,5');
  assert.equal(await page.locator('#projected').evaluate((w) => w.scenario.departments[1].annualCost), 150000.5);
  assert.match(await page.locator('#projected [data-figure="netBenefit"]').innerText(), /^-?[\d.]+\s€$/);
  assert.equal(await page.locator('#measured').evaluate((w) => JSON.stringify(w.assessment)), before);
  const report = await engine(page, 'evaluate', '#projected');
  assert.equal(await figure(page.locator('#projected'), 'roiPercent'), report.annual.roiPercent);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${ARTIFACTS}embed-example-1440.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the benchmarks attribute lays a table over the built-in one; a broken one is reported, not fatal', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const table = { version: 1, benchmarks: [{ key: 'sales', label: 'Sales EMEA', activeRate: { low: 0.5, high: 0.6 }, hoursSavedPerWeek: { low: 1, high: 2 } }] };
  await page.route('**/ours.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(table) }));
  await page.route('**/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"version":1,"benchmarks":[{"key":"x"}]}' }));
  const made = await page.evaluate(async () => {
    const make = (url) => new Promise((resolve) => {
      const widget = document.createElement('roi-calculator');
      const errors = [];
      widget.addEventListener('roi-error', (e) => errors.push(e.detail.message));
      widget.setAttribute('benchmarks', url);
      widget.scenario = { version: 1, departments: [{ name: 'Sales', benchmark: 'sales', headcount: 10, hourlyCost: 50 }] };
      document.body.append(widget);
      const wait = () => (widget.dataset.ready ? resolve({ errors, rate: widget.report.departments[0].activeRate }) : setTimeout(wait, 20));
      wait();
    });
    return [await make('ours.json'), await make('broken.json')];
  });
  // Sales EMEA's band 50–60%: its midpoint 55% is used; the built-in Sales midpoint is 77.5%.
  assert.deepEqual(made[0], { errors: [], rate: 0.55 });
  assert.equal(made[1].rate, 0.775);
  assert.match(made[1].errors[0], /benchmark table/i);
  await page.close();
});

test('print turns either mode into a one-page board report without controls', async () => {
  for (const mode of ['project', 'measure']) {
    const { page } = await open(browser.context, `${browser.origin}/`);
    await ready(page);
    if (mode === 'measure') await page.locator('roi-calculator').evaluate((w) => w.setAttribute('mode', 'measure'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Add a department' }).isVisible(), false, `${mode}: no controls`);
    assert.equal(await page.locator('.inputs-switch').isVisible(), false, `${mode}: no word of the quick start`);
    assert.equal(await page.locator('.share').isVisible(), false);
    assert.ok(await page.locator('.board-items').isVisible(), `${mode}: the board report prints`);
    assert.deepEqual(await page.locator('.board-items dt').allInnerTexts(),
      ['Headline return', 'Adoption evidence', 'Quality assurance', 'One case', 'Next step']);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    assert.equal(pages.length, 1, `${mode}: one A4 page`);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${ARTIFACTS}print-${mode}.png`, fullPage: true });
    await page.close();
  }
});

test('the whole page can be walked and used by keyboard', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await refine(page);
  /** Tabs until the focused element (inside the widget or not) matches `want`; returns how many presses. */
  const tabTo = async (want, limit = 80) => {
    for (let i = 1; i <= limit; i += 1) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((want) => {
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element?.matches(want) ?? false;
      }, want);
      if (hit) return i;
    }
    throw new Error(`${want} is not reachable by Tab`);
  };
  await tabTo('button[data-action="mode:project"]');
  await tabTo('[data-path="departments[0].headcount"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('250');
  assert.ok(Math.abs(await figure(page, 'roiPercent') - (4_095_000 - 361_500) / 361_500 * 100) < 1e-9);
  await tabTo('button[data-action="add:departments"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('fieldset.department').count(), 2);
  await tabTo('[data-path="uncertainty.draws"]');
  await tabTo('button[data-share="print"]');
  // Back up to the mode switch and change mode with the keyboard: focus stays on the switch.
  await page.keyboard.press('Shift+Tab');
  await page.locator('button[data-action="mode:measure"]').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('.widget').getAttribute('data-mode'), 'measure');
  assert.equal(await page.locator('button[data-action="mode:measure"]').evaluate((b) => b.getRootNode().activeElement === b), true);
  await tabTo('[data-path="metrics.activeUsageRate"]');
  await page.keyboard.type('45');
  assert.match(await page.locator('td[data-status="activeUsageRate"]').innerText(), /Act now/);
  await page.close();
});

test('both modes pass axe-core and are screenshotted at 360 and 1440 px', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  for (const mode of ['project', 'measure']) {
    await page.locator('roi-calculator').evaluate((w, mode) => w.setAttribute('mode', mode), mode);
    if (mode === 'measure') await page.getByLabel('Active use (3+ times in the last 7 days)').first().fill('45');
    assert.deepEqual(await accessibilityProblems(page), [], mode);
    for (const width of [360, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${mode} at ${width} px scrolls sideways by ${overflow} px`);
      await page.screenshot({ path: `${ARTIFACTS}${mode}-${width}.png`, fullPage: true });
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});
