// The CSV import benchmark (issue: "1,000,000 activity rows imported and aggregated in under 1.5 s in
// headless Chromium, peak memory under 200 MB; side by side, DuckDB-wasm on the same file: the ratio"),
// and our engine on the same activity as JSON (issue 13: "JSON and NDJSON input … with the same limits").
//
//   node bench/import.mjs                 (the two default sizes, 5 timed runs after 1 warm-up)
//   node bench/import.mjs --people 2440,24500 --days 120 --runs 5 --no-ua-memory
//
// 1. Generates the sample data with `cargo run --release --example sample-data` into
//    target/bench-data/people-P-days-D/ unless it is there (seed 1). The defaults give ~100,000 and
//    ~1,000,000 activity rows; the generator makes about 41 rows a person over 120 days. The same
//    activity is written beside it as a Claude Code analytics export (bench/import-json.mjs, once):
//    activity.ndjson (one record per line) and activity-page-NNNN.json (Admin API pages, one per file).
// 2. Opens one headless Chromium page (tests/browser/chromium.mjs) on the dev server's origin, with
//    /bench-files/ served from disk by request interception: the page (bench/import-page.mjs),
//    DuckDB-wasm and its dependencies from node_modules, the data, and bench/import-ours.js if present.
//    The page is cross-origin isolated (COOP/COEP) so performance.measureUserAgentSpecificMemory() works.
// 3. For each size: the files are fetched into `File`s (not timed); DuckDB-wasm (a fresh worker per
//    size) then our engine (`globalThis.ourImport(files)`, when bench/import-ours.js defines it) each run
//    once to warm up and `--runs` times timed, from files in hand to results as JS numbers. Our engine
//    runs first, in a fresh worker per size (started before timing, as the widget starts it on load).
//    Then our engine again, a fresh worker per variant, on roster.csv + the JSON activity + survey.csv:
//    the NDJSON file, then the page files — timed the same way (the worker is reset, untimed, before
//    each run: JSON pages add up in the widget), and its measurements checked equal to the CSV import's
//    (all but avgSessionMinutes: the export counts sessions, not minutes). DuckDB-wasm is not run on the
//    JSON: its JSON reader is an extension it downloads from the internet, which this machine cannot reach.
// 4. Memory, as far as it can be measured from outside: the peak resident memory of the page's renderer
//    process (it holds the page and its workers; the peak is reset through /proc/PID/clear_refs before
//    each engine, and the growth over the level at that moment is reported too — after the previous
//    engine's worker has ended and the renderer's memory has settled, so one engine's memory being
//    given back does not hide the next one's); the main thread's JS heap peak (CDP
//    Performance.getMetrics, sampled every 25 ms); for our engine, its WebAssembly memory after the runs
//    (exact, and its peak: that memory never shrinks); and after the runs the page's and its workers'
//    memory by measureUserAgentSpecificMemory() (not a peak, and it leaves WebAssembly memory out, so it
//    shows only what an engine keeps on the JS side; --no-ua-memory skips it, ~15 s each).
// 5. Prints a table and writes target/bench/import.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/browser/chromium.mjs';
import { check, checkExpected } from './import-check.mjs';
import { differences, jsonActivity } from './import-json.mjs';
import { rendererPids, resetPeak, status } from './process-memory.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The build measured: this checkout's www/ and pkg/, or those of ROI_SERVE_ROOT (bench/run.mjs's copy).
const site = process.env.ROI_SERVE_ROOT ?? root;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const peopleCounts = option('people', '2440,24500').split(',').map(Number);
const days = Number(option('days', '120'));
const runs = Number(option('runs', '5'));
const uaMemory = !args.includes('--no-ua-memory');
const DAY = 30;

// ---- 1. data ----------------------------------------------------------------------------------------
const dataRoot = join(root, 'target', 'bench-data');
const sets = [];
for (const people of peopleCounts) {
  const name = `people-${people}-days-${days}`;
  const dir = join(dataRoot, name);
  if (!['roster', 'activity', 'survey'].every((k) => existsSync(join(dir, `${k}.csv`)))) {
    console.log(`generating ${name} …`);
    const run = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'sample-data', '--',
      '--people', String(people), '--days', String(days), '--seed', '1', '--out', dir], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`sample-data failed for ${name}`);
  }
  const rows = readFileSync(join(dir, 'activity.csv')).reduce((n, byte) => n + (byte === 10), 0) - 1;
  const json = jsonActivity(dir);
  sets.push({ name, people, rows, json: { ndjson: [json.ndjson], pages: json.pages } });
}

