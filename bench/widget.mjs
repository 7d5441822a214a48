// Times the widget in headless Chromium on the release build, as a person meets it:
//   - navigation to the first rendered figures (cache disabled), over many loads; with `floor`, each
//     load is paired with one of a plain static page of the same byte size on the same server, the
//     least any page that downloads as much could take;
//   - keystroke to updated figures with 5 departments: 200 edits of a field, each an `input` event
//     handled synchronously, timed from dispatch to the figures being in the DOM.
//
//   node bench/widget.mjs        (after scripts/build.sh; `make bench-widget` does both)
//
// `firstRender(browser)` and `keystrokes(browser)` are what bench/run.mjs (`make bench`) calls, with a
// browser from tests/browser/chromium.mjs's `launch()`.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duration, quantile, summary } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the floor page is written for the duration of a run: pkg/ is served by scripts/serve.mjs too,
 *  so the floor comes from the same server, with the same headers, as the widget (bench/run.mjs serves
 *  a copy of the build, named by ROI_SERVE_ROOT, so the floor is written there, not into pkg/ itself). */
const floorFile = () => join(process.env.ROI_SERVE_ROOT ?? root, 'pkg', 'bench-floor.html');

/** Opens `path` in a new tab with the HTTP cache disabled and resolves to the tab once `mark` is set. */
async function load(browser, path, ready) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(`${browser.origin}${path}`);
  await page.waitForFunction(ready);
  return page;
}

/** One load of the page with the widget: ms from navigation start to the widget's `roi-ready` mark (set
 *  when the figures are in its DOM), and the bytes the page had fetched by then (by resource timing). */
async function widgetLoad(browser) {
  const page = await load(browser, '/', () => performance.getEntriesByName('roi-ready').length > 0);
  const result = await page.evaluate(() => {
    const ready = performance.getEntriesByName('roi-ready')[0].startTime;
    const [navigation] = performance.getEntriesByType('navigation');
    const resources = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= ready);
    const files = [navigation, ...resources].map((r) => ({ url: new URL(r.name).pathname, bytes: r.encodedBodySize }));
    return { ms: ready, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
  });
  await page.close();
  return result;
}

/** One load of the floor page: ms from navigation start to its mark, set by an inline script placed after
 *  the blob and a heading, that is, once every byte has arrived and been parsed into the DOM. */
async function floorLoad(browser) {
  const page = await load(browser, '/pkg/bench-floor.html', () => performance.getEntriesByName('floor-ready').length > 0);
  const result = await page.evaluate(() => ({
    ms: performance.getEntriesByName('floor-ready')[0].startTime,
    bytes: performance.getEntriesByType('navigation')[0].encodedBodySize,
  }));
  await page.close();
  return result;
}

/** A static HTML page of exactly `bytes` bytes: a blob of base64 text in an inert script element. */
export function floorPage(bytes) {
  const head = '<!doctype html><meta charset="utf-8"><title>floor</title><script type="application/octet-stream">';
  const tail = '</script><h1>floor</h1><script>performance.mark("floor-ready")</script>\n';
  const fill = Math.max(0, bytes - head.length - tail.length);
  const blob = randomBytes(Math.ceil(fill * 0.75) + 3).toString('base64').slice(0, fill);
  return head + blob + tail;
}

/**
 * Navigation to the first figures, cache disabled, `loads` times after one untimed load; with `floor`,
 * each load is followed by one of the floor page, sized to what the widget's page fetched before its
 * first figures. Resolves to `{ widget, floor, bytes, files, samples }`, summaries in ms.
 */
export async function firstRender(browser, { loads = 25, floor = true } = {}) {
  const first = await widgetLoad(browser);
  const samples = { widget: [], floor: [] };
  if (floor) await writeFile(floorFile(), floorPage(first.bytes));
  try {
    if (floor) await floorLoad(browser);
    for (let i = 0; i < loads; i++) {
      samples.widget.push((await widgetLoad(browser)).ms);
      if (floor) samples.floor.push((await floorLoad(browser)).ms);
    }
  } finally {
    if (floor) await rm(floorFile(), { force: true });
  }
  return {
    widget: summary(samples.widget),
    floor: floor ? summary(samples.floor) : null,
    ratios: floor ? samples.widget.map((w, i) => w / samples.floor[i]) : null,
    bytes: first.bytes,
    files: first.files,
    samples,
  };
}

/** Keystroke to updated figures: `rounds` fresh pages, each with 5 departments and a `draws`-draw
 *  scenario, 20 untimed edits then `edits` timed ones. Resolves to `{ all, rounds, samples }` in ms. */
export async function keystrokes(browser, { rounds = 1, edits = 200, draws = 10_000 } = {}) {
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const page = await browser.context.newPage();
    await page.goto(`${browser.origin}/`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    await page.evaluate((draws) => {
      const calculator = document.querySelector('roi-calculator');
      const scenario = calculator.scenario;
      scenario.uncertainty.draws = draws;
      calculator.scenario = scenario;
    }, draws);
    await page.waitForFunction((draws) => document.querySelector('roi-calculator').scenario.uncertainty.draws === draws, draws);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add a department' }).click();
    perRound.push(await page.evaluate((edits) => {
      const root = document.querySelector('roi-calculator').shadowRoot;
      const input = root.querySelector('[data-path="departments[2].headcount"]');
      const figure = root.querySelector('[data-figure="roiPercent"]');
      const times = [];
      for (let i = 0; i < edits + 20; i++) {
        const start = performance.now();
        input.value = String(100 + (i % 50));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (!figure.textContent) throw new Error('no figure');
        if (i >= 20) times.push(performance.now() - start);
      }
      return times;
    }, edits));
    await page.close();
  }
  const all = perRound.flat().sort((a, b) => a - b);
  return {
    all: { n: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: all.at(-1) },
    rounds: perRound.map((t) => { const s = [...t].sort((a, b) => a - b); return { p50: quantile(s, 0.5), p95: quantile(s, 0.95) }; }),
    edits, draws,
  };
}

async function main() {
  const { launch } = await import('../tests/browser/chromium.mjs');
  const browser = await launch();
  try {
    const loads = await firstRender(browser, { loads: 25, floor: false });
    const keys = await keystrokes(browser);
    console.log('widget in headless Chromium (release build)');
    console.log(`navigation to first figures, ${loads.widget.n} loads, cache off: median ${duration(loads.widget.median)}, p95 ${duration(loads.widget.p95)}`);
    console.log(`keystroke to updated figures, 5 departments (10,000-draw scenario), ${keys.all.n} edits: p50 ${duration(keys.all.p50)}, p95 ${duration(keys.all.p95)}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
