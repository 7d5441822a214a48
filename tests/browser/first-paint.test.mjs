// The first figures arrive with the HTML: the default scenario's summary and headline are in www/index.html
// as a declarative shadow root (scripts/prerender.mjs), drawn before any script or WebAssembly runs. They
// must be exactly what the engine gives: with scripts off they are on screen and equal, figure for figure,
// to what the running widget shows; a page opening a link hides them until its own figures are drawn
// (a v2 link's first, from the small first-figures module, before the engine has loaded).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { ARTIFACTS, launch, open } from './chromium.mjs';

let browser;
before(async () => {
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => { await browser?.close(); });

/** Every figure of the summary and the headline, by key, as shown. */
const figures = (page) => page.locator('roi-calculator').evaluate((calculator) => Object.fromEntries(
  [...calculator.shadowRoot.querySelectorAll('output[data-figure], output[data-summary]')]
    .map((o) => [`${o.dataset.figure ? 'figure' : 'summary'}:${o.dataset.figure ?? o.dataset.summary}`, o.textContent])));

test('with scripts off the default figures are on screen, and they are the engine\'s', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('roi-calculator').report?.risk?.draws > 0);
  const live = await figures(page);
  await page.close();

  const plain = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await plain.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const still = await context.newPage();
    await still.goto(`${browser.origin}/`);
    const shown = await still.locator('[data-figure="roiPercent"]').innerText();
    assert.equal(shown, '740%');
    assert.ok(await still.locator('[data-figure="roiPercent"]').isVisible());
    const prerendered = await figures(still);
    assert.equal(Object.keys(prerendered).length, 9, 'six headline figures and three in the summary');
    for (const [key, text] of Object.entries(prerendered)) {
      assert.equal(text, live[key], `${key} as the engine shows it (if the widget's rendering changed, run make prerender)`);
    }
    await still.screenshot({ path: `${ARTIFACTS}first-paint-390.png` });
  } finally {
    await plain.close();
  }
  assert.deepEqual(problems, []);
});

test('a page opening a link never shows the default figures: a v2 link\'s first figures (small module), then the widget\'s', async () => {
  const { page: source } = await open(browser.context, `${browser.origin}/`);
  await source.waitForSelector('roi-calculator[data-ready="true"]');
  await source.getByLabel('People').fill('250');
  await source.waitForFunction(() => location.hash.length > 1);
  const link = await source.evaluate(() => location.href);
  await source.close();

  const page = await browser.context.newPage();
  // Hold the engine back, so the moment before it runs can be looked at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/roi_calculator_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(link);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.opening), 'scenario');
  // A v2 link's first figures come from the small first-figures module (www/first-figures.js) while the
  // engine is held: then shown, and the link's own; the defaults never are.
  await page.waitForSelector('roi-calculator[data-first]');
  const shown = await page.locator('roi-calculator').evaluate((c) => getComputedStyle(c).visibility);
  assert.equal(shown, 'visible', 'the link\'s first figures are shown');
  const first = await page.locator('[data-figure="roiPercent"]').innerText();
  assert.notEqual(first, '740%', 'the link\'s own figures, from the first-figures module');
  release();
  await page.waitForSelector('roi-calculator[data-ready="true"][data-opened]');
  assert.equal(await page.locator('roi-calculator').evaluate((c) => getComputedStyle(c).visibility), 'visible');
  assert.equal(await page.locator('[data-figure="roiPercent"]').innerText(), first, 'the widget\'s figures are the first ones');
  await page.close();
});

test('while a link opens, the prerendered default figures and inputs are hidden, not merely their host', async () => {
  const { page: source } = await open(browser.context, `${browser.origin}/`);
  await source.waitForSelector('roi-calculator[data-ready="true"]');
  await source.getByLabel('People').fill('250');
  await source.waitForFunction(() => location.hash.length > 1);
  const link = await source.evaluate(() => location.href);
  await source.close();

  const page = await browser.context.newPage();
  // Both modules held: neither the link's first figures nor the widget can replace the prerendered ones.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/roi_(calculator|first)_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(link);
  await page.waitForSelector('roi-calculator [data-prerendered]', { state: 'attached' });
  const seen = await page.locator('roi-calculator').evaluate((c) => [...c.shadowRoot.querySelectorAll('output, input')]
    .map((e) => getComputedStyle(e).visibility));
  assert.ok(seen.length > 6, 'the prerendered figures and quick start are there');
  assert.deepEqual([...new Set(seen)], ['hidden'], 'none of the default figures or inputs is on screen');
  release();
  await page.waitForSelector('roi-calculator[data-ready="true"][data-opened]');
  assert.equal(await page.locator('[data-figure="roiPercent"]').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  // A link opens on every input.
  assert.equal(await page.locator('roi-calculator .inputs').getAttribute('data-inputs'), 'all');
  await page.close();
});
