// The page in a real Chromium: the release build loads, the default scenario's figures appear and
// match both the engine and a hand computation, and nothing is fetched from anywhere else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { ARTIFACTS, accessibilityProblems, launch, open } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

const figure = (page, name) => page.locator(`[data-figure="${name}"]`);

test('the release build is what the page loads', async () => {
  const wasm = await stat(new URL('../../pkg/roi_calculator_bg.wasm', import.meta.url));
  // A debug build is megabytes; the optimised release is well under 300 KB.
  assert.ok(wasm.size < 300_000, `pkg/ holds a ${wasm.size}-byte module: run scripts/build.sh (release) first`);
});

test('the default scenario shows its headline figures', async () => {
  const { page, problems, requests } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.getAttribute('html', 'data-ready'), 'true', await page.locator('#problems').innerText());

  // By hand: benefit = 100 × 0.70 × 6.5 h × 48 weeks × $75 = $1,638,000; first-year cost =
  // $60,000 + 100 × (6 + 4) h × $75 + 12 × ($2,000 + 100 × $30) = $195,000; ROI = 1,443,000 / 195,000 = 740%.
  assert.equal(Number(await figure(page, 'roiPercent').getAttribute('data-value')), 740);
  assert.equal(Number(await figure(page, 'benefitCostRatio').getAttribute('data-value')), 8.4);
  assert.equal(Number(await figure(page, 'netBenefit').getAttribute('data-value')), 1_443_000);

  // Every figure on screen is the engine's own figure, called from the page.
  const engine = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    await m.default();
    const r = m.evaluate(m.defaultScenario());
    // The README's JavaScript example: 250 people instead of 100.
    const readme = m.defaultScenario();
    readme.departments[0].headcount = 250;
    globalThis.readmeRoi = m.evaluate(readme).annual.roiPercent;
    return { paybackMonths: r.paybackMonths, npv: r.horizon.npv, firstYearRoiPercent: r.firstYear.roiPercent,
             probabilityPositive: r.risk.probabilityPositive };
  });
  for (const [name, value] of Object.entries(engine)) {
    assert.equal(Number(await figure(page, name).getAttribute('data-value')), value, name);
  }
  // README: benefit 250 × 0.7 × 6.5 × 48 × $75 = $4,095,000; cost $60,000 + 250 × 10 h × $75 +
  // 12 × ($2,000 + 250 × $30) = $361,500.
  const readmeRoi = await page.evaluate(() => globalThis.readmeRoi);
  assert.ok(Math.abs(readmeRoi - (4_095_000 - 361_500) / 361_500 * 100) < 1e-9, `README example: ${readmeRoi}`);
  assert.match(await figure(page, 'roiPercent').innerText(), /^740\s?%$/);
  assert.match(await figure(page, 'netBenefit').innerText(), /^\$1,443,000$/);

  assert.deepEqual(problems, []);
  const foreign = requests.filter((url) => !url.startsWith(browser.origin));
  assert.deepEqual(foreign, [], 'no request leaves the page’s own origin');
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}page-${width}.png`, fullPage: true });
  }
  await page.close();
});

test('an engine error is shown as text with every problem listed', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('html[data-ready="true"]');
  const thrown = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    try {
      m.evaluate({ version: 1, departments: [{ name: 'A', headcount: -1, hourlyCost: 10, activeRate: 2 }], typo: 1 });
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message, paths: error.errors.map((e) => e.path) };
    }
  });
  assert.ok(thrown?.isError, 'a JS Error is thrown');
  assert.deepEqual(thrown.paths, ['typo', 'departments[0].headcount', 'departments[0].activeRate']);
  assert.match(thrown.message, /^The scenario has 3 problems: /);
  await page.close();
});

test('the page has no serious or critical accessibility violations (axe-core)', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('html[data-ready="true"]');
  assert.deepEqual(await accessibilityProblems(page), []);
  await page.close();
});
