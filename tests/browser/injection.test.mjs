// Hostile text through every way in: a corpus of 41 strings (tests/fixtures/hostile-strings.json — markup,
// SVG, `javascript:` URLs, closing tags, attribute breakers, spreadsheet formulas, bidi and zero-width
// tricks, a NUL, a 1 MB string) placed in every user-text field of a scenario through a share link, the
// `config` attribute and the `scenario` property, and in the names a CSV import carries. Every string
// must be shown literally (as the value of its field, or as text) or refused with a message; none may
// open a dialog, add an element outside the widget's own, or make a request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const corpus = JSON.parse(await readFile(new URL('../fixtures/hostile-strings.json', import.meta.url), 'utf8'));
const long = corpus.long.map(({ repeat, times }) => repeat.repeat(times));
/** Strings a name field accepts (1–80 characters) and the ones it must refuse. */
const accepted = corpus.strings.filter((s) => [...s].length <= 80);
const refused = [...corpus.strings.filter((s) => [...s].length > 80), ...long];
assert.ok(corpus.strings.length + long.length >= 30, 'the corpus holds at least 30 strings');

/** A scenario with every accepted string in every kind of user-text field. */
function hostileScenario(strings) {
  return {
    version: 1,
    departments: strings.map((name, i) => ({
      name, benchmark: null, headcount: 10, hourlyCost: 50,
      ...(i === 0 ? { useCases: strings.slice(0, 50).map((n) => ({ name: n, minutesBefore: 30, minutesAfter: 10, perWeek: 1 })) } : {}),
    })),
    costs: { oneTime: strings.map((label) => ({ label, amount: 1000 })), monthly: [], perSeatMonthly: [] },
    otherBenefits: strings.slice(0, 100).map((label) => ({ label, annualAmount: 100, confidence: 0.5 })),
    uncertainty: { spread: 0.2, draws: 1000, seed: 1 },
  };
}

/** base64url of UTF-8 JSON, as a v1 share link — written here so refused values can be put in one. */
const link = (scenario) => `v1.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

/** Opens `url`, recording dialogs and every request after the page has loaded. */
async function visit(url) {
  const visited = await open(browser.context, url);
  const dialogs = [];
  visited.page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await visited.page.waitForSelector('roi-calculator[data-ready="true"]');
  await visited.page.waitForLoadState('networkidle');
  return { ...visited, dialogs };
}

/** What the widget has that it must never have: elements that run, load or navigate, handler attributes. */
async function dangerous(page) {
  return page.evaluate(() => {
    const found = [];
    const roots = [document, ...[...document.querySelectorAll('roi-calculator')].map((el) => el.shadowRoot)];
    for (const root of roots) {
      for (const el of root.querySelectorAll('script, iframe, object, embed, img, base, meta[http-equiv], link, style, form, a[href]')) {
        if (root === document && (el.closest('head') || el.matches('script[type="module"]'))) continue;
        found.push(el.outerHTML.slice(0, 80));
      }
      for (const el of root.querySelectorAll('*')) {
        for (const attribute of el.getAttributeNames()) if (attribute.startsWith('on')) found.push(`${el.tagName} ${attribute}`);
      }
    }
    return found;
  });
}

/** The values of the name and label fields the widget shows. */
const fieldValues = (page, pattern) => page.evaluate((pattern) => {
  const root = document.querySelector('roi-calculator').shadowRoot;
  return [...root.querySelectorAll('input[data-path]')].filter((i) => new RegExp(pattern).test(i.dataset.path)).map((i) => i.value);
}, pattern);

/** What a one-line text field shows of `text`: HTML drops its line breaks from the value. */
const inField = (text) => text.replace(/[\r\n]/g, '');

/** Every accepted string is in each kind of field, literally; the page is as its own markup made it. */
async function assertShownLiterally(page, strings) {
  const shown = strings.map(inField);
  assert.deepEqual(await fieldValues(page, '^departments\\[\\d+\\]\\.name$'), shown);
  assert.deepEqual(await fieldValues(page, '^departments\\[0\\]\\.useCases\\[\\d+\\]\\.name$'), shown);
  assert.deepEqual(await fieldValues(page, '^costs\\.oneTime\\[\\d+\\]\\.label$'), shown);
  // The scenario keeps every string exactly, line breaks included, until the person edits the field.
  const scenario = await page.evaluate(() => document.querySelector('roi-calculator').scenario);
  assert.deepEqual(scenario.departments.map((d) => d.name), strings);
  assert.deepEqual(scenario.costs.oneTime.map((c) => c.label), strings);
  assert.deepEqual(scenario.otherBenefits.map((b) => b.label), strings);
  assert.deepEqual(await dangerous(page), []);
}

test('through a share link: shown literally; a refused name is dropped with a notice', async () => {
  const { page, requests, dialogs, problems } = await visit(`${browser.origin}/#${link(hostileScenario(accepted))}`);
  requests.length = 0;
  await assertShownLiterally(page, accepted);
  await page.close();

  for (const name of refused) {
    // One field is enough here: a link of several 1 MB names would exceed what a browser takes as a URL.
    const bad = { version: 1, departments: [{ name, benchmark: null, headcount: 10, hourlyCost: 50 }] };
    const visited = await visit(`${browser.origin}/#${link(bad)}`);
    const notice = await visited.page.locator('#link-notice').innerText();
    assert.match(notice, /^This link was damaged; (one setting was|\d+ settings were) replaced by defaults/);
    const names = await fieldValues(visited.page, '^departments\\[\\d+\\]\\.name$');
    assert.ok(!names.includes(name), 'a name over 80 characters is not taken');
    assert.deepEqual(await dangerous(visited.page), []);
    assert.deepEqual(visited.dialogs, []);
    await visited.page.close();
  }
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});