// The hand-made data set (bench/import-check.mjs), to check the SQL before timing it.
mkdirSync(join(dataRoot, 'check'), { recursive: true });
for (const [kind, text] of Object.entries(check)) writeFileSync(join(dataRoot, 'check', `${kind}.csv`), text);

// ---- 2. browser -------------------------------------------------------------------------------------
const served = {
  '/bench-files/import-page.mjs': join(root, 'bench', 'import-page.mjs'),
  '/bench-files/import-duckdb.sql': join(root, 'bench', 'import-duckdb.sql'),
  '/bench-files/import-ours.js': join(root, 'bench', 'import-ours.js'),
  '/bench-files/import-ours-worker.js': join(root, 'bench', 'import-ours-worker.js'),
  // Our side runs the widget's own import worker and release build, served here with the same headers.
  '/bench-files/import-worker.js': join(site, 'www', 'import-worker.js'),
};
const folders = [
  ['/bench-files/data/', dataRoot],
  ['/bench-files/pkg/', join(site, 'pkg')],
  ...['@duckdb/duckdb-wasm', 'apache-arrow', 'tslib', 'flatbuffers']
    .map((p) => [`/bench-files/node_modules/${p}/`, join(root, 'node_modules', p)]),
];
const types = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.csv': 'text/csv', '.json': 'application/json', '.ndjson': 'application/x-ndjson', '.sql': 'text/plain', '.html': 'text/html' };
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' };
const importMap = {
  imports: {
    '@duckdb/duckdb-wasm': '/bench-files/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs',
    'apache-arrow': '/bench-files/node_modules/apache-arrow/Arrow.dom.mjs',
    tslib: '/bench-files/node_modules/tslib/tslib.es6.mjs',
    flatbuffers: '/bench-files/node_modules/flatbuffers/mjs/flatbuffers.js',
  },
};
const html = `<!doctype html><meta charset="utf-8"><title>import benchmark</title>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module" src="/bench-files/import-page.mjs"></script>`;

/** The file a /bench-files/ path names, or null outside the served files and folders. */
function fileFor(path) {
  if (served[path]) return served[path];
  for (const [prefix, folder] of folders) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(path.slice(prefix.length))));
    return file.startsWith(folder + sep) ? file : null;
  }
  return null;
}

