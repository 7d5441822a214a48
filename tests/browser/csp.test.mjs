// The calculator on a host with a strict Content-Security-Policy (below): every response of the test
// server gets the header, so the page, the embed example, the shell's stylesheet and wasm fetches and the
// import worker all run under it. Used fully there — figures, typing, a new department, measure mode, an
// import by the worker — it raises no `securitypolicyviolation` event (they are composed, so those from
// inside the widget's shadow root reach the listener on the document) and logs no console error. A
// control test first shows the policy really is in force and that a violation inside the shadow root is
// caught, so "none" means none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, STRICT_CSP as CSP, dropFixtureFiles, launch, open } from './chromium.mjs';

let browser;
before(async () => {
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
  await browser.context.route(`${browser.origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
  });
  // Before any script of the page: every violation, wherever it happens in the document, is kept.
  await browser.context.addInitScript(() => {
    globalThis.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      globalThis.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    }, true);
  });
});
after(async () => { await browser?.close(); });

const violations = (page) => page.evaluate(() => globalThis.violations);
const ready = (page, selector = 'roi-calculator') => page.waitForSelector(`${selector}[data-ready="true"]`);
const value = async (page, name) => Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('control: the policy is in force, and a violation inside the shadow root is caught', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const header = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
  assert.equal(header, CSP);
  // What the widget must never do: a style attribute set from script, inside its shadow root.
  await page.locator('roi-calculator').evaluate((w) => w.shadowRoot.querySelector('.widget').setAttribute('style', 'color: red'));
  await page.waitForFunction(() => globalThis.violations.length > 0);
  assert.match((await violations(page))[0], /^style-src-attr blocked inline/);
  await page.close();
});

test('the page under the strict CSP: figures, typing, a department, measure mode and an import, no violation', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  // By hand: benefit 100 × 0.70 × 6.5 h × 48 × $75 = $1,638,000; cost $195,000; ROI 740%, 8.4×.
  assert.equal(await value(page, 'roiPercent'), 740);
  assert.equal(await value(page, 'benefitCostRatio'), 8.4);
  assert.equal(await page.locator('figure[data-chart="cumulative"] svg polyline.benefit:not(.key)').count(), 1, 'charts drawn');

  await page.getByLabel('People').fill('250');
  // Benefit $4,095,000; cost $60,000 + 250 × 10 h × $75 + 12 × ($2,000 + 250 × $30) = $361,500.
  close(await value(page, 'roiPercent'), (4_095_000 - 361_500) / 361_500 * 100);

  await page.getByRole('button', { name: 'Add a department' }).click();
  await page.locator('[data-path="departments[1].name"]').fill('Legal');
  await page.locator('[data-path="departments[1].benchmark"]').selectOption('legal');
  await page.locator('[data-path="departments[1].headcount"]').fill('10');
  await page.locator('[data-path="departments[1].hourlyCost"]').fill('100');
  // Legal at its band's midpoints: 10 × 0.725 × 5.5 h × 48 × $100 = $191,400 more benefit; cost adds
  // 10 × 10 h × $100 = $10,000 of time and 10 more seats × $30 × 12 = $3,600: (4,286,400 − 375,100) / 375,100.
  close(await value(page, 'roiPercent'), (4_286_400 - 375_100) / 375_100 * 100);
  await page.waitForFunction(() => document.querySelector('roi-calculator').report.risk?.draws === 10_000);

  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.getByLabel('Active use (3+ times in the last 7 days)').first().fill('45');
  // 45% is below the 50% red line (source 000).
  assert.match(await page.locator('td[data-status="activeUsageRate"]').innerText(), /Act now/);
  // The import worker (worker-src falls back to script-src 'self') reads the dropped files.
  await page.locator('[data-path="checkpointDay"]').selectOption('7');
  await dropFixtureFiles(page);
  // By hand (tests/import.rs): at day 7, 2 of the 3 licensed people were active that week.
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '66.7%');

  await page.getByRole('button', { name: 'Project the return' }).click();
  close(await value(page, 'roiPercent'), (4_286_400 - 375_100) / 375_100 * 100);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${ARTIFACTS}csp-page-1440.png`, fullPage: true });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the embed example (two widgets, hostile host CSS) under the strict CSP: no violation', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/embed-example.html`);
  await ready(page, '#projected');
  await ready(page, '#measured');
  await page.locator('#projected [data-path="departments[0].headcount"]').fill('41');
  await page.locator('#measured [data-path="metrics.activeUsageRate"]').fill('72');
  assert.match(await page.locator('#measured td[data-status="activeUsageRate"]').innerText(), /On target/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});
