// No HTML is ever built from data: the widget's Rust and the page's JavaScript use no HTML-parsing sink
// (innerHTML and its kin), and names that are markup — from a link, in every text field — are shown as
// the very characters typed, create no element and run nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, open } from './chromium.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Every way to turn a string into DOM nodes or script, in JavaScript and in web-sys. */
const SINKS = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc|setHTMLUnsafe|\beval\(|new Function\(|inner_html|outer_html|insert_adjacent_html|set_html_unsafe/;

async function files(folder, extension) {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(extension)).map((e) => join(e.parentPath, e.name));
}

test('no source that renders or runs in the browser uses an HTML or code sink', async () => {
  const sources = [...await files('www', '.js'), ...await files('www', '.html'), ...await files('crate/web/src', '.rs'), ...await files('crate/import-web/src', '.rs'), ...await files('crate/boundary/src', '.rs')];
  assert.ok(sources.length >= 10, `found ${sources.length} files`);
  const hits = [];
  for (const file of sources) {
    (await readFile(file, 'utf8')).split('\n').forEach((line, i) => { if (SINKS.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`); });
  }
  assert.deepEqual(hits, []);
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('markup in every name of a shared scenario is shown as text and runs nothing', async () => {
  const markup = '<img src=x onerror="globalThis.pwned=1">&amp;</b>';
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  const link = await page.evaluate(async (markup) => {
    const m = await import('./pkg/roi_calculator.js');
    const scenario = m.defaultScenario();
    scenario.departments[0].name = markup;
    scenario.departments[0].useCases = [{ name: markup, minutesBefore: 60, minutesAfter: 30, perWeek: 2 }];
    scenario.costs.oneTime[0].label = markup;
    return m.encodeScenario(scenario);
  }, markup);
  await page.goto('about:blank');
  await page.goto(`${browser.origin}/#${link}`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  assert.equal(await page.locator('legend').first().innerText(), markup);
  assert.equal(await page.locator('[data-path="departments[0].name"]').inputValue(), markup);
  assert.equal(await page.locator('[data-path="departments[0].useCases[0].name"]').inputValue(), markup);
  assert.equal(await page.locator('[data-path="costs.oneTime[0].label"]').inputValue(), markup);
  const made = await page.locator('roi-calculator').evaluate((w) => ({
    images: w.shadowRoot.querySelectorAll('img').length + document.querySelectorAll('img').length,
    bold: w.shadowRoot.querySelectorAll('b').length,
    pwned: globalThis.pwned ?? null,
  }));
  assert.deepEqual(made, { images: 0, bold: 0, pwned: null });
  // The board report and the tornado name the department; their text holds the markup verbatim.
  assert.ok((await page.locator('.board-items').innerText()).includes(markup));
  assert.deepEqual(problems, []);
  await page.close();
});