const browser = await launch();
const report = { date: new Date().toISOString(), day: DAY, runs, sizes: [] };
try {
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await browser.context.route(`${browser.origin}/bench-files/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/bench-files/index.html') {
      return route.fulfill({ status: 200, contentType: 'text/html', headers: isolation, body: html });
    }
    const file = fileFor(path);
    // A file of 100+ MB in one response is more than the request interception carries (the page
    // crashes): the page asks for the large JSON files in ranges (bench/import-page.mjs), answered here.
    const range = /^bytes=(\d+)-(\d+)$/.exec(route.request().headers().range ?? '');
    if (file && range) {
      const piece = await readRange(file, Number(range[1]), Number(range[2])).catch(() => null);
      if (piece) {
        return route.fulfill({ status: 206, contentType: types[extname(file)] ?? 'application/octet-stream',
          headers: { ...isolation, 'Content-Range': `bytes ${piece.start}-${piece.end}/${piece.total}` }, body: piece.body });
      }
    }
    const body = file && await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404, headers: isolation, body: 'Not found' });
    return route.fulfill({ status: 200, contentType: types[extname(file)] ?? 'application/octet-stream',
      headers: isolation, body });
  });
  await page.goto(`${browser.origin}/bench-files/index.html`);
  await page.waitForFunction(() => globalThis.bench, null, { timeout: 30_000 });
  report.browser = await page.evaluate(() => navigator.userAgent);
  report.crossOriginIsolated = await page.evaluate(() => crossOriginIsolated);
  const oursAvailable = existsSync(served['/bench-files/import-ours.js'])
    && await page.evaluate(() => globalThis.bench.loadOurs());
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');

  await page.evaluate(() => globalThis.bench.loadFiles('check'));
  await page.evaluate(() => globalThis.bench.startDuckDB());
  const checked = await page.evaluate(() => globalThis.bench.once('duckdb'));
  await page.evaluate(() => globalThis.bench.stopDuckDB());
  const wrong = [];
  for (const [group, figures] of Object.entries(checkExpected)) {
    const got = group === 'overall' ? checked.overall : checked.departments[group];
    for (const [key, value] of Object.entries(figures)) {
      const ok = value === null ? got?.[key] === null : Math.abs((got?.[key] ?? NaN) - value) < 1e-12;
      if (!ok) wrong.push(`${group}.${key} = ${got?.[key]}, expected ${value}`);
    }
  }
  if (wrong.length) throw new Error(`the DuckDB SQL gives wrong figures on the hand-made data: ${wrong.join('; ')}`);
  console.log('DuckDB SQL checked against a hand-made data set (duplicates, unknown user, no completion, cut-off): right');
  if (oursAvailable) {
    // Its groups are smaller than the default privacy threshold (5), which would hide every figure: the
    // overall's 3 people show with the least threshold allowed (3); its departments (2 and 1) stay hidden.
    const ours = await page.evaluate(() => globalThis.bench.once('ours', 30, 3));
    compare(checked.overall, figures(ours));
    await page.evaluate(() => globalThis.ourStop());
  }

  // ---- 3. and 4. the measurements ----------------------------------------------------------------------
  /** Runs `work` while tracking memory: renderer peak RSS (via /proc) and the main thread's JS heap. */
  async function withMemory(work) {
    const renderers = rendererPids();
    const start = new Map(renderers.map((pid) => [pid, resetPeak(pid)]));
    let heapPeak = 0;
    let sampledRss = new Map();
    const sample = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
      heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      for (const pid of renderers) sampledRss.set(pid, Math.max(sampledRss.get(pid) ?? 0, status(pid).VmRSS ?? 0));
    };
    const timer = setInterval(sample, 25);
    let value;
    try {
      value = await work();
    } finally {
      clearInterval(timer);
      await sample();
    }
    // The page's renderer is the one that grew most (the others are idle or spare processes).
    let best = null;
    for (const pid of renderers) {
      const { VmHWM: hwm = 0, VmRSS: rss = 0 } = status(pid);
      const peak = start.get(pid).reset ? hwm : Math.max(hwm, sampledRss.get(pid) ?? 0);
      const growth = peak - start.get(pid).rss;
      if (!best || growth > best.growth) best = { pid, peak, growth, after: rss, peakIsExact: start.get(pid).reset };
    }
    return { value, memory: { renderer: best, mainThreadJsHeapPeak: heapPeak } };
  }

  /** Our engine on each JSON variant of data set `name` (`names`: its files by variant), loaded only for
   *  this (not timed) and let go after; each variant's timing (`rows` records), its ratio to `csv` (our
   *  CSV import's) and whether its measurements equal the CSV import's. */
  async function timeJson(name, names, csv, rows) {
    const bytes = await page.evaluate(([n, v]) => globalThis.bench.loadJson(n, v), [name, names]);
    const out = {};
    for (const [variant, files] of Object.entries(names)) {
      const timed = await timeOurs(variant, rows);
      const differ = differences(csv.result.measurements, timed.result.measurements);
      out[variant] = { files: files.length, bytes: bytes[variant], ...timed, ratio: timed.median / csv.median,
        sameAsCsv: differ.length === 0, differences: differ };
      console.log(`  JSON ${variant} against our CSV import: ${differ.length ? `DIFFERENT: ${differ.slice(0, 8).join('; ')}`
        : 'the same measurements (all but avgSessionMinutes, which the JSON export cannot give)'}; `
        + `JSON ÷ CSV ${out[variant].ratio.toFixed(2)}×`);
    }
    await page.evaluate(() => globalThis.bench.loadJson('', {}));
    return out;
  }

  /** Waits (up to 15 s) until the renderers' resident memory stops falling after an engine has ended. */
  async function settle() {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const total = () => rendererPids().reduce((sum, pid) => sum + (status(pid).VmRSS ?? 0), 0);
    let last = total();
    for (let waited = 0; waited < 15_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = total();
      if (Math.abs(now - last) < 2048) return;
      last = now;
    }
  }

  /** Our engine in a fresh worker: one warm-up and `runs` timed runs on the CSV files, or with JSON
   *  `variant`'s activity; the times, memory and last result, and rows/s for `rows` activity rows. */
  async function timeOurs(variant, rows) {
    await page.evaluate(() => globalThis.ourStart());
    await settle();
    const ours = await withMemory(() => page.evaluate(([n, day, v]) => globalThis.bench.time('ours', n, day, v), [runs, DAY, variant]));
    const wasm = await page.evaluate(() => globalThis.ourMemory());
    const userAgent = uaMemory ? await page.evaluate(() => globalThis.bench.userAgentMemory()) : null;
    await page.evaluate(() => globalThis.ourStop());
    const timed = summary(ours.value.times);
    const result = { ...timed, rowsPerSecond: rows / (timed.median / 1000), memory: { ...ours.memory, wasm, userAgent },
      result: ours.value.result };
    console.log(`  ${variant ? `JSON ${variant}:`.padEnd(13) : 'ours:  '} median ${timed.median.toFixed(0)} ms `
      + `(${timed.min.toFixed(0)}–${timed.max.toFixed(0)}), ${(result.rowsPerSecond / 1e6).toFixed(2)} M rows/s, `
      + `WebAssembly memory ${mb(wasm)} MB, renderer growth ${(ours.memory.renderer.growth / 1024).toFixed(0)} MB`);
    await settle();
    return result;
  }

  for (const { json: jsonNames, ...set } of sets) {
    const sizes = await page.evaluate((name) => globalThis.bench.loadFiles(name), set.name);
    const entry = { ...set, bytes: sizes, duckdb: null, ours: null, json: null };
    console.log(`\n${set.name}: ${set.rows.toLocaleString('en')} activity rows, ${mb(sizes.activity)} MB`);

    if (oursAvailable) {
      entry.ours = await timeOurs(null, set.rows);
    } else {
      console.log('  ours: not available (bench/import-ours.js does not define globalThis.ourImport)');
    }

    const started = await page.evaluate(() => globalThis.bench.startDuckDB());
    console.log(`  DuckDB-wasm ${started.package} (${started.version}) started in ${started.ms.toFixed(0)} ms (not timed)`);
    const duck = await withMemory(() => page.evaluate((n) => globalThis.bench.time('duckdb', n), runs));
    const duckUa = uaMemory ? await page.evaluate(() => globalThis.bench.userAgentMemory()) : null;
    await page.evaluate(() => globalThis.bench.stopDuckDB());
    entry.duckdb = { ...summary(duck.value.times), version: started.version, memory: { ...duck.memory, userAgent: duckUa },
      result: duck.value.result };
    console.log(`  DuckDB: median ${entry.duckdb.median.toFixed(0)} ms (${entry.duckdb.min.toFixed(0)}–${entry.duckdb.max.toFixed(0)})`);
    sanity(duck.value.result);
    await settle();

    if (entry.ours) {
      entry.ratio = entry.duckdb.median / entry.ours.median;
      compare(duck.value.result.overall, figures(entry.ours.result));
      entry.json = await timeJson(set.name, jsonNames, entry.ours, set.rows);
    }
    report.sizes.push(entry);
  }
  if (pageErrors.length) console.log('\npage errors:', pageErrors);
} finally {
  // A crashed page makes closing fail too: that must not hide the error that crashed it.
  await browser.close().catch((error) => console.error(`closing the browser: ${error.message}`));
}

// ---- 6. table and JSON ------------------------------------------------------------------------------
console.log(`\nDay-${DAY} aggregation from File objects to JS numbers, median of ${runs} runs after 1 warm-up (${report.browser.match(/Chrom\S+/)?.[0] ?? 'Chromium'})`);
const head = ['data set', 'rows', 'activity MB', 'DuckDB ms (min–max)', 'ours ms (min–max)', 'DuckDB/ours',
  'peak RSS DuckDB (growth)', 'peak RSS ours (growth)', 'ours wasm', 'JS memory DuckDB / ours'];
const lines = report.sizes.map((s) => [
  s.name, s.rows.toLocaleString('en'), mb(s.bytes.activity),
  timing(s.duckdb), s.ours ? timing(s.ours) : 'not available', s.ratio ? `${s.ratio.toFixed(2)}×` : '—',
  rss(s.duckdb.memory.renderer), s.ours ? rss(s.ours.memory.renderer) : '—',
  s.ours?.memory.wasm ? mb(s.ours.memory.wasm) : '—',
  `${jsMemory(s.duckdb)} / ${s.ours ? jsMemory(s.ours) : '—'}`,
]);
printTable(head, lines);
console.log('peak RSS: the page renderer process (page + workers), MB; growth = over its level when the engine started.');
console.log('ours wasm: our engine\'s WebAssembly memory after the runs, MB (exact, and its peak: it never shrinks).');
console.log('JS memory: page + workers after the runs, MB, by measureUserAgentSpecificMemory, which does NOT count');
console.log('  WebAssembly memory (checked: a worker\'s 200 MB WebAssembly.Memory is not in it); so peak RSS is the figure.');
const jsonLines = report.sizes.filter((s) => s.json).flatMap((s) => [['csv', s.ours], ...Object.entries(s.json)].map(([variant, t]) => [
  s.name, s.rows.toLocaleString('en'), variant, String(t.files ?? 1), mb(t.bytes ?? s.bytes.activity), timing(t),
  (t.rowsPerSecond / 1e6).toFixed(2), t.ratio ? `${t.ratio.toFixed(2)}×` : '—',
  t.sameAsCsv === undefined ? '—' : t.sameAsCsv ? 'yes' : 'NO', rss(t.memory.renderer), mb(t.memory.wasm),
]));
if (jsonLines.length) {
  console.log(`\nOurs on the activity as CSV and as JSON (roster.csv and survey.csv beside it), median of ${runs} runs after 1 warm-up`);
  printTable(['data set', 'rows', 'activity', 'files', 'MB', 'ours ms (min–max)', 'M rows/s', 'JSON ÷ CSV',
    'same figures as CSV', 'peak RSS (growth)', 'wasm'], jsonLines);
  console.log('same figures: every measurement of the JSON import equals the CSV import\'s, but avgSessionMinutes (no minutes in JSON).');
}
mkdirSync(join(root, 'target', 'bench'), { recursive: true });
writeFileSync(join(root, 'target', 'bench', 'import.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log('written: target/bench/import.json');

// ---- helpers ----------------------------------------------------------------------------------------
/** Bytes `start` to `end` (inclusive, cut at the file's end) of `file`, its size, and where they end. */
async function readRange(file, start, end) {
  const handle = await open(file);
  try {
    const total = (await handle.stat()).size;
    const last = Math.min(end, total - 1);
    const body = Buffer.alloc(Math.max(0, last - start + 1));
    await handle.read(body, 0, body.length, start);
    return { start, end: last, total, body };
  } finally {
    await handle.close();
  }
}

/** Prints `lines` (arrays of cells) under `head` in padded columns. */
function printTable(head, lines) {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [head, ...lines]) console.log(line.map((c, i) => c.padEnd(widths[i])).join('  '));
}
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { times, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}
function timing(t) { return `${t.median.toFixed(0)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})`; }
function mb(bytes) { return (bytes / 1e6).toFixed(1); }
function rss(r) { return r ? `${(r.peak / 1024).toFixed(0)} (+${(r.growth / 1024).toFixed(0)})${r.peakIsExact ? '' : '~'}` : 'n/a'; }
function jsMemory(engine) { return engine.memory.userAgent ? mb(engine.memory.userAgent.bytes) : 'n/a'; }

/** Checks DuckDB's figures are plausible: rates are fractions, departments differ. */
function sanity(result) {
  const problems = [];
  const rates = ['completion_rate', 'active_usage_rate', 'weekly_active_rate', 'daily_workflow_share', 'reviewed_before_use'];
  for (const [name, figures] of [['overall', result.overall], ...Object.entries(result.departments)]) {
    for (const rate of rates) if (!(figures[rate] >= 0 && figures[rate] <= 1)) problems.push(`${name}.${rate} = ${figures[rate]}`);
  }
  const wau = Object.values(result.departments).map((d) => d.weekly_active_rate);
  if (Math.max(...wau) - Math.min(...wau) < 0.2) problems.push(`departments hardly differ: ${wau}`);
  const o = result.overall;
  console.log(`  overall: completion ${pct(o.completion_rate)}, active usage ${pct(o.active_usage_rate)}, WAU ${pct(o.weekly_active_rate)}, `
    + `${o.sessions_per_active_user_week.toFixed(2)} sessions/active user/week, ${o.avg_session_minutes.toFixed(2)} min/session, `
    + `${o.people} people; survey: ${o.hours_saved_per_week.toFixed(2)} h, satisfaction ${o.satisfaction.toFixed(2)}, `
    + `integration ≥4 ${pct(o.daily_workflow_share)}, reviewed ${pct(o.reviewed_before_use)} (${o.answers} answers)`);
  console.log(`  WAU by department: ${Object.entries(result.departments).map(([d, f]) => `${d} ${pct(f.weekly_active_rate)}`).join(', ')}`);
  console.log(problems.length ? `  SANITY PROBLEMS: ${problems.join('; ')}` : '  sanity: rates within 0–1, departments differ');
}
function pct(x) { return `${(100 * x).toFixed(1)}%`; }

/** Our result's figures to compare with DuckDB's: overall and by department (not the whole measurements). */
function figures({ overall, departments }) { return { overall, departments }; }

/** Best effort until our result's shape is settled: the first field of the same name, camelCase, found
 *  breadth first in our result (so an overall figure before a department's), against DuckDB's overall. */
function compare(duck, ours) {
  const camel = (s) => s.replace(/_(\w)/g, (_, c) => c.toUpperCase());
  const find = (value, key) => {
    const queue = [value];
    while (queue.length) {
      const v = queue.shift();
      if (v && typeof v === 'object') {
        if (typeof v[key] === 'number') return v[key];
        queue.push(...Object.values(v));
      }
    }
    return undefined;
  };
  const out = [];
  for (const [key, value] of Object.entries(duck)) {
    const theirs = find(ours, camel(key));
    if (theirs !== undefined) out.push(`${camel(key)} ${Math.abs(theirs - value) <= 1e-9 * Math.max(1, Math.abs(value)) ? 'same' : `${theirs} vs DuckDB ${value}`}`);
  }
  console.log(`  ours against DuckDB (overall): ${out.length ? out.join(', ') : 'no field of the same name found'}`);
}
