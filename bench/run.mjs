// `make bench`: measures the product against its budgets and its peers, in one run, and reports it.
//
//   make bench                       (builds the release, installs the optional peers, runs this)
//   node bench/run.mjs               (after scripts/build.sh and `npm ci`, which installs the optional
//                                     chart.js, react, react-dom and @duckdb/duckdb-wasm)
//   node bench/run.mjs --quick       (fewer repetitions, for trying the command out; not for the record)
//   node bench/run.mjs --no-import --no-native    (skip the slow parts)
//   Also --loads N, --phone-loads N, --keystroke-rounds N, --engine-rounds N, --native-rounds N, --import-runs N. Only a
//   full run with the default settings rewrites docs/performance.md; every run writes the JSON.
//
// It builds nothing. In order, so that no two measurements compete for the machine's cores:
//   1. transfer sizes (gzip -9, brotli 11) of the widget's files, of the first download (default page and
//      share link) and of a peer page's libraries; the view code's lines;
//   2. `evaluate()` natively (`cargo bench --bench native`, the core without JavaScript or JSON), 5 runs;
//   3. in one headless Chromium: navigation to the first figures on screen, default page and a five-
//      department share link, each against a static floor page of the same size — on the desktop
//      (localhost, unthrottled, uncompressed; 31 loads each, interleaved) and on an emulated phone
//      (Lighthouse's mobile preset through the DevTools protocol, from a second server that gzips;
//      9 loads each) —, keystroke to updated figures (5 departments: 5 pages × 200 edits; 50
//      departments: 3 pages × 200), and `evaluate()` through the wasm boundary (7 rounds of 41 batches);
//   4. the CSV import against DuckDB-wasm, and ours on the same activity as JSON (NDJSON and Admin API
//      pages): bench/import.mjs as a child process (its own Chromium; 1 warm-up and 7 timed runs per
//      engine, variant and size), whose target/bench/import.json is read back.
// About seven minutes on a 2-core machine once the release and the sample data are built (three of them
// our JSON import of a million records, at ~10 s a run against the CSV's ~1.5 s; the first run
// also compiles the native benchmark and generates ~45 MB of CSV and ~310 MB of JSON: a few minutes more).
// Then it prints one table, writes everything with the machine's description to
// target/bench/report.json, and renders docs/performance.md from it (bench/report.mjs).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CASES, timeEvaluate } from './engine.mjs';
import { renderMarkdown, renderTable, rows } from './report.mjs';
import { FIRST_DOWNLOAD, LINK_DOWNLOAD, PEER_FILES, ROOT, WIDGET_FILES, measure, total } from './sizes.mjs';
import { duration, median, summary } from './stats.mjs';
import { firstRender, keystrokes, phone } from './widget.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const settings = {
  loads: option('loads', quick ? 11 : 31),
  phoneLoads: Math.max(7, option('phone-loads', quick ? 7 : 9)),
  keystrokeRounds: option('keystroke-rounds', quick ? 1 : 5),
  keystrokeRounds50: option('keystroke-rounds', quick ? 1 : 3),
  edits: 200,
  engineRounds: option('engine-rounds', quick ? 2 : 7),
  engineBatches: 41,
  nativeRounds: option('native-rounds', quick ? 1 : 5),
  importRuns: option('import-runs', quick ? 3 : 7),
  native: !args.includes('--no-native'),
  import: !args.includes('--no-import'),
};
const started = Date.now();
const step = (text) => console.log(`\n\x1b[1m==> ${text}\x1b[0m  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const outDir = join(ROOT, 'target', 'bench');
mkdirSync(outDir, { recursive: true });

// Everything is measured on one build: a copy of www/ and pkg/ as they are now, in target/bench/site/,
// which the server (scripts/serve.mjs, through ROI_SERVE_ROOT) and the import benchmark serve instead of
// the checkout's. A rebuild while this runs (make test elsewhere) then changes nothing measured.
// wasm-pack writes the unoptimised module into pkg/ first and runs wasm-opt into *.wasm-opt.wasm: while
// that file exists a build is under way, and copying now would copy half a build.
const site = join(outDir, 'site');
const building = () => readdirSync(join(ROOT, 'pkg')).some((f) => f.endsWith('.wasm-opt.wasm'));
const fingerprint = (base) => createHash('sha256').update(readFileSync(join(base, 'pkg', 'roi_calculator_bg.wasm'))).digest('hex').slice(0, 16);
const missing = WIDGET_FILES.filter((f) => !existsSync(join(ROOT, f.path)));
if (missing.length) {
  console.error(`missing ${missing.map((f) => f.path).join(', ')}: build the release first (bash scripts/build.sh, or make bench)`);
  process.exit(1);
}
for (let waited = 0; ; waited += 2) {
  if (!building()) {
    const before = fingerprint(ROOT);
    rmSync(site, { recursive: true, force: true });
    for (const dir of ['www', 'pkg']) cpSync(join(ROOT, dir), join(site, dir), { recursive: true });
    if (!building() && fingerprint(ROOT) === before && fingerprint(site) === before) break;
  }
  if (waited === 0) console.log('a build is writing pkg/: waiting for it to finish …');
  if (waited > 300) { console.error('pkg/ still being written after 5 minutes'); process.exit(1); }
  await new Promise((resolve) => setTimeout(resolve, 2000));
}
process.env.ROI_SERVE_ROOT = site;
const report = {
  version: 1,
  date: new Date().toISOString(),
  command: `node bench/run.mjs${args.length ? ` ${args.join(' ')}` : ''}`,
  settings,
  machine: machine(),
  git: git(),
  build: { wasmSha256: fingerprint(site), copiedTo: 'target/bench/site' },
  warnings: [],
};

// ---- 1. sizes ----------------------------------------------------------------------------------------
step('transfer sizes');
const widgetFiles = measure(WIDGET_FILES, site);
const peerFiles = measure(PEER_FILES);
const firstFiles = measure(FIRST_DOWNLOAD, site);
const linkFiles = measure(LINK_DOWNLOAD, site);
report.sizes = {
  widget: widgetFiles,
  widgetTotal: total(widgetFiles),
  firstDownload: { files: firstFiles, total: total(firstFiles) },
  linkDownload: { files: linkFiles, total: total(linkFiles) },
  peers: peerFiles,
  peerTotal: peerFiles.some((p) => p.missing) ? null : total(peerFiles),
};
if (report.sizes.peerTotal === null) {
  report.warnings.push('the peer libraries are not installed (npm ci installs the optional chart.js, react, react-dom): no peer sizes');
}
for (const f of [...widgetFiles, ...peerFiles]) {
  console.log(`  ${f.path.padEnd(56)} ${f.missing ? 'missing' : `${String(f.raw).padStart(8)} B  ${String(f.gzip).padStart(7)} gz  ${String(f.brotli).padStart(7)} br`}`);
}
console.log(`  first download, default page: ${report.sizes.firstDownload.total.gzip} B gz; share link: ${report.sizes.linkDownload.total.gzip} B gz`);

// The view code: the view model in the core (crate/core/src/view/) and its boundary
// (crate/web/src/widget.rs) in Rust, the renderer's templates (www/view/) and the element's shell
// (www/roi-calculator.js, with its imports in www/import-client.js) in JS, counted as lines against the 1,644 of the old crate/src/wasm/widget/
// (issue 11). The vendored Preact and htm (pkg/) are not ours and not counted.
report.viewCode = viewCode();
{
  const vc = report.viewCode;
  console.log(`  view code: ${vc.total} lines, ${vc.rust} Rust in ${vc.rustFiles} files + ${vc.js} JS in ${vc.jsFiles} files `
    + `(${vc.comments} of them comments or blank): ${vc.files.map((f) => `${f.path} ${f.lines}`).join(', ')}`);
}

// ---- 2. native core -----------------------------------------------------------------------------------
if (settings.native) {
  step(`evaluate(), native core: cargo bench --bench native, ${settings.nativeRounds} runs (the first compiles it: a minute or two)`);
  const runs = [];
  for (let r = 0; r < settings.nativeRounds; r++) {
    const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'native'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    runs.push(parseNative(out));
  }
  report.native = { runs, cases: combine(runs) };
  for (const c of report.native.cases) console.log(`  ${c.name.padEnd(36)} ${fmtMs(c.median)} (${fmtMs(c.min)}–${fmtMs(c.max)})`);
}

// ---- 3. Chromium --------------------------------------------------------------------------------------
{
  const { launch } = await import('../tests/browser/chromium.mjs');
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    report.machine.chromium = (await cdp.send('Browser.getVersion')).product;
    await page.close();

    const progress = (i, n) => { if (i === n || i % 5 === 0) console.log(`  ${i}/${n} rounds`); };
    const said = (r) => {
      for (const key of ['default', 'link']) {
        const c = r[key];
        console.log(`  ${key === 'default' ? 'default page' : 'share link  '}: median ${duration(c.widget.median)} (${duration(c.widget.min)}–${duration(c.widget.max)}), `
          + `floor (${c.bytes.toLocaleString('en')} B) ${duration(c.floor.median)}, ${(c.widget.median / c.floor.median).toFixed(2)}×; figures checked in ${c.verified}/${c.widget.n}`);
      }
    };
    step(`desktop: navigation to first figures, default page and share link, against the floor: ${settings.loads} loads each, cache disabled`);
    report.firstRender = await firstRender(browser, { loads: settings.loads, floor: true, log: progress });
    said(report.firstRender);

    step(`emulated phone (150 ms RTT, 1.6 Mbit/s, 4× CPU), gzipped: ${settings.phoneLoads} loads each of the default page, a share link and their floors`);
    const { start } = await import('../scripts/serve.mjs');
    const gzipServer = await start(0, { gzip: true });
    try {
      report.phone = await phone(browser, `http://127.0.0.1:${gzipServer.address().port}`, { loads: settings.phoneLoads, log: progress });
    } finally {
      await new Promise((resolve) => gzipServer.close(resolve));
    }
    said(report.phone);

    step(`keystroke to updated figures: 5 departments, ${settings.keystrokeRounds} pages × ${settings.edits} edits; 50 departments, ${settings.keystrokeRounds50} pages`);
    report.keystrokes = await keystrokes(browser, { rounds: settings.keystrokeRounds, edits: settings.edits, departments: 5 });
    console.log(`  5 departments: p50 ${fmtMs(report.keystrokes.all.p50)}, p95 ${fmtMs(report.keystrokes.all.p95)}`);
    report.keystrokes50 = await keystrokes(browser, { rounds: settings.keystrokeRounds50, edits: settings.edits, departments: 50 });
    console.log(`  50 departments: p50 ${fmtMs(report.keystrokes50.all.p50)}, p95 ${fmtMs(report.keystrokes50.all.p95)}`);

    step(`evaluate() through the wasm boundary: ${settings.engineRounds} rounds of ${settings.engineBatches} batches per case`);
    const rounds = [];
    for (let r = 0; r < settings.engineRounds; r++) {
      const tab = await browser.context.newPage();
      await tab.goto(`${browser.origin}/pkg/`); // any page of the server's origin; the module is imported
      rounds.push(await timeEvaluate(tab, { batches: settings.engineBatches }));
      await tab.close();
      process.stdout.write(`  round ${r + 1}/${settings.engineRounds} done\n`);
    }
    report.evaluate = { rounds, cases: combine(rounds) };
    for (const c of report.evaluate.cases) console.log(`  ${c.name.padEnd(36)} ${fmtMs(c.median)} (${fmtMs(c.min)}–${fmtMs(c.max)})`);
  } finally {
    await browser.close();
  }
}

