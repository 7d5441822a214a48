// The column mapper in a real Chromium, as an analyst uses it on exports the import does not know: drop a
// roster and an activity file whose headers it has never seen, say by keyboard which column is which
// (each choice showing what it reads), import — and get the figures the same data gives under the
// product's own headers. Dropping the same files again asks nothing: this browser kept the choices.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { ARTIFACTS, launch, openMeasure } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** A fixture of tests/fixtures/import/ with its header line replaced by `header`. */
async function renamed(name, header) {
  const text = await readFile(new URL(`../fixtures/import/${name}.csv`, import.meta.url), 'utf8');
  return { name: `${name}-export.csv`, mimeType: 'text/csv', buffer: Buffer.from(text.replace(/^[^\n]*/, header)) };
}
const fixture = async (name) => ({ name: `${name}.csv`, mimeType: 'text/csv',
  buffer: await readFile(new URL(`../fixtures/import/${name}.csv`, import.meta.url)) });

const measureMode = () => openMeasure(browser.context, `${browser.origin}/`);

const SCORES = ['weeklyActiveRate', 'hoursPerUser', 'hoursTotal', 'retention'];
const scores = (page) => Promise.all(SCORES.map((key) => page.locator(`output[data-score="${key}"]`).innerText()));
const imported = (page) => page.locator('.import-status').filter({ hasText: /^Imported/ }).waitFor();

/** Answers the mapper by keyboard: the kind, then each role's column by its header; then Enter on "Read". */
async function answer(page, file, kind, columns) {
  const mapper = page.locator('.mapper');
  await mapper.getByRole('heading', { name: `Which column is which in ${file}?` }).waitFor();
  const kindSelect = page.locator('#map-kind');
  assert.ok(await kindSelect.evaluate((e) => e === e.getRootNode().activeElement), 'the mapper takes the focus');
  await kindSelect.selectOption(kind);
  for (const [role, header] of Object.entries(columns)) {
    const select = page.locator(`#map-${role}`);
    if (await select.count() === 0) continue; // a role this kind does not ask for
    await select.selectOption({ label: header });
    assert.match(await page.locator(`#map-${role}-reads`).innerText(), /^Reads: /);
  }
  assert.equal(await mapper.locator('.map-missing').innerText(), '');
  await mapper.getByRole('button', { name: 'Read with these columns' }).focus();
  await page.keyboard.press('Enter');
}

const ROSTER = 'Who,Unit,Done on,Seat held,Intake';
const ACTIVITY = 'When,Person,Chats,Time spent';

test('an unknown roster and usage export are mapped by keyboard, give the figures of the known headers, and are not asked again', async () => {
  const known = await measureMode();
  await known.page.locator('input[type="file"]').setInputFiles([await fixture('roster'), await fixture('activity')]);
  await imported(known.page);
  const expected = await scores(known.page);
  await known.page.close();

  const { page, problems } = await measureMode();
  const files = [await renamed('roster', ROSTER), await renamed('activity', ACTIVITY)];
  await page.locator('input[type="file"]').setInputFiles(files);
  await answer(page, 'roster-export.csv', 'roster',
    { user: 'Who', department: 'Unit', completed_on: 'Done on', licensed: 'Seat held', cohort: 'Intake' });
  await page.screenshot({ path: `${ARTIFACTS}mapper-1280.png`, fullPage: true });
  await answer(page, 'activity-export.csv', 'activity', { date: 'When', user: 'Person', sessions: 'Chats', minutes: 'Time spent' });
  await imported(page);
  assert.deepEqual(await scores(page), expected);
  const lines = await page.locator('.import-files li').allInnerTexts();
  assert.ok(lines.some((l) => l.startsWith('roster-export.csv: ')), lines.join('\n'));

  // The same headers again: read with the kept choices, nothing asked.
  await page.locator('input[type="file"]').setInputFiles(files);
  await page.locator('.import-status').filter({ hasText: /^Imported/ }).waitFor();
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.mapper').count(), 0, 'no question the second time');
  assert.deepEqual(await scores(page), expected);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a required column left unchosen is named, and skipping a file changes nothing', async () => {
  const { page, problems } = await measureMode();
  await page.locator('input[type="file"]').setInputFiles([await renamed('roster', 'A,B,C,D,E')]);
  await page.locator('.mapper').waitFor();
  await page.locator('#map-kind').selectOption('roster');
  for (const select of await page.locator('.mapper select[data-map]:not([data-map="kind"])').all()) await select.selectOption('');
  assert.match(await page.locator('.map-missing').innerText(), /^Still to choose: /);
  await page.getByRole('button', { name: 'Read with these columns' }).click();
  assert.equal(await page.locator('.mapper').count(), 1, 'still asked');
  const before = await page.locator('roi-calculator').evaluate((w) => JSON.stringify(w.measurements));
  await page.getByRole('button', { name: 'Skip this file' }).click();
  assert.equal(await page.locator('.mapper').count(), 0);
  assert.equal(await page.locator('roi-calculator').evaluate((w) => JSON.stringify(w.measurements)), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file whose dates read both ways asks which way round, and the answer reads it', async () => {
  const { page, problems } = await measureMode();
  await page.locator('[data-path="checkpointDay"]').selectOption('7');
  const roster = { name: 'completions.csv', mimeType: 'text/csv',
    // A third person (Cy, completed the same day as Ana): figures of fewer than 3 people are hidden.
    buffer: Buffer.concat([await readFile(new URL('../fixtures/import/shapes/ambiguous-roster.csv', import.meta.url)),
      Buffer.from('cy@example.com,"03/04/25, 11:00"\n')]) };
  const activity = { name: 'usage.csv', mimeType: 'text/csv',
    buffer: Buffer.from('date,user,sessions\n2025-03-05,ana@example.com,3\n2025-03-06,cy@example.com,3\n2025-05-13,ben@example.com,0\n') };
  await page.locator('input[type="file"]').setInputFiles([roster, activity]);
  await page.getByRole('heading', { name: 'Which way round are the dates in completions.csv?' }).waitFor();
  assert.match(await page.locator('.dates-question p').innerText(), /day first \(2025-04-03\) or month first \(2025-03-04\)/);
  // By keyboard: the question takes the focus on its first answer; the next one is "Month first".
  assert.equal(await page.evaluate(() => document.querySelector('roi-calculator').shadowRoot.activeElement?.textContent), 'Day first');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('.import-status').filter({ hasText: /^Imported/ }).waitFor();
  // Month first: Ana and Cy completed on 4 March and used it on 5 and 6 March, Ben on 6 May and not in his first week.
  assert.equal(await page.locator('roi-calculator').evaluate((w) => w.measurements.metrics.activeUsageRate), 2 / 3);
  assert.equal(await page.locator('.dates-question').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
