// The single-file build (scripts/single-file.mjs → dist/roi-calculator.html) works offline from file://:
// opened in Chromium with every request that is not file: aborted, it shows the default figures,
// follows typing, writes a share link into its address, and that link reopens the same scenario from
// file:// in a fresh browser; the import worker runs from it too. The file refers to no other file, and
// the page asks for nothing but itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ARTIFACTS, dropFixtureFiles, launch, open } from './chromium.mjs';

const SINGLE = new URL('../../dist/roi-calculator.html', import.meta.url);
const value = async (page, name) => Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));
const ready = (page) => page.waitForSelector('roi-calculator[data-ready="true"]');

/** A browser in which nothing but file: URLs can load; every other request is aborted and listed. */
async function offlineBrowser() {
  const browser = await launch();
  const blocked = [];
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return { ...browser, blocked };
}

let browser;
before(async () => {
  // Built from the current www/ and pkg/ (the release build must be there), so the test never runs a stale file.
  await promisify(execFile)(process.execPath, [new URL('../../scripts/single-file.mjs', import.meta.url).pathname]);
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await offlineBrowser();
});
after(async () => { await browser?.close(); });

test('the single file refers to no other file', async () => {
  const html = await readFile(SINGLE, 'utf8');
  const references = [...html.matchAll(/\s(?:src|href)=("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((m) => m[1]);
  assert.ok(references.length >= 1, 'the favicon is there, as a data: URL');
  assert.deepEqual(references.filter((ref) => !/^["']?data:/.test(ref)), [], 'only data: URLs');
  assert.doesNotMatch(html, /<link rel="stylesheet"|<script[^>]*\ssrc=/i);
});

test('from file:// with the network blocked: figures, typing and a share link that reopens', async () => {
  const { page, problems, requests } = await open(browser.context, SINGLE.href);
  await ready(page);
  // By hand (page.test.mjs): benefit $1,638,000, first-year cost $195,000, ROI 1,443,000 / 195,000 = 740%.
  assert.equal(await value(page, 'roiPercent'), 740);
  assert.match(await page.locator('[data-figure="netBenefit"]').innerText(), /^\$1,443,000$/);
  assert.equal(await page.locator('figure[data-chart="cumulative"] svg polyline.benefit:not(.key)').count(), 1, 'charts drawn');

  const people = page.getByLabel('People');
  const before = await page.evaluate(() => location.hash);
  await people.fill('250');
  // Benefit 250 × 0.7 × 6.5 × 48 × $75 = $4,095,000; cost $60,000 + 250 × 10 h × $75 + 12 × ($2,000 + 250 × $30) = $361,500.
  const roi = (4_095_000 - 361_500) / 361_500 * 100;
  assert.ok(Math.abs(await value(page, 'roiPercent') - roi) < 1e-9);
  // The address rewritten for this edit (not a link written before it), read from the page: page.url()
  // can lag behind replaceState.
  await page.waitForFunction((was) => location.hash.startsWith('#v2.') && location.hash !== was, before);
  const link = await page.evaluate(() => location.href);
  assert.ok(link.startsWith(`${SINGLE.href}#v2.`), link);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${ARTIFACTS}single-file-1440.png`, fullPage: true });

  // A second browser with its own empty profile (nothing stored): only the link carries the scenario.
  const second = await offlineBrowser();
  const { page: reopened, problems: reopenedProblems, requests: reopenedRequests } = await open(second.context, link);
  await ready(reopened);
  assert.equal(await reopened.getByLabel('People').inputValue(), '250');
  assert.ok(Math.abs(await value(reopened, 'roiPercent') - roi) < 1e-9);
  await second.close();

  for (const [what, list] of [['problems', problems], ['reopened problems', reopenedProblems], ['blocked', browser.blocked], ['blocked (second)', second.blocked]]) {
    assert.deepEqual(list, [], what);
  }
  // The page's only request is the file itself (data: modules and the inlined wasm are not requests).
  assert.deepEqual([...requests, ...reopenedRequests].filter((url) => !url.startsWith(SINGLE.href)), []);
  await page.close();
});

test('from file:// with the network blocked: dropped CSV files are imported by the worker', async () => {
  const { page, problems, requests } = await open(browser.context, SINGLE.href);
  await ready(page);
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.locator('[data-path="checkpointDay"]').selectOption('7');
  await dropFixtureFiles(page);
  // By hand (tests/import.rs, import.test.mjs): at day 7, 2 of the 3 licensed people were active that week.
  assert.equal(await page.locator('output[data-score="weeklyActiveRate"]').innerText(), '66.7%');
  assert.deepEqual(problems, []);
  assert.deepEqual(browser.blocked, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(SINGLE.href)), [], 'only the file');
  await page.close();
});
