// A layout made for deciding: at 1440 px the inputs sit beside the results and the headline figures stay in
// view while the last department's field is typed into; at 360 px a compact summary of the headline stays
// at the top while the inputs scroll, and follows what is typed. Screenshots of both are kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, launch, open } from './chromium.mjs';

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
  await page.waitForSelector('roi-calculator[data-ready="true"]');
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
