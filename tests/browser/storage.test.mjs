// The last scenario survives a reload: www/page.js keeps it in localStorage as the person edits and
// reopens it on the bare address — even an edit made an instant before leaving — while a link in the
// fragment wins over what was stored. Storage that is refused or full, or holds something unreadable,
// never breaks the page: it opens with the defaults and keeps working, with no error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './chromium.mjs';

const KEY = 'roi-calculator:scenario';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ready = (page) => page.waitForSelector('roi-calculator[data-ready="true"]');
const value = async (page, name) => Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));
const people = (page) => page.getByLabel('People');
// By hand: 250 people, benefit $4,095,000, cost $361,500 (see page.test.mjs).
const ROI_250 = (4_095_000 - 361_500) / 361_500 * 100;

test('a typed headcount is back after going to the bare address again', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await people(page).fill('250');
  await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('v2.'), KEY);
  await page.goto(`${browser.origin}/`);
  await ready(page);
  assert.equal(await people(page).inputValue(), '250');
  assert.ok(Math.abs(await value(page, 'roiPercent') - ROI_250) < 1e-9);
  // The address is a link to it again.
  await page.waitForFunction(() => location.hash.startsWith('#v2.'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('an edit made just before leaving is kept too (on pagehide)', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await people(page).fill('250');
  // At once: before the widget announces the change (120 ms) and before the address follows it.
  await page.goto(`${browser.origin}/`);
  await ready(page);
  assert.equal(await people(page).inputValue(), '250');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link in the fragment wins over the stored scenario', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await people(page).fill('250');
  await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('v2.'), KEY);
  const link = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    const scenario = m.defaultScenario();
    scenario.departments[0].headcount = 42;
    return m.encodeScenario(scenario);
  });
  await page.goto('about:blank'); // so that the next address is a new document, not a jump within this one
  await page.goto(`${browser.origin}/#${link}`);
  await ready(page);
  assert.equal(await people(page).inputValue(), '42');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a scenario kept by an older page (a v1 link) still opens, and is kept as v2 after the next edit', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const v1 = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    const scenario = m.defaultScenario();
    scenario.departments[0].headcount = 250;
    return m.encodeScenario(scenario);
  });
  await page.evaluate(([key, v1]) => localStorage.setItem(key, v1), [KEY, v1]);
  await page.goto('about:blank');
  await page.goto(`${browser.origin}/`);
  await ready(page);
  assert.equal(await people(page).inputValue(), '250');
  assert.ok(Math.abs(await value(page, 'roiPercent') - ROI_250) < 1e-9);
  assert.equal(await page.evaluate(() => location.hash), `#${v1}`, 'the address is its link');
  await people(page).fill('251');
  await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('v2.'), KEY);
  const kept = await page.evaluate(async (key) => (await (await import('./page.js')).openLink(localStorage.getItem(key))).scenario.departments[0].headcount, KEY);
  assert.equal(kept, 251);
  assert.deepEqual(problems, []);
  await page.close();
});

test('refused, full or unreadable storage: the page opens with the defaults and keeps working', async () => {
  // Refused (private modes, blocked cookies, sandboxed frames): reading localStorage throws.
  const refused = await browser.context.newPage();
  await refused.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const problems = [];
  refused.on('pageerror', (error) => problems.push(String(error)));
  refused.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await refused.goto(`${browser.origin}/`);
  await ready(refused);
  assert.equal(await value(refused, 'roiPercent'), 740);
  await people(refused).fill('250');
  await refused.waitForFunction(() => location.hash.startsWith('#v2.'));
  await refused.goto(`${browser.origin}/`);
  await ready(refused);
  assert.equal(await value(refused, 'roiPercent'), 740, 'nothing kept, nothing broken');
  await refused.close();

  // Full: every write throws QuotaExceededError.
  const { page: full, problems: fullProblems } = await open(browser.context, `${browser.origin}/`);
  await full.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await ready(full);
  await people(full).fill('250');
  await full.waitForFunction(() => location.hash.startsWith('#v2.'));
  assert.ok(Math.abs(await value(full, 'roiPercent') - ROI_250) < 1e-9);
  await full.close();

  // Unreadable: something that is not a link, a link from a future version and a damaged v2 link are dropped.
  const { page, problems: pageProblems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  for (const stored of ['not a link at all', 'v9.eyJ2ZXJzaW9uIjo5fQ', 'v2.bm90IGRlZmxhdGU', 'v2.']) {
    await page.evaluate(([key, stored]) => localStorage.setItem(key, stored), [KEY, stored]);
    await page.goto('about:blank');
    await page.goto(`${browser.origin}/`);
    await ready(page);
    assert.equal(await value(page, 'roiPercent'), 740, stored);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, `${stored} is forgotten`);
  }
  assert.deepEqual([...problems, ...fullProblems, ...pageProblems], []);
  await page.close();
});
