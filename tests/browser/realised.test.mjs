// The return delivered, as an L&D lead meets it: import the sample data at day 90 and read the ROI the
// training delivered — checked here against the formulas applied by hand to the measurements the import
// produced — beside the projection, in words, on a chart and in the board report; then carry what was
// measured into the projection, reopen its share link, and undo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, accessibilityProblems, launch, open } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

const widget = (page) => page.locator('roi-calculator');
const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);

/**
 * The realised ROI by hand, for the default scenario (one "All staff" department at $75 an hour, 48
 * weeks, attribution and confidence 1; $60,000 one-time, 6 + 4 training and learning hours a person,
 * $2,000 a month and $30 a seat a month): no measured department shares its name or benchmark, so each is
 * valued at $75 an hour; B = Σ people × active × hours × 48 × $75 (a department's own value, else the
 * organisation's); C = $60,000 + people × 10 h × $75 + 12 × ($2,000 + seats × $30).
 */
function byHand(m) {
  const benefit = m.departments.reduce((sum, d) => {
    const active = d.metrics.activeUsageRate ?? m.metrics.activeUsageRate;
    const hours = d.metrics.hoursSavedPerWeek ?? m.metrics.hoursSavedPerWeek;
    return sum + d.people * active * hours * 48 * 75;
  }, 0);
  const people = m.departments.reduce((sum, d) => sum + d.people, 0);
  const cost = 60_000 + people * 10 * 75 + 12 * (2_000 + m.licensedSeats * 30);
  return { benefit, cost, roi: (benefit - cost) / cost * 100 };
}

test('at day 90 an import shows the ROI delivered beside the projection, and it carries into the projection', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.locator('[data-path="checkpointDay"]').selectOption('90');
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.checkpointDay === 90
    && document.querySelector('roi-calculator').measurements?.metrics?.activeUsageRate !== undefined);
  await page.locator('.import-status', { hasText: /\(0 skipped\)/ }).waitFor({ timeout: 60_000 });

  const measurements = await widget(page).evaluate((w) => w.measurements);
  assert.ok(measurements.departments.length >= 5 && measurements.departments.every((d) => d.people > 0), 'people per department');
  const expected = byHand(measurements);
  const shown = Number(await page.locator('output[data-realised="roiPercent"]').getAttribute('data-value'));
  close(shown, expected.roi, 'realised ROI');

  const words = await page.locator('.realised-words').innerText();
  assert.match(words, /^At day 90 the training returns [\d.,]+× its first-year cost, against 8\.4× projected/);
  assert.match(await page.locator('dd[data-projected="roiPercent"]').innerText(), /^projected: 740%$/);
  assert.equal(await page.locator('figure[data-chart="realised"] rect.realised:not(.key)').count(), measurements.departments.length);
  // The board leads with what was delivered, and names no person.
  const board = await page.locator('.board-items').innerText();
  assert.match(board, /At day 90 training returns [\d.,]+× its first-year cost, against 8\.4× projected/);
  assert.doesNotMatch(board, /@/);
  assert.deepEqual(await accessibilityProblems(page), []);
  await page.screenshot({ path: `${ARTIFACTS}realised-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('[part="realised"]').screenshot({ path: `${ARTIFACTS}realised-390.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  // On paper the return delivered stands, its four figures beside what was projected, above the board
  // report; its chart, notes and buttons do not, and the sheet is one page.
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, 1, 'one A4 page');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('output[data-realised="roiPercent"]').isVisible());
  assert.ok(await page.locator('dd[data-projected="roiPercent"]').isVisible());
  for (const hidden of ['figure[data-chart="realised"]', '.realised-notes', '.realised-words']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Apply: the projection's departments, people, rates and hours become what was measured; costs stay.
  await page.getByRole('button', { name: 'Use what was measured in the projection' }).click();
  const applied = await widget(page).evaluate((w) => w.scenario);
  assert.deepEqual(applied.departments.map((d) => d.name), measurements.departments.map((d) => d.name));
  assert.deepEqual(applied.departments.map((d) => d.headcount), measurements.departments.map((d) => d.people));
  assert.equal(applied.costs.oneTime[0].amount, 60_000);
  const projected = await widget(page).evaluate((w) => w.report.annual.benefit);
  close(projected, expected.benefit, 'the projection now gives the realised benefit');
  await page.waitForFunction((n) => {
    const hash = location.hash;
    return hash.length > 1 && document.querySelector('roi-calculator').scenario.departments.length === n;
  }, measurements.departments.length);
  await page.waitForTimeout(400); // the address follows the last change a moment later
  const link = await page.evaluate(() => location.href);
  const reopened = await browser.context.newPage();
  await reopened.goto(link);
  await reopened.waitForSelector('roi-calculator[data-ready="true"]');
  assert.deepEqual(await widget(reopened).evaluate((w) => w.scenario), applied, 'the link reopens the applied scenario');
  await reopened.close();

  await page.getByRole('button', { name: 'Undo: back to the projection as it was' }).click();
  assert.deepEqual((await widget(page).evaluate((w) => w.scenario)).departments.map((d) => d.name), ['All staff']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('before day 30 the return is said to be too early to judge', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.locator('[data-path="checkpointDay"]').selectOption('7');
  await page.getByLabel('Active use (3+ times in the last 7 days)').first().fill('45');
  assert.match(await page.locator('.realised-words').innerText(), /^At day 7 it is too early to judge the return/);
  assert.match(await page.locator('.board-items').innerText(), /Training returns 8\.4× its first-year cost/);
  await page.close();
});
