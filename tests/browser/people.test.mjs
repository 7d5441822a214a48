// Power users and laggards, and small groups kept private (docs/model.md#usage-intensity,
// docs/model.md#small-groups), as an L&D lead meets them: import files of 20 people in three departments
// — Sales 10, Legal 4, Ops 6 — and read the groups, what lifting the light users would be worth, the
// people by name only when asked, and their CSV read back from disk; Legal (4 people) is hidden at the
// default threshold of 5, and Ops with it, everywhere: on screen, in the measurements, the board report
// and the link, none of which names anyone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { ARTIFACTS, accessibilityProblems, launch, openMeasure } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/**
 * Everyone: department, sessions in their day-30 window (days 24–30: 27 March – 2 April 2025, everyone
 * trained on 3 March) and the hours saved they answered at day 30. By hand, the groups (none 0, light
 * 1–2, moderate 3–4, heavy 5+) are none 4, light 6, moderate 4, heavy 6; the light users answer
 * 1, 2, 3, 2, 1, 3 (mean 2) and the moderate 4, 6, 5, 5 (mean 5).
 */
const PEOPLE = [
  ['s0', 'Sales', 0, null], ['s1', 'Sales', 1, 1], ['s2', 'Sales', 2, 2], ['s3', 'Sales', 3, 4], ['s4', 'Sales', 4, 6],
  ['s5', 'Sales', 5, 8], ['s6', 'Sales', 6, null], ['s7', 'Sales', 7, null], ['s8', 'Sales', 0, null], ['s9', 'Sales', 2, 3],
  ['l0', 'Legal', 1, 2], ['l1', 'Legal', 3, 5], ['l2', 'Legal', 5, null], ['l3', 'Legal', 0, null],
  ['o0', 'Ops', 2, 1], ['o1', 'Ops', 2, 3], ['o2', 'Ops', 3, 5], ['o3', 'Ops', 5, null], ['o4', 'Ops', 5, null], ['o5', 'Ops', 0, null],
];
const email = (id) => `${id}@example.com`;

function files() {
  const roster = ['user,department,completed_on', ...PEOPLE.map(([id, dept]) => `${email(id)},${dept},2025-03-03`)];
  // Each person's sessions on 30 March (10 minutes each); one of s7's seven on 2 April, the files' last day.
  const activity = ['date,user,sessions,minutes',
    ...PEOPLE.filter(([, , n]) => n > 0).map(([id, , n]) => `2025-03-30,${email(id)},${id === 's7' ? n - 1 : n},${(id === 's7' ? n - 1 : n) * 10}`),
    `2025-04-02,${email('s7')},1,10`];
  const survey = ['user,day,hours_saved', ...PEOPLE.filter(([, , , h]) => h !== null).map(([id, , , h]) => `${email(id)},30,${h}`)];
  return [['roster', roster], ['activity', activity], ['survey', survey]]
    .map(([name, lines]) => ({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) }));
}

/**
 * Measure mode at `minGroupSize`, day 30, with one projected department, Sales at $50 an hour, 48 weeks,
 * attribution 0.5 and confidence 0.8 — so every measured department is valued at $50 (Sales by name,
 * the others by the fallback, the scenario's mean) — and the files imported.
 */
async function imported(minGroupSize) {
  const scenario = { version: 1, weeksPerYear: 48, attribution: 0.5, confidence: 0.8,
    departments: [{ name: 'Sales', headcount: 20, hourlyCost: 50 }] };
  const opened = await openMeasure(browser.context, `${browser.origin}/`, { minGroupSize, checkpointDay: 30, scenario });
  const { page } = opened;
  await page.locator('input[type="file"]').setInputFiles(files());
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.people === 20);
  return opened;
}

const rows = (page, table) => page.locator(`table.${table} tbody tr`).evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((cell) => cell.innerText.trim())));

/** The share link's document, inflated as page.js deflates it. */
const linkText = (page) => page.evaluate(async () => {
  const text = location.hash.slice('#v2.'.length).replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
});

