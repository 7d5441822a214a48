// Times `evaluate` in headless Chromium on the release build (pkg/), as a browser user would run it.
//
//   node bench/engine.mjs            (after scripts/build.sh; `make bench-engine` does both)
//   ROI_PKG=/path/to/other/pkg node bench/engine.mjs    (another build, for an A/B comparison)
//
// Files are served to the page by request interception, so nothing touches the network. Each case runs
// in batches after a warm-up; a batch's time divided by its calls is one sample, and the table reports
// the median and the 95th percentile of the samples (performance.now() is coarse in a browser, so a
// batch is long enough to time reliably).
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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
  const rows = await page.evaluate(async () => {
    const m = await import('/pkg/roi_calculator.js');
    await m.default();
    const base = m.defaultScenario();
    const withDepartments = (n, draws) => ({
      ...base,
      uncertainty: { ...base.uncertainty, draws },
      departments: Array.from({ length: n }, (_, i) => ({
        name: `Department ${i + 1}`,
        benchmark: ['engineering', 'legal', 'marketing', 'finance', 'sales'][i % 5],
        headcount: 20 + (i % 7) * 10,
        hourlyCost: 60 + (i % 4) * 15,
      })),
    });
    const cases = [
      ['default scenario, 10,000 draws', base, 5],
      ['default scenario, 100,000 draws', { ...base, uncertainty: { ...base.uncertainty, draws: 100000 } }, 1],
      ['5 departments, no draws', withDepartments(5, 0), 200],
      ['50 departments, no draws', withDepartments(50, 0), 50],
      ['500 departments, no draws', withDepartments(500, 0), 5],
    ];
    const out = [];
    for (const [name, scenario, batch] of cases) {
      for (let i = 0; i < batch * 5; i++) m.evaluate(scenario); // warm-up
      const samples = [];
      for (let s = 0; s < 41; s++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) m.evaluate(scenario);
        samples.push((performance.now() - t0) / batch);
      }
      samples.sort((a, b) => a - b);
      out.push({ name, median: samples[20], p95: samples[Math.ceil(0.95 * samples.length) - 1], calls: batch * 41 });
    }
    return out;
  });
  const ms = (x) => (x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`);
  console.log(`evaluate() in ${await context.browser()?.version?.() ?? 'Chromium'} (release build)`);
  console.log('case'.padEnd(36), 'median'.padStart(10), 'p95'.padStart(10), 'calls'.padStart(7));
  for (const r of rows) console.log(r.name.padEnd(36), ms(r.median).padStart(10), ms(r.p95).padStart(10), String(r.calls).padStart(7));
} finally {
  await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}
