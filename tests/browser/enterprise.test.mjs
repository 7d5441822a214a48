// A learning system's roster without departments, an HR people file that gives them, and Claude Enterprise
// analytics per user (dated CSV rows, and one day's Analytics API JSON whose rows have no date — the day is
// in the file's name) dropped together on the widget in Chromium: each file is named by its shape, the
// departments are joined by e-mail address (Dee, not in the people file, stays in All staff), and the
// department breakdown shows what tests/import_enterprise.rs computes by hand for day 7.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openMeasure } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const fixture = async (file, name = file, mimeType = 'text/csv') =>
  ({ name, mimeType, buffer: await readFile(new URL(`../fixtures/import/shapes/${file}`, import.meta.url)) });

test('a people file joins departments onto an LMS roster, and Enterprise analytics take their day from the file name', async () => {
  const { page, problems, requests } = await openMeasure(browser.context, `${browser.origin}/`, { checkpointDay: 7 });
  await page.locator('input[type="file"]').setInputFiles([
    await fixture('hr-people.csv'),
    await fixture('lms-roster.csv'),
    await fixture('claude-enterprise-users.csv'),
    await fixture('claude-enterprise-users.json', 'claude-analytics-2025-03-10.json', 'application/json'),
  ]);
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate !== undefined);
  const files = await page.locator('.import-files li').allInnerTexts();
  assert.equal(files.length, 4, files.join('\n'));
  assert.match(files[0], /^hr-people\.csv: People file \(departments for the roster\), 4 rows$/);
  assert.match(files[1], /^lms-roster\.csv: Learning-system completion report, 4 rows$/);
  assert.match(files[2], /^claude-enterprise-users\.csv: Claude Enterprise analytics \(per user, CSV\), 8 rows\. Not measured: Average session, minutes — this export counts conversations and sessions, not their minutes$/);
  assert.match(files[3], /^claude-analytics-2025-03-10\.json: Claude Enterprise analytics \(per user\), 3 rows/);
  // By hand: Ana 6, Ben 6, Cy 1, Dee 2 sessions in their first week — everyone active.
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '100%');
  const departments = await page.locator('.breakdown-table tbody th').allInnerTexts();
  assert.deepEqual(departments, ['All staff', 'Engineering', 'Sales']);
  const notes = (await page.locator('.import-note').allInnerTexts()).join('\n');
  assert.match(notes, /Departments joined from the people file by e-mail address: 3 of 4 people in the roster found\./);
  assert.match(notes, /Not found in the people file, so left without a department \(1\): dee@example\.com\./);
  assert.match(notes, /1 row of the people file is not in the roster and was not used: eve@example\.com\./);
  assert.deepEqual(requests, [], 'the files never leave the browser');
  assert.deepEqual(problems, []);
  await page.close();
});
