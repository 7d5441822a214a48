// The files people really download, dropped on the widget in Chromium: a learning system's completion
// report as the roster and the Claude Code analytics Admin API's two JSON pages as the usage. Each file is
// named by the shape it was recognised as, what it cannot measure is said beside it with why, and the
// scorecard shows what tests/import_shapes.rs computes by hand for day 7 (all four people active that week).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openMeasure } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fixture = async (name, mimeType) =>
  ({ name, mimeType, buffer: await readFile(new URL(`../fixtures/import/shapes/${name}`, import.meta.url)) });

test('a learning-system roster and Admin API JSON pages are recognised, measured, and say what they cannot measure', async () => {
  const { page, problems, requests } = await openMeasure(browser.context, `${browser.origin}/`, { checkpointDay: 7 });
  await page.locator('input[type="file"]').setInputFiles([
    await fixture('lms-roster.csv', 'text/csv'),
    await fixture('claude-code-page-1.json', 'application/json'),
    await fixture('claude-code-page-2.json', 'application/json'),
  ]);
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate !== undefined);
  const files = await page.locator('.import-files li').allInnerTexts();
  assert.equal(files.length, 3, files.join('\n'));
  assert.match(files[0], /^lms-roster\.csv: Learning-system completion report, 4 rows$/);
  assert.match(files[1], /^claude-code-page-1\.json: Claude Code analytics \(Admin API JSON\), 5 rows\. Not measured: Average session, minutes — this export counts sessions, not their minutes$/);
  assert.match(files[2], /^claude-code-page-2\.json: Claude Code analytics \(Admin API JSON\)/);
  // By hand (tests/import_shapes.rs): all four reached day 7 and had a session that week.
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '100%');
  assert.deepEqual(requests, [], 'the files never leave the browser');
  assert.deepEqual(problems, []);
  await page.close();
});
