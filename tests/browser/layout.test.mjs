// A layout made for deciding: at 1440 px the inputs sit beside the results and the headline figures stay in
// view while the last department's field is typed into; at 360 px a compact summary of the headline stays
// at the top while the inputs scroll, and follows what is typed. Screenshots of both are kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, launch, open, refine } from './chromium.mjs';

let browser;
before(async () => {
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => { await browser?.close(); });

/** Whether the element's box lies wholly inside the viewport. */
const inView = (locator) => locator.evaluate((element) => {
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
});

test('at 1440 px the headline figures stay in view while the last department is edited', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Add a department' }).click();
  const last = page.locator('[data-path="departments[4].headcount"]');
  await last.focus();
  await last.fill('300');
  const roi = page.locator('[data-figure="roiPercent"]');
  assert.ok(await inView(last), 'the field being typed into is in view');
  assert.ok(await inView(roi), 'the headline ROI is in view beside it');
  // The figure shown is the engine's for what was typed.
  const expected = await page.locator('roi-calculator').evaluate((w) => w.report.annual.roiPercent);
  assert.equal(Number(await roi.getAttribute('data-value')), expected);
  await page.screenshot({ path: `${ARTIFACTS}layout-1440-editing.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 360 px a compact summary stays visible while the inputs scroll, and follows the typing', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 360, height: 740 });
  await refine(page);
  const field = page.getByLabel('Working weeks a year');
  await field.scrollIntoViewIfNeeded();
  await field.fill('40');
  const summary = page.locator('[part="summary"]');
  assert.ok(await inView(summary), 'the summary is on screen while the settings are edited');
  assert.ok(!(await inView(page.locator('[data-figure="roiPercent"]'))), 'the headline itself has scrolled away');
  const report = await page.locator('roi-calculator').evaluate((w) => w.report);
  const shown = await page.locator('[data-summary="roiPercent"]').innerText();
  assert.equal(shown, await page.locator('[data-figure="roiPercent"]').innerText(), 'the summary shows the headline ROI');
  assert.match(shown, new RegExp(`^${Math.round(report.annual.roiPercent).toLocaleString('en-US')}`));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scroll (${width} px)`);
  await page.screenshot({ path: `${ARTIFACTS}layout-360-scrolled.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Two widgets on a blank page of the site: one opening on the quick start, one on every input. */
async function twoWidgets(page) {
  await page.evaluate(() => {
    document.body.replaceChildren();
    for (const inputs of ['quick', 'all']) {
      const widget = document.createElement('roi-calculator');
      widget.setAttribute('inputs', inputs);
      widget.id = inputs;
      document.body.append(widget);
    }
  });
  await page.waitForFunction(() => [...document.querySelectorAll('roi-calculator')].every((w) => w.dataset.ready === 'true'));
}

test('the quick start asks only what a prospect knows, and gives the figures of the full form', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await twoWidgets(page);
  const quick = page.locator('#quick');
  // Names, benchmarks, people, cost, and the programme's one-time cost: nothing else to fill in.
  const paths = await quick.locator('input[data-path], select[data-path]').evaluateAll((list) => list.map((e) => e.dataset.path));
  assert.deepEqual(paths, ['departments[0].name', 'departments[0].benchmark', 'departments[0].headcount',
    'departments[0].hourlyCost', 'costs.oneTime[0].label', 'costs.oneTime[0].amount']);
  await quick.getByRole('button', { name: 'Add a department' }).click();
  for (const id of ['#quick', '#all']) {
    const widget = page.locator(id);
    if (id === '#all') await widget.getByRole('button', { name: 'Add a department' }).click();
    await widget.locator('[data-path="departments[0].benchmark"]').selectOption('engineering');
    await widget.locator('[data-path="departments[0].headcount"]').fill('120');
    await widget.locator('[data-path="departments[0].hourlyCost"]').fill('95');
    await widget.locator('[data-path="departments[1].benchmark"]').selectOption('legal');
    await widget.locator('[data-path="departments[1].headcount"]').fill('15');
    await widget.locator('[data-path="costs.oneTime[0].amount"]').fill('48000');
  }
  await page.waitForTimeout(300); // both settle (the Monte Carlo completes after typing pauses)
  const figures = (id) => page.locator(id).locator('output[data-figure]').evaluateAll((list) => list.map((o) => [o.dataset.figure, o.textContent]));
  const shown = await figures('#quick');
  assert.deepEqual(shown, await figures('#all'));
  assert.equal(shown.length, 6);
  const [quickReport, fullReport] = await page.evaluate(() => ['#quick', '#all'].map((id) => document.querySelector(id).report));
  assert.deepEqual(quickReport, fullReport);
  assert.equal(quickReport.departments[0].headcount, 120);
  await quick.screenshot({ path: `${ARTIFACTS}quick-start-390.png` });
  // Everything else is one press away, with what was typed kept.
  await quick.getByRole('button', { name: 'Refine every input' }).click();
  assert.equal(await quick.locator('[data-path="departments[0].headcount"]').inputValue(), '120');
  assert.ok(await quick.locator('[data-path="weeksPerYear"]').isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 1440 px measure mode puts what was measured beside what it means', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  const field = page.locator('[data-path="metrics.hoursSavedPerWeek"]');
  await field.evaluate((input) => input.scrollIntoView({ block: 'center' }));
  await field.fill('2');
  const score = page.locator('output[data-score="hoursPerUser"]');
  assert.ok(await inView(field), 'the field being typed into is in view');
  assert.ok(await inView(score), 'the scorecard is in view beside it');
  const [a, b] = await Promise.all([field.boundingBox(), score.boundingBox()]);
  assert.ok(b.x > a.x + a.width, 'the scorecard is to the right of the inputs');
  assert.match(await score.innerText(), /^2 h$/);
  await page.screenshot({ path: `${ARTIFACTS}layout-1440-measure.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 360 px an import\'s results come right under it, before the fields it filled', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
  // Typed by hand, the fields come first.
  assert.ok(await top('[part="checkpoint"]') < await top('[part="scorecard"]'));
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate !== undefined);
  const [status, scorecard, flags, fields] = await Promise.all(['.import-status', '[part="scorecard"]', '[part="flags"]', '[part="checkpoint"]'].map(top));
  assert.ok(status < scorecard && scorecard < flags && flags < fields, `import ${status}, scorecard ${scorecard}, flags ${flags}, fields ${fields}`);
  assert.ok(scorecard - status < 1500, `the scorecard is ${scorecard - status} px under the import's status`);
  await page.screenshot({ path: `${ARTIFACTS}layout-360-imported.png` });
  // Its tables of figures are cards on a phone: nothing past the edge, each figure under its column's name.
  const tables = page.locator('.stacks');
  assert.ok(await tables.count() >= 4);
  for (const region of await tables.all()) {
    const [scroll, client] = await region.evaluate((r) => [r.scrollWidth, r.clientWidth]);
    assert.ok(scroll <= client, `${await region.getAttribute('aria-label')}: ${scroll} px in ${client}`);
    const heads = await region.locator('thead th').allTextContents();
    const cells = region.locator('tbody tr').first().locator('td');
    for (let i = 0; i < await cells.count(); i += 1) {
      assert.equal(await cells.nth(i).locator('.cell-label').innerText(), heads[i + 1]);
    }
  }
  await page.locator('.timeline').screenshot({ path: `${ARTIFACTS}layout-360-timeline.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 390 px "Refine every input" keeps the inputs in view and focus on their switch', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.locator('roi-calculator').evaluate((w) => w.setAttribute('inputs', 'quick'));
  const refine = page.getByRole('button', { name: 'Refine every input' });
  await refine.click();
  const back = page.getByRole('button', { name: 'Show only the quick start' });
  assert.ok(await back.evaluate((b) => b.getRootNode().activeElement === b), 'focus is on the switch');
  assert.ok(await inView(back), 'and it is in view');
  assert.deepEqual(problems, []);
  await page.close();
});

/** The font size each chart's text is drawn at on screen (its stylesheet size times the drawing's scale). */
const chartTextSizes = (page) => page.locator('roi-calculator').evaluate((w) =>
  [...w.shadowRoot.querySelectorAll('figure.chart > svg')].flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  }));

test('the charts are laid out at the width they are drawn, so their text is legible at 360 px and follows a resize', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.locator('figure[data-chart="tornado"]').scrollIntoViewIfNeeded();
  const sizes = async () => {
    const all = await chartTextSizes(page);
    assert.ok(all.length > 20, `${all.length} texts`);
    return [Math.min(...all), Math.max(...all)];
  };
  // The stylesheet's 13 px, scaled by no more than the few per cent a width is let drift.
  const [phoneMin] = await sizes();
  assert.ok(phoneMin >= 12, `at 360 px the smallest chart text is ${phoneMin.toFixed(1)} px`);
  const labels = await page.locator('figure[data-chart="tornado"] svg text.label').allTextContents();
  assert.ok(labels.includes('Low estimate') && labels.includes('High estimate'), `the tornado's key: ${labels}`);
  await page.locator('figure[data-chart="outcomes"]').screenshot({ path: `${ARTIFACTS}chart-outcomes-360.png` });
  await page.locator('figure[data-chart="tornado"]').screenshot({ path: `${ARTIFACTS}chart-tornado-360.png` });
  // Wider, the same charts are laid out again: labels beside the bars, the text still 13 px.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForFunction(() => document.querySelector('roi-calculator').shadowRoot
    .querySelector('figure[data-chart="outcomes"] > svg').viewBox.baseVal.width > 500);
  const [wideMin, wideMax] = await sizes();
  assert.ok(wideMin >= 12 && wideMax <= 14, `at 1440 px chart text is ${wideMin.toFixed(1)}–${wideMax.toFixed(1)} px`);
  await page.locator('figure[data-chart="tornado"]').screenshot({ path: `${ARTIFACTS}chart-tornado-1440.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test('at 1440 px nothing in view moves when the widget takes over its prerendered figures', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => {
    /** @type {number[]} */
    const shifts = [];
    Object.assign(globalThis, { shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.reload();
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const shifts = await page.evaluate(() => globalThis.shifts);
  const total = shifts.reduce((a, b) => a + b, 0);
  assert.ok(total < 0.05, `cumulative layout shift ${total.toFixed(3)} (${shifts.length} shifts)`);
  assert.deepEqual(problems, []);
  await page.close();
});
