// The import worker: reads the CSV files a person dropped on <roi-calculator>, off the main thread, so a
// 30 MB usage export never freezes the page. Each file is pulled in 1 MiB chunks (FileReaderSync, which
// only workers have) into the engine's streaming Importer — the same WebAssembly module as the page's,
// handed over already compiled — and progress is posted after every chunk. Cancelling terminates this
// worker; the widget's measurements only ever change when a result arrives. Nothing here touches the
// network: the files are read from the person's disk into memory and nowhere else.
import init, { Importer, sampleFiles } from './pkg/roi_calculator.js';

const CHUNK = 1 << 20;
/** Files above this are refused before reading (the engine also stops at 5,000,000 activity rows). */
const MAX_BYTES = 400 * (1 << 20);
let importer;

/** Reads `files` one by one, then measures the checkpoint if the roster and the activity are there. */
async function importFiles(files, checkpointDay) {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  const reader = new FileReaderSync();
  for (const file of files) {
    if (file.size > MAX_BYTES) {
      done += file.size;
      postMessage({ type: 'file', name: file.name, error: `The file "${file.name}" is larger than 400 MB, the most one import reads; split it (by date or department) and import the part you need` });
      continue;
    }
    let offset = 0;
    const next = () => {
      const end = Math.min(offset + CHUNK, file.size);
      const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, end)));
      done += end - offset;
      offset = end;
      postMessage({ type: 'progress', loaded: done, total, file: file.name });
      return bytes;
    };
    try {
      const summary = importer.read(file.name, file.kind ?? undefined, next, file.size);
      postMessage({ type: 'file', name: file.name, summary });
    } catch (error) {
      done += file.size - offset;
      postMessage({ type: 'file', name: file.name, error: error.message });
    }
  }
  measure(checkpointDay);
}

/** Posts the measurement of `checkpointDay`, or what is still missing. */
function measure(checkpointDay) {
  const kinds = importer.kinds();
  if (!kinds.includes('roster') || !kinds.includes('activity')) {
    postMessage({ type: 'waiting', kinds });
    return;
  }
  try {
    postMessage({ type: 'result', imported: importer.measure({ checkpointDay }) });
  } catch (error) {
    postMessage({ type: 'error', message: error.message, errors: error.errors ?? [] });
  }
}

onmessage = async ({ data }) => {
  try {
    if (data.type === 'init') {
      await init({ module_or_path: data.module });
      importer = new Importer(data.benchmarks ?? undefined);
      postMessage({ type: 'ready' });
    } else if (data.type === 'reset') {
      importer?.free();
      importer = new Importer(data.benchmarks ?? undefined);
    } else if (data.type === 'files') {
      await importFiles(data.files, data.checkpointDay);
    } else if (data.type === 'sample') {
      const texts = sampleFiles(data.people, data.days, data.seed);
      const files = ['roster', 'activity', 'survey'].map((kind) => {
        const file = new File([texts[kind]], `sample-${kind}.csv`, { type: 'text/csv' });
        file.kind = kind;
        return file;
      });
      await importFiles(files, data.checkpointDay);
    } else if (data.type === 'measure') {
      measure(data.checkpointDay);
    }
  } catch (error) {
    postMessage({ type: 'error', message: error.message, errors: error.errors ?? [] });
  }
};