test('through the config attribute and the scenario property: shown literally or refused with an error', async () => {
  const { page, requests, dialogs } = await visit(`${browser.origin}/`);
  const lightDom = await page.evaluate(() => document.querySelectorAll('*').length);
  requests.length = 0;
  const scenario = hostileScenario(accepted);
  // The config attribute, as an embedding page would write it.
  await page.evaluate((json) => {
    const widget = document.querySelector('roi-calculator');
    widget.dataset.ready = '';
    widget.removeAttribute('inputs'); // an embedding page's widget, on every input
    widget.setAttribute('config', json);
  }, JSON.stringify(scenario));
  await page.waitForFunction((n) => document.querySelector('roi-calculator').scenario?.departments?.length === n, accepted.length);
  await assertShownLiterally(page, accepted);
  // The scenario property, as a script would set it; then a refused value, which raises roi-error.
  await page.evaluate((s) => { document.querySelector('roi-calculator').scenario = s; }, scenario);
  await page.waitForFunction(() => document.querySelector('roi-calculator').dataset.ready === 'true');
  await assertShownLiterally(page, accepted);
  for (const name of refused) {
    const message = await page.evaluate((s) => new Promise((resolve) => {
      const widget = document.querySelector('roi-calculator');
      widget.addEventListener('roi-error', (event) => resolve(event.detail.message), { once: true });
      widget.scenario = s;
    }), hostileScenario([name]));
    assert.match(message, /The scenario has (a problem|\d+ problems): departments\[0\]\.name .*80 characters/);
    assert.deepEqual(await dangerous(page), []);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('*').length), lightDom, 'no element added to the page');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  await page.close();
});

/** A CSV field, quoted so delimiters, quotes and newlines stay inside it. */
const csv = (text) => `"${text.replaceAll('"', '""')}"`;

test('through CSV files: names shown literally in every table, over-long ones skipped with their line', async () => {
  const { page, requests, dialogs, problems } = await visit(`${browser.origin}/`);
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  requests.length = 0;
  // A NUL marks a file as binary, so that one string stays out of the CSV files.
  const names = accepted.filter((s) => !s.includes('\u0000'));
  const roster = ['user,department,completed_on,cohort'];
  const activity = ['date,user,sessions'];
  const survey = ['user,day,satisfaction,tasks'];
  names.forEach((name, i) => {
    const user = `${name}#${i}`;
    roster.push([csv(user), csv(name), '2026-03-02', csv(name)].join(','));
    activity.push(['2026-04-01', csv(user), String(1 + (i % 4))].join(','));
    survey.push([csv(user), '30', '4', csv(name.replaceAll(';', ','))].join(','));
  });
  for (const name of refused) roster.push([csv('x'), csv(name), '2026-03-02', ''].join(','));
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster.join('\n')) },
    { name: 'activity.csv', mimeType: 'text/csv', buffer: Buffer.from(activity.join('\n')) },
    { name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(survey.join('\n')) },
  ]);
  await page.locator('.import-status').filter({ hasText: /^Imported/ }).waitFor();
  const shown = await page.evaluate(() => [...document.querySelector('roi-calculator').shadowRoot
    .querySelectorAll('.breakdown-table tbody th')].map((th) => th.textContent));
  assert.deepEqual([...shown].sort(), [...names].sort(), 'every department name, exactly as written');
  const measured = await page.evaluate(() => document.querySelector('roi-calculator').measurements.departments.map((d) => d.name));
  assert.deepEqual([...measured].sort(), [...names].sort());
  await page.locator('.import-problems summary').click();
  const skipped = await page.locator('.import-problems li').allInnerTexts();
  assert.equal(skipped.length, refused.length);
  for (const line of skipped) assert.match(line, /^roster file, line \d+: has a department or cohort name longer than 80 characters$/);
  assert.deepEqual(await dangerous(page), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});
