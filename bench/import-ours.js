// Our side of the import benchmark (bench/import.mjs): the product's own path — the widget's import
// worker (www/import-worker.js) given the engine already compiled, reading the File objects in 1 MiB
// chunks and measuring Day 30 — timed from posting the files to the result arriving on the main thread.
// The worker is started and its engine instantiated once, before timing, as the widget does on load.
const compiled = WebAssembly.compileStreaming(fetch('/bench-files/pkg/roi_calculator_bg.wasm'));
let worker;

async function started() {
  if (worker) return worker;
  worker = new Worker('/bench-files/import-worker.js', { type: 'module' });
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

globalThis.ourImport = async ({ roster, activity, survey }) => {
  const w = await started();
  return new Promise((resolve, reject) => {
    w.onmessage = ({ data }) => {
      if (data.type === 'result') {
        const m = data.imported.measurements;
        resolve({ overall: m.metrics, departments: Object.fromEntries(m.departments.map((d) => [d.name, d.metrics])) });
      } else if (data.type === 'error' || data.type === 'waiting') {
        reject(new Error(data.message ?? `missing files: ${JSON.stringify(data)}`));
      }
    };
    w.onerror = (event) => reject(new Error(`the import worker failed: ${event.message}`));
    w.postMessage({ type: 'files', files: [roster, activity, survey].filter(Boolean), checkpointDay: 30 });
  });
};