// ---- 4. import ----------------------------------------------------------------------------------------
if (settings.import) {
  step(`CSV import against DuckDB-wasm, and ours on JSON: node bench/import.mjs --runs ${settings.importRuns} (log: target/bench/import.log)`);
  if (!existsSync(join(ROOT, 'node_modules', '@duckdb', 'duckdb-wasm'))) {
    report.warnings.push('@duckdb/duckdb-wasm is not installed (npm ci installs it): no import figures');
    console.log('  skipped: @duckdb/duckdb-wasm is not installed (npm ci installs it)');
  } else {
    const importStarted = Date.now();
    await child('node', ['bench/import.mjs', '--runs', String(settings.importRuns), '--no-ua-memory'], join(outDir, 'import.log'),
      (line) => /^(people-\S+:|generating|  ours:|  DuckDB:|  JSON \w+:|DuckDB SQL)/.test(line));
    const imported = JSON.parse(readFileSync(join(outDir, 'import.json'), 'utf8'));
    if (Date.parse(imported.date) < importStarted) throw new Error('target/bench/import.json was not rewritten by this run');
    // bench/import.mjs compares our figures with DuckDB's on every data set and prints the verdict.
    const verdicts = readFileSync(join(outDir, 'import.log'), 'utf8').split('\n').filter((l) => l.includes('ours against DuckDB'));
    const sameFigures = verdicts.length > 0 && verdicts.every((l) => !/ vs DuckDB |no field of the same name/.test(l));
    if (!sameFigures) report.warnings.push('our import and DuckDB-wasm did not give the same figures (target/bench/import.log): the import timings compare different work');
    const jsonDiffers = imported.sizes.some((s) => Object.values(s.json ?? {}).some((j) => !j.sameAsCsv));
    if (jsonDiffers) report.warnings.push('our JSON import did not give the CSV import\'s measurements (target/bench/import.json, differences): the JSON timings compare different work');
    report.import = {
      sameFigures,
      browser: imported.browser,
      runs: imported.runs,
      day: imported.day,
      sizes: imported.sizes.map(({ duckdb, ours, json, ...set }) => ({
        ...set,
        duckdb: duckdb && { times: duckdb.times, median: duckdb.median, min: duckdb.min, max: duckdb.max, version: duckdb.version, memory: duckdb.memory },
        ours: ours && { times: ours.times, median: ours.median, min: ours.min, max: ours.max, memory: ours.memory },
        // Our engine on the same activity as JSON, by variant (ndjson, pages), without its results.
        json: json && Object.fromEntries(Object.entries(json).map(([variant, { result, ...timed }]) => [variant, timed])),
      })),
    };
  }
}

