// A share link's first figures (docs/decisions.md, "The first-figures module"): opening a v2 link, the
// page paints the link's headline figures from the small first-figures module (pkg/roi_first.js) before
// the page's full module is even requested, and they are, text for text, the figures the widget then
// shows. A link the small path cannot read exactly (measurements, here) is left to the full path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { launch } from './chromium.mjs';

const FOLDER = new URL('../fixtures/links/v2/', import.meta.url);
const FULL = 'roi_calculator_bg.wasm';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What the page shows when the first figures are painted (taken at their performance mark), and then. */
async function openLink(link) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'roi-first-figures') {
        const root = document.querySelector('roi-calculator').shadowRoot;
        globalThis.firstSeen = {
          texts: [...root.querySelectorAll('output')].map((o) => [o.dataset.figure ?? `summary:${o.dataset.summary}`, o.textContent]),
          visible: getComputedStyle(document.querySelector('roi-calculator')).visibility,
          fullRequested: performance.getEntriesByType('resource').some((e) => e.name.endsWith('roi_calculator_bg.wasm')),
        };
      }
      return mark(name, ...rest);
    };
  });
  await page.goto(`${browser.origin}/#${link}`);
  await page.waitForSelector('roi-calculator[data-opened]');
  const result = await page.evaluate((full) => {
    const first = performance.getEntriesByName('roi-first-figures')[0];
    const fullEntry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(full));
    const root = document.querySelector('roi-calculator').shadowRoot;
    return {
      first: globalThis.firstSeen ?? null,
      markAt: first?.startTime ?? null,
      fullAt: fullEntry?.startTime ?? null,
      final: [...root.querySelectorAll('.headline output, .summary output')]
        .map((o) => [o.dataset.figure ?? `summary:${o.dataset.summary}`, o.textContent]),
    };
  }, FULL);
  await page.close();
  return { ...result, problems };
}

test('a v2 link paints its headline from the small module before the full one is requested, and the widget then shows the same', async () => {
  const names = (await readdir(FOLDER)).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  let painted = 0;
  for (const name of names) {
    const link = (await readFile(new URL(`${name}.txt`, FOLDER), 'utf8')).trim();
    const measured = 'measurements' in JSON.parse(await readFile(new URL(`${name}.json`, FOLDER), 'utf8'));
    const { first, markAt, fullAt, final, problems } = await openLink(link);
    assert.deepEqual(problems, [], `${name}: ${problems.join('; ')}`);
    if (measured) {
      assert.equal(first, null, `${name}: a link with measurements is left to the full path`);
      continue;
    }
    if (first === null) continue; // refused (a locale of its own, say): today's path, checked in links.test.mjs
    painted += 1;
    assert.equal(first.fullRequested, false, `${name}: the full module was requested before the first figures`);
    assert.ok(fullAt === null || fullAt > markAt, `${name}: the full module (at ${fullAt} ms) came before the first figures (${markAt} ms)`);
    assert.equal(first.visible, 'visible', `${name}: the first figures were not shown`);
    // The widget's headline and summary, text for text (it shows each figure once in the headline and the
    // three of the summary once more).
    const shown = new Map(final);
    for (const [key, text] of first.texts) assert.equal(text, shown.get(key), `${name}: ${key} was ${text} first, ${shown.get(key)} after`);
    assert.equal(first.texts.length, 9, `${name}: nine figures`);
  }
  assert.ok(painted >= 6, `only ${painted} of the v2 links took the first-figures path`);
});
