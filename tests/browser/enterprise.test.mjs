// A learning system's roster without departments, an HR people file that gives them, and Claude Enterprise
// analytics per user (dated CSV rows, and one day's Analytics API JSON whose rows have no date — the day is
// in the file's name) dropped together on the widget in Chromium: each file is named by its shape, the
// departments are joined by e-mail address (Dee, not in the people file, stays in All staff), and the
// department breakdown shows what tests/import_enterprise.rs computes by hand for day 7. The same day's JSON
// with a neutral name asks which day it covers: answered by keyboard it measures as named; skipped, it leaves
// the other files' figures as they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { accessibilityProblems, launch, openMeasure } from './chromium.mjs';

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

/** Drops `files` (`{ name, type, text }`) on the widget's drop zone, as a person drags them from their desktop. */
async function drop(page, files) {
  await page.locator('.dropzone').evaluate((zone, files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([f.text], f.name, { type: f.type }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
  }, files);
}

/** The four files of the first test, the day's JSON named `export.json`, which gives no day. */
const undatedDrop = async () => Promise.all([
  ['hr-people.csv', 'hr-people.csv', 'text/csv'],
  ['lms-roster.csv', 'lms-roster.csv', 'text/csv'],
  ['claude-enterprise-users.csv', 'claude-enterprise-users.csv', 'text/csv'],
  ['claude-enterprise-users.json', 'export.json', 'application/json'],
].map(async ([file, name, type]) => ({ name, type, text: await readFile(new URL(`../fixtures/import/shapes/${file}`, import.meta.url), 'utf8') })));

const focused = (page) => page.evaluate(() => {
  const active = document.querySelector('roi-calculator').shadowRoot.activeElement;
  return active?.type === 'date' ? 'date' : active?.textContent;
});

test('an Enterprise day whose name gives no day asks which day it covers, and the day typed by keyboard reads it', async () => {
  const { page, problems, requests } = await openMeasure(browser.context, `${browser.origin}/`, { checkpointDay: 7 });
  await drop(page, await undatedDrop());
  await page.getByRole('heading', { name: 'Which day does export.json cover?' }).waitFor();
  assert.match(await page.locator('.day-question p').first().innerText(), /its rows have no date and its name none\. Say which day it covers/);
  // Meanwhile the three files read are measured (tests/import_enterprise.rs: Ana, Ben and Cy of four active).
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate === 0.75);
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '75%');
  // By keyboard: the question takes the focus on its labelled date (month, day, year here, in en-US);
  // Enter uses the day typed.
  assert.equal(await focused(page), 'date');
  assert.equal(await page.getByLabel('The day it covers').count(), 1);
  assert.deepEqual(await accessibilityProblems(page), []);
  await page.keyboard.type('03102025');
  assert.equal(await page.getByLabel('The day it covers').inputValue(), '2025-03-10');
  await page.keyboard.press('Enter');
  // By hand: with 2025-03-10's rows, Ana 6, Ben 6, Cy 1, Dee 2 sessions in their first week — everyone active.
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate === 1);
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '100%');
  assert.equal(await page.locator('roi-calculator').evaluate((w) => w.measurements.metrics.sessionsPerActiveUserWeek), (6 + 6 + 1 + 2) / 4);
  assert.equal(await page.locator('.day-question').count(), 0);
  const files = await page.locator('.import-files li').allInnerTexts();
  assert.equal(files.length, 4, files.join('\n'));
  assert.match(files[3], /^export\.json: Claude Enterprise analytics \(per user\), 3 rows/);
  assert.deepEqual(await page.locator('.breakdown-table tbody th').allInnerTexts(), ['All staff', 'Engineering', 'Sales']);
  assert.match((await page.locator('.import-note').allInnerTexts()).join('\n'), /they are of 2025-03-10, the day given for the file\./);
  assert.deepEqual(requests, [], 'the files never leave the browser');
  assert.deepEqual(problems, []);
  await page.close();
});

test('skipping the day question leaves the other files\' figures as they were', async () => {
  const { page, problems } = await openMeasure(browser.context, `${browser.origin}/`, { checkpointDay: 7 });
  await drop(page, await undatedDrop());
  await page.getByRole('heading', { name: 'Which day does export.json cover?' }).waitFor();
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate === 0.75);
  const before = await page.locator('roi-calculator').evaluate((w) => JSON.stringify(w.measurements));
  const files = await page.locator('.import-files li').allInnerTexts();
  assert.equal(files.length, 3, files.join('\n'));
  // Enter with no day typed says so and keeps asking, the focus on the date.
  assert.equal(await focused(page), 'date');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.day-question .map-missing').innerText(), 'Choose the day first.');
  assert.equal(await focused(page), 'date');
  // Tab walks the date's parts, then "Use this day", then "Skip this file".
  const order = [];
  for (let i = 0; i < 8 && order.at(-1) !== 'Skip this file'; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now !== 'date') order.push(now);
  }
  assert.deepEqual(order, ['Use this day', 'Skip this file']);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.day-question').count(), 0);
  assert.equal(await page.locator('.import-status').innerText(), 'export.json was skipped.');
  assert.equal(await page.locator('roi-calculator').evaluate((w) => JSON.stringify(w.measurements)), before);
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '75%');
  assert.deepEqual(await page.locator('.import-files li').allInnerTexts(), files);
  assert.deepEqual(problems, []);
  await page.close();
});