// ---- report -------------------------------------------------------------------------------------------
report.machine.loadAverage.end = os.loadavg().map((x) => Number(x.toFixed(2)));
report.seconds = Math.round((Date.now() - started) / 1000);
if (fingerprint(ROOT) !== report.build.wasmSha256) {
  report.notes = ['pkg/ was rebuilt while this ran: the figures are of the build copied at the start (target/bench/site/); '
    + 'the native timings are of the source as it was when cargo bench compiled it'];
}
report.rows = rows(report);
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
// docs/performance.md keeps the latest full run: a quick or partial one does not replace it.
const full = !quick && settings.native && settings.import && !args.some((a) => /^--(loads|phone-loads|[a-z]+-rounds|import-runs)$/.test(a));
if (full) {
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'performance.md'), renderMarkdown(report));
}

step(`the figures (${report.seconds} s)`);
console.log(renderTable(report));
for (const w of report.warnings) console.log(`\x1b[33mwarning:\x1b[0m ${w}`);
for (const n of report.notes ?? []) console.log(`note: ${n}`);
console.log(full ? '\nwritten: target/bench/report.json, docs/performance.md'
  : '\nwritten: target/bench/report.json (docs/performance.md keeps the last full run; this one was partial)');

// ---- helpers ------------------------------------------------------------------------------------------
/** Lines (newline-terminated, as `wc -l`) of the view code: every .rs under crate/core/src/view/ and
 *  crate/web/src/widget.rs (Rust), every .js under www/view/, www/roi-calculator.js and www/import-client.js (JS). Each file
 *  keeps the `root` it was counted under (a folder, or itself) and how many of its lines are comments
 *  or blank. */