test('at the default threshold a 4-person department is hidden, with the smallest other, everywhere, and no one is named', async () => {
  const { page, problems } = await imported(null);
  assert.deepEqual(await rows(page, 'intensity-table'), [
    ['Everyone measured', '4', '6', '4', '6'],
    ['Sales', '2', '3', '2', '3'],
    ['Legal', 'fewer than 5 people', 'hidden', 'hidden', 'hidden'],
    ['Ops', 'hidden with a smaller group', 'hidden', 'hidden', 'hidden'],
  ]);
  const breakdown = await rows(page, 'breakdown-table');
  assert.deepEqual(breakdown.map((r) => r[0]).sort(), ['Legal', 'Ops', 'Sales']);
  for (const [name, words] of [['Legal', 'fewer than 5 people'], ['Ops', 'hidden with a smaller group']]) {
    const row = breakdown.find((r) => r[0] === name);
    assert.ok(row.slice(1).every((cell) => cell === words || cell === 'hidden' || cell === '—'), `${name}: ${row}`);
  }
  const notes = (await page.locator('.import-note').allInnerTexts()).join('\n');
  assert.match(notes, /Legal is hidden: fewer than 5 people were measured\. Ops is hidden with it/);

  // The measurements document (what links and exports carry) keeps only the hidden departments' names.
  const measurements = await page.locator('roi-calculator').evaluate((w) => w.measurements);
  assert.equal(measurements.minGroupSize, 5);
  assert.deepEqual(measurements.departments.filter((d) => d.hidden).map((d) => [d.name, d.hidden, d.people, Object.keys(d.metrics).length]),
    [['Legal', 'small', undefined, 0], ['Ops', 'complement', undefined, 0]]);
  assert.deepEqual(measurements.intensity.people, [4, 6, 4, 6]);
  // Light users' hours (6 answers) are shown; the moderate users' 4 answers are fewer than 5.
  assert.deepEqual(measurements.intensity.hours, [null, 2, null, null]);
  assert.doesNotMatch((await page.locator('.realised-notes').innerText()), /light users/);

  const board = await page.locator('.board-items').innerText();
  assert.match(board, /Power users \(5\+ sessions a week\): 6; moderate \(3–4\): 4; light \(1–2\): 6; trained with no session: 4\./);
  await page.waitForFunction(() => location.hash.startsWith('#v2.'));
  const link = await linkText(page);
  for (const [what, text] of [['board', board], ['link', link], ['measurements', JSON.stringify(measurements)]]) {
    assert.doesNotMatch(text, /@|example\.com|\bs\d\b|\bl\d\b/, `${what} names no one`);
  }
  // Nobody is listed by name until asked.
  assert.equal(await page.locator('.people-lists').count(), 0);
  assert.doesNotMatch(await page.locator('roi-calculator').evaluate((w) => w.shadowRoot.textContent), /@/);
  assert.deepEqual(problems, []);
});

test('the threshold select re-measures the same files, and lifting the light users is valued by hand', async () => {
  const { page, problems } = await imported(null);
  await page.locator('select[data-setting="min-group-size"]').selectOption('3');
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.minGroupSize === 3);
  assert.equal(await page.locator('roi-calculator').getAttribute('min-group-size'), '3');
  assert.deepEqual(await rows(page, 'intensity-table'), [
    ['Everyone measured', '4', '6', '4', '6'],
    // Weakest weekly active rate first: Legal 3/4, Sales 8/10, Ops 5/6.
    ['Legal', '1', '1', '1', '1'],
    ['Sales', '2', '3', '2', '3'],
    ['Ops', '1', '2', '1', '2'],
  ]);
  // 6 light users × (5 − 2) hours × 48 weeks × 0.5 × 0.8 × $50 = $17,280 a year.
  assert.match(await page.locator('.realised-notes').innerText(),
    /Moving the 6 light users \(1–2 sessions a week\) to moderate use \(3–4 sessions\) would be worth \$17,280 a year: they report 2 hours saved a week, the moderate users 5\./);

  // At 10, Sales (10) stays; Legal (4) and Ops (6) are both small, together 10: nothing more is hidden.
  await page.locator('select[data-setting="min-group-size"]').selectOption('10');
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.minGroupSize === 10);
  const table = await rows(page, 'intensity-table');
  assert.deepEqual(table.map((r) => r.slice(0, 2)),
    [['Everyone measured', '4'], ['Sales', '2'], ['Legal', 'fewer than 10 people'], ['Ops', 'fewer than 10 people']]);
  assert.deepEqual(problems, []);
});

