// Our side of the import benchmark (bench/import.mjs): the product's own path — the widget's import
// worker (www/import-worker.js, wrapped by bench/import-ours-worker.js) given its module (pkg/roi_import) already
// compiled, reading the File objects in 1 MiB chunks and measuring Day 30 — timed from posting the files
// to the result arriving on the main thread. The worker is started and its engine instantiated before
// timing, as the widget does on load; `ourStop` ends it, so each data set starts with a fresh worker.
const compiled = WebAssembly.compileStreaming(fetch('/bench-files/pkg/roi_import_bg.wasm'));
let worker;

async function started() {
  if (worker) return worker;
  worker = new Worker('/bench-files/import-ours-worker.js', { type: 'module' });
  const ready = new Promise((resolve, reject) => {
    worker.addEventListener('message', function ok({ data }) {
      if (data.type === 'ready') { worker.removeEventListener('message', ok); resolve(); }
    });
    worker.addEventListener('error', (event) => reject(new Error(`the import worker failed: ${event.message}`)));
  });
  worker.postMessage({ type: 'init', module: await compiled });
  await ready;
  return worker;
}

globalThis.ourStart = async () => { await started(); };

/** Imports `files` in the worker and resolves with the figures; `minGroupSize` (the privacy threshold,
 *  from 3) is given only for the hand-made data set, whose groups are smaller than the default 5. */
globalThis.ourImport = async ({ roster, activity, survey }, minGroupSize = undefined) => {
  const w = await started();
  return new Promise((resolve, reject) => {
    w.onmessage = ({ data }) => {
      if (data.type === 'result') {
        const m = data.measurements;
        // The figures compared with DuckDB's, and the whole measurements (compared across CSV and JSON).
        resolve({ overall: m.metrics, departments: Object.fromEntries(m.departments.map((d) => [d.name, d.metrics])),
          measurements: m });
      } else if (data.type === 'error' || data.type === 'waiting') {
        reject(new Error(data.message ?? `missing files: ${JSON.stringify(data)}`));
      }
    };
    w.onerror = (event) => reject(new Error(`the import worker failed: ${event.message}`));
    // `activity` is one File, or a list of them (the pages of a JSON export).
    w.postMessage({ type: 'files', files: [roster, activity, survey].flat().filter(Boolean), checkpointDay: 30,
      ...(minGroupSize ? { minGroupSize } : {}) });
  });
};

/** Makes the worker forget the files it read (the widget's `reset`), resolving once it has. */
globalThis.ourReset = async () => {
  (await started()).postMessage({ type: 'reset' });
  // Messages are handled in order and a reset at once, so this answer comes after it.
  await globalThis.ourMemory();
};

/** The engine's WebAssembly memory in bytes (its peak: it never shrinks), or null without a worker. */
globalThis.ourMemory = async () => {
  if (!worker) return null;
  return new Promise((resolve) => {
    worker.addEventListener('message', function answer({ data }) {
      if (data.type !== 'bench:memory') return;
      worker.removeEventListener('message', answer);
      resolve(data.bytes);
    });
    worker.postMessage({ type: 'bench:memory' });
  });
};

globalThis.ourStop = () => {
  worker?.terminate();
  worker = undefined;
};