function viewCode() {
  const ROOTS = [
    { root: 'crate/core/src/view', ext: '.rs' },
    { root: 'crate/web/src/widget.rs', ext: '.rs' },
    { root: 'www/view', ext: '.js' },
    { root: 'www/roi-calculator.js', ext: '.js' },
    { root: 'www/import-client.js', ext: '.js' },
  ];
  const count = (path, root) => {
    const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
    lines.pop(); // the text after the last newline, which `wc -l` does not count
    const comments = lines.filter((l) => /^\s*($|\/\/|\/\*|\*)/.test(l)).length;
    return { path, root, language: path.endsWith('.rs') ? 'rust' : 'js', lines: lines.length, comments };
  };
  const files = [];
  for (const { root, ext } of ROOTS) {
    if (root.endsWith(ext)) { files.push(count(root, root)); continue; }
    const walk = (dir) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(ext)) files.push(count(path, `${root}/`));
      }
    };
    walk(root);
  }
  const sum = (language, key) => files.filter((f) => f.language === language).reduce((n, f) => n + f[key], 0);
  const rust = sum('rust', 'lines');
  const js = sum('js', 'lines');
  return {
    files,
    rust,
    js,
    rustFiles: files.filter((f) => f.language === 'rust').length,
    jsFiles: files.filter((f) => f.language === 'js').length,
    comments: files.reduce((n, f) => n + f.comments, 0),
    total: rust + js,
    old: 1644,
  };
}