test('"List the people measured" lists the power users and laggards by keyboard, and the CSV of everyone reads back from disk', async () => {
  const { page, problems } = await imported(null);
  const show = page.getByRole('button', { name: 'List the people measured' });
  await show.focus();
  await page.keyboard.press('Enter');
  await page.locator('.people-lists').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('roi-calculator').shadowRoot.activeElement?.id), 'people-title');

  const first = async (table) => (await rows(page, table)).map((r) => r.slice(0, 3).join(' '));
  assert.deepEqual((await first('most-sessions')).slice(0, 3),
    ['s7@example.com Sales 7', 's6@example.com Sales 6', 'l2@example.com Legal 5']);
  assert.equal((await first('most-sessions')).length, 16, 'everyone with a session (fewer than 20)');
  assert.equal((await rows(page, 'most-hours'))[0].join(' '), 's5@example.com Sales 5 8');
  assert.deepEqual(await first('no-session'), ['l3@example.com Legal 0', 'o5@example.com Ops 0', 's0@example.com Sales 0', 's8@example.com Sales 0']);
  assert.match(await page.locator('table.no-session caption').innerText(), /\(4 in all\)/);
  // The lists scroll in regions a keyboard reaches.
  assert.equal(await page.locator('.people-lists [role="region"][tabindex="0"]').count(), 3);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download everyone as CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'people-day-30.csv');
  const csv = await readFile(await download.path(), 'utf8');
  // Most sessions first, then by user; minutes 10 a session; hours saved only where answered.
  assert.equal(csv, [
    'user,department,group,sessions,minutes,hours_saved',
    's7@example.com,Sales,heavy,7,70,', 's6@example.com,Sales,heavy,6,60,',
    'l2@example.com,Legal,heavy,5,50,', 'o3@example.com,Ops,heavy,5,50,', 'o4@example.com,Ops,heavy,5,50,', 's5@example.com,Sales,heavy,5,50,8',
    's4@example.com,Sales,moderate,4,40,6',
    'l1@example.com,Legal,moderate,3,30,5', 'o2@example.com,Ops,moderate,3,30,5', 's3@example.com,Sales,moderate,3,30,4',
    'o0@example.com,Ops,light,2,20,1', 'o1@example.com,Ops,light,2,20,3', 's2@example.com,Sales,light,2,20,2', 's9@example.com,Sales,light,2,20,3',
    'l0@example.com,Legal,light,1,10,2', 's1@example.com,Sales,light,1,10,1',
    'l3@example.com,Legal,none,0,0,', 'o5@example.com,Ops,none,0,0,', 's0@example.com,Sales,none,0,0,', 's8@example.com,Sales,none,0,0,',
    '',
  ].join('\n'));

  assert.deepEqual(await accessibilityProblems(page), []);
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('.people-lists').screenshot({ path: `${ARTIFACTS}people-${width}.png` });
    await page.locator('section.intensity').screenshot({ path: `${ARTIFACTS}intensity-${width}.png` });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width}`);
  }
  // The names are not in the link, and hiding the lists forgets them.
  assert.doesNotMatch(await linkText(page), /@/);
  await page.getByRole('button', { name: 'Hide the list of people' }).click();
  assert.equal(await page.locator('.people-lists').count(), 0);
  assert.deepEqual(problems, []);
});
