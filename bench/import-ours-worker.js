// The import benchmark's worker: the widget's own import worker (www/import-worker.js, unchanged), plus
// one message for the benchmark, `bench:memory`, answered with the size of the engine's WebAssembly
// memory. That memory only grows, so after an import its size is the engine's peak.
import init from './pkg/roi_import.js';
import './import-worker.js';

addEventListener('message', async ({ data }) => {
  if (data?.type !== 'bench:memory') return;
  // The engine is instantiated by now, so init() returns its exports without loading anything.
  postMessage({ type: 'bench:memory', bytes: (await init()).memory.buffer.byteLength });
});
