// The browser side of the import benchmark (bench/import.mjs drives it): loads the CSV files as `File`s,
// runs the Day-30 aggregation in DuckDB-wasm (bench/import-duckdb.sql) and, when bench/import-ours.js
// defines `globalThis.ourImport`, in our engine, timing each from "files in hand" to "results as JS
// numbers". Our engine is also timed on the activity as JSON (bench/import-json.mjs writes it), with the
// same roster and survey. Everything is served by the driver under /bench-files/ on the page's own origin.
import * as duckdb from '@duckdb/duckdb-wasm';

const base = '/bench-files';
let files = null;
/** The activity as JSON, by variant ('ndjson', 'pages'): each a list of `File`s. */
let jsonFiles = {};
let db = null;
let sql = null;

/** Fetches the three files of data set `name` into `File`s (not timed) and returns their sizes. */
export async function loadFiles(name) {
  files = {};
  for (const kind of ['roster', 'activity', 'survey']) {
    const response = await fetch(`${base}/data/${name}/${kind}.csv`);
    if (!response.ok) throw new Error(`${kind}.csv: HTTP ${response.status}`);
    files[kind] = new File([await response.blob()], `${kind}.csv`, { type: 'text/csv' });
  }
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.size]));
}

/** Fetches data set `name`'s JSON activity files into `File`s (not timed): `variants` maps a variant to
 *  its file names. Returns each variant's total size; `loadJson(name, {})` lets them go. */
export async function loadJson(name, variants) {
  jsonFiles = {};
  const sizes = {};
  for (const [variant, names] of Object.entries(variants)) {
    jsonFiles[variant] = [];
    for (const file of names) {
      jsonFiles[variant].push(new File([await fetchInPieces(`${base}/data/${name}/${file}`)], file, { type: 'application/json' }));
    }
    sizes[variant] = jsonFiles[variant].reduce((sum, f) => sum + f.size, 0);
  }
  return sizes;
}

/** Fetches `url` as a Blob in pieces of 16 MiB (Range requests): the driver's request interception does
 *  not carry the 100+ MB of a million JSON records in one response. */
async function fetchInPieces(url) {
  const piece = 16 << 20;
  const parts = [];
  let total = 1;
  for (let start = 0; start < total; start += piece) {
    const response = await fetch(url, { headers: { Range: `bytes=${start}-${start + piece - 1}` } });
    if (response.status !== 206) throw new Error(`${url}: HTTP ${response.status}`);
    total = Number(response.headers.get('Content-Range').split('/')[1]);
    parts.push(await response.blob());
  }
  return new Blob(parts);
}

/** Starts a DuckDB-wasm instance in its own worker (the `eh` bundle, single-threaded); not timed. */
export async function startDuckDB() {
  const started = performance.now();
  const blobUrl = async (path, type) =>
    URL.createObjectURL(new Blob([await (await fetch(`${base}/${path}`)).arrayBuffer()], { type }));
  const dist = 'node_modules/@duckdb/duckdb-wasm/dist';
  // Blob URLs: the worker's own fetches then never depend on request interception reaching workers.
  const worker = new Worker(await blobUrl(`${dist}/duckdb-browser-eh.worker.js`, 'text/javascript'));
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(await blobUrl(`${dist}/duckdb-eh.wasm`, 'application/wasm'));
  sql ??= await (await fetch(`${base}/import-duckdb.sql`)).text();
  return { ms: performance.now() - started, version: await db.getVersion(), package: duckdb.PACKAGE_VERSION };
}

/** Stops the DuckDB worker, which frees its memory before the next measurement. */
export async function stopDuckDB() {
  await db?.terminate();
  db = null;
}

/** One timed DuckDB run: register the files, read_csv + SQL, the rows turned into plain JS numbers. */
async function duckOnce(day) {
  const started = performance.now();
  for (const [kind, file] of Object.entries(files)) {
    await db.registerFileHandle(`${kind}.csv`, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  }
  const connection = await db.connect();
  const table = await connection.query(sql.replaceAll(':N', String(day)));
  const rows = table.toArray().map((row) => row.toJSON());
  await connection.close();
  const ms = performance.now() - started;
  await db.dropFiles();
  const byDepartment = {};
  let overall = null;
  for (const row of rows) {
    const { department, ...figures } = row;
    if (department === null) overall = figures;
    else byDepartment[department] = figures;
  }
  return { ms, result: { overall, departments: byDepartment } };
}

/** One timed run of our engine, through the hook bench/import-ours.js defines: on the CSV files, or with
 *  the activity of JSON `variant` in place of activity.csv. The worker keeps what it read, as the widget
 *  does: a CSV replaces the last run's files, but JSON pages (and NDJSON) add up, and the same page twice is
 *  refused — so before a JSON run the worker is reset (not timed), and each run is one whole import. */
async function oursOnce(variant, minGroupSize = undefined) {
  const given = variant ? { ...files, activity: jsonFiles[variant] } : { ...files };
  if (variant) await globalThis.ourReset();
  const started = performance.now();
  const result = await globalThis.ourImport(given, minGroupSize);
  return { ms: performance.now() - started, result };
}

/** Loads bench/import-ours.js when the driver says it exists; true when it defined `ourImport`. */
export async function loadOurs() {
  await import(`${base}/import-ours.js`);
  return typeof globalThis.ourImport === 'function';
}

/** One warm-up, then `runs` timed runs of `engine` ('duckdb' or 'ours'; for ours, on JSON `variant` if
 *  given); the last result is returned. */
export async function time(engine, runs, day = 30, variant = null) {
  const once = engine === 'duckdb' ? () => duckOnce(day) : () => oursOnce(variant);
  await once();
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await once();
    times.push(last.ms);
  }
  return { times, result: last.result };
}

/** The page's and its workers' memory now, by `performance.measureUserAgentSpecificMemory()` (needs a
 *  cross-origin isolated page; Chromium answers at its next garbage collection, up to ~20 s later). */
export async function userAgentMemory() {
  if (!crossOriginIsolated || typeof performance.measureUserAgentSpecificMemory !== 'function') return null;
  const measured = await performance.measureUserAgentSpecificMemory();
  const by = {};
  for (const entry of measured.breakdown) {
    const scope = entry.attribution[0]?.scope ?? (entry.types.join('+') || 'other');
    by[scope] = (by[scope] ?? 0) + entry.bytes;
  }
  return { bytes: measured.bytes, by };
}

/** One untimed run of `engine`, for checking results (ours with privacy threshold `minGroupSize` if given). */
export async function once(engine, day = 30, minGroupSize = undefined) {
  return (engine === 'duckdb' ? await duckOnce(day) : await oursOnce(null, minGroupSize)).result;
}

globalThis.bench = { loadFiles, loadJson, startDuckDB, stopDuckDB, loadOurs, time, once, userAgentMemory };
