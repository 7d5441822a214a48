// Times `evaluate` in headless Chromium on the release build (pkg/), as a browser user would run it.
//
//   node bench/engine.mjs            (after scripts/build.sh; `make bench-engine` does both)
//   ROI_PKG=/path/to/other/pkg node bench/engine.mjs    (another build, for an A/B comparison)
//
// Run alone, files are served to the page by request interception, so nothing touches the network.
// `timeEvaluate(page)` is what bench/run.mjs (`make bench`) calls on a page of its own server. Each case
// runs in batches after a warm-up; a batch's time divided by its calls is one sample, and each case
// reports the median and the 95th percentile of the samples (performance.now() is coarse in a browser,
// so a batch is long enough to time reliably).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duration } from './stats.mjs';

/** The cases, in the order they run: key, name, departments (null: the default scenario), Monte Carlo
 *  draws, calls per batch. bench/native.rs times the same scenarios natively. */
export const CASES = [
  { key: 'default-10k', name: 'default scenario, 10,000 draws', departments: null, draws: 10_000, batch: 5 },
  { key: 'default-100k', name: 'default scenario, 100,000 draws', departments: null, draws: 100_000, batch: 1 },
  { key: 'departments-5', name: '5 departments, no draws', departments: 5, draws: 0, batch: 200 },
  { key: 'departments-50', name: '50 departments, no draws', departments: 50, draws: 0, batch: 50 },
  { key: 'departments-500', name: '500 departments, no draws', departments: 500, draws: 0, batch: 5 },
];

/**
 * Times every case in `page`, where `/pkg/roi_calculator.js` is the release build; resolves to
 * `[{ key, name, median, p95, calls, reportBytes, reportParts }]`, times in ms per call (reportBytes:
 * the length of the report as JSON text, which is what crosses the boundary; reportParts: that of each
 * of its top-level fields).
 */
export async function timeEvaluate(page, { batches = 41 } = {}) {
  return page.evaluate(async ({ cases, batches }) => {
    const m = await import('/pkg/roi_calculator.js');
    await m.default();
    const base = m.defaultScenario();
    const scenarioOf = ({ departments, draws }) => ({
      ...base,
      uncertainty: { ...base.uncertainty, draws },
      departments: departments === null ? base.departments : Array.from({ length: departments }, (_, i) => ({
        name: `Department ${i + 1}`,
        benchmark: ['engineering', 'legal', 'marketing', 'finance', 'sales'][i % 5],
        headcount: 20 + (i % 7) * 10,
        hourlyCost: 60 + (i % 4) * 15,
      })),
    });
    const out = [];
    for (const c of cases) {
      const scenario = scenarioOf(c);
      for (let i = 0; i < c.batch * 5; i++) m.evaluate(scenario); // warm-up
      const samples = [];
      for (let s = 0; s < batches; s++) {
        const t0 = performance.now();
        for (let i = 0; i < c.batch; i++) m.evaluate(scenario);
        samples.push((performance.now() - t0) / c.batch);
      }
      samples.sort((a, b) => a - b);
      out.push({ key: c.key, name: c.name, median: samples[samples.length >> 1],
        p95: samples[Math.ceil(0.95 * samples.length) - 1], calls: c.batch * batches,
        ...(() => {
          const report = m.evaluate(scenario);
          const parts = Object.fromEntries(Object.entries(report).map(([k, v]) => [k, JSON.stringify(v ?? null).length]));
          return { reportBytes: JSON.stringify(report).length, reportParts: parts };
        })() });
    }
    return out;
  }, { cases: CASES, batches });
}

async function main() {
  const { chromium } = await import('playwright-core');
  const pkg = process.env.ROI_PKG ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'pkg');
  const origin = 'http://bench.invalid';
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
  const userDataDir = await mkdtemp(join(tmpdir(), 'roi-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    await context.route(`${origin}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = path.startsWith('/pkg/') ? join(pkg, path.slice('/pkg/'.length)) : null;
      if (!file || !file.startsWith(pkg)) return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
      const ext = file.slice(file.lastIndexOf('.'));
      return route.fulfill({ status: 200, contentType: types[ext] ?? 'application/octet-stream', body: await readFile(file) });
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${origin}/`);
    const rows = await timeEvaluate(page);
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    console.log(`evaluate() in ${product} (release build)`);
    console.log('case'.padEnd(36), 'median'.padStart(10), 'p95'.padStart(10), 'calls'.padStart(7));
    for (const r of rows) console.log(r.name.padEnd(36), duration(r.median).padStart(10), duration(r.p95).padStart(10), String(r.calls).padStart(7));
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