function fmtMs(ms) { return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`; }

/** The table bench/native.rs prints, as `[{ name, median, p95 }]` in ms. */
function parseNative(text) {
  const unit = { 'µs': 1e-3, ms: 1, s: 1000 };
  const out = [];
  for (const c of CASES) {
    const line = text.split('\n').find((l) => l.startsWith(c.name));
    const m = line?.slice(c.name.length).match(/([\d.]+) (µs|ms|s)\s+([\d.]+) (µs|ms|s)/);
    if (m) out.push({ key: c.key, name: c.name, median: Number(m[1]) * unit[m[2]], p95: Number(m[3]) * unit[m[4]] });
  }
  if (!out.length) throw new Error(`cannot read cargo bench's output:\n${text}`);
  return out;
}

/** Per case, over rounds: the median of the rounds' medians and their range, and the median p95. */
function combine(rounds) {
  return rounds[0].map(({ key, name }) => {
    const medians = rounds.map((r) => r.find((c) => c.key === key).median);
    const s = summary(medians);
    const first = rounds[0].find((c) => c.key === key);
    return { key, name, median: s.median, min: s.min, max: s.max, p95: median(rounds.map((r) => r.find((c) => c.key === key).p95)),
      rounds: medians.length, ...(first.reportBytes ? { reportBytes: first.reportBytes, reportParts: first.reportParts } : {}) };
  });
}

/** Runs a command, its output into `log`, echoing the lines `show` picks; rejects on failure. */
function child(command, argv, log, show) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log);
    const proc = spawn(command, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const take = (chunk) => {
      out.write(chunk);
      const text = tail + chunk.toString();
      const lines = text.split('\n');
      tail = lines.pop();
      for (const line of lines) if (show(line)) console.log(`  ${line.trim()}`);
    };
    proc.stdout.on('data', take);
    proc.stderr.on('data', (chunk) => { out.write(chunk); process.stderr.write(chunk); });
    proc.on('error', reject);
    proc.on('close', (code) => {
      out.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${argv.join(' ')} failed (exit ${code}); see ${log}`));
    });
  });
}

function machine() {
  const cpus = os.cpus();
  let distro = null;
  try { distro = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? null; } catch { /* not Linux */ }
  let rustc = null;
  try { rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* no rustc */ }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    distro,
    node: process.version,
    rustc,
    chromium: null,
    loadAverage: { start: os.loadavg().map((x) => Number(x.toFixed(2))) },
  };
}

function git() {
  const run = (...a) => { try { return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
  const commit = run('rev-parse', 'HEAD');
  const changed = run('status', '--porcelain', '--untracked-files=no');
  return { commit, short: commit?.slice(0, 10) ?? null, uncommittedChanges: changed === null ? null : changed.length > 0 };
}
