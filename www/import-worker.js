// The import: reads the files a person dropped on <roi-calculator> into the engine's streaming Importer
// (the import module, pkg/roi_import.js — the page's own module does not carry the CSV readers), posts
// progress after every 1 MiB chunk, then the measurements. Nothing here touches the network: the files are
// read from the person's disk into memory and nowhere else.
//
// Normally this runs as a module worker, so a 30 MB usage export never freezes the page: each chunk is
// read with FileReaderSync (which only workers have), and cancelling terminates the worker. Where the host
// page forbids creating a worker (Trusted Types with no policy allowed), the shell imports this same module
// on the main thread instead (`localImporter`): each file is first read asynchronously, chunk by chunk with
// the same progress and cancel, then parsed from memory in one go.
import init, { Importer, sampleFiles } from './pkg/roi_import.js';

const CHUNK = 1 << 20;
/** How much of a file whose columns were not recognised the column mapper is shown (its header and first rows). */
const HEAD = 64 * 1024;
/** Files above this are refused before reading (the engine also stops at 5,000,000 activity rows). */
const MAX_BYTES = 400 * (1 << 20);
const TOO_LARGE = (/** @type {string} */ name) => `The file "${name}" is larger than 400 MB, the most one import reads; split it (by date or department) and import the part you need`;

/**
 * A file to read: as dropped, or made from sample data with its kind known.
 * @typedef {File & { kind?: string }} ImportFile
 */
/** Told the bytes just read of a file. @typedef {(bytes: number) => void} Progress */
/** The next chunk of a file (empty at its end). @typedef {() => Uint8Array} NextChunk */
/** The columns chosen for a file. @typedef {{ kind: "roster" | "activity", columns: { [role: string]: number } }} ColumnMap */
/**
 * Why the engine could not use a file, and what it would need (errors from pkg/roi_import.js).
 * @typedef {Error & { asksDateOrder?: boolean, asksDay?: boolean, unrecognised?: boolean, errors?: object[] }} EngineError
 */
/**
 * A message of the shell's protocol (import-client.js), each with the checkpoint and privacy threshold
 * it is measured for.
 * @typedef {import('./pkg/roi_import.js').BenchmarkTable} BenchmarkTable
 * @typedef {{ checkpointDay?: number, minGroupSize?: number } & (
 *   { type: 'init', module?: WebAssembly.Module, benchmarks?: BenchmarkTable }
 *   | { type: 'reset', benchmarks?: BenchmarkTable }
 *   | { type: 'files', files: ImportFile[] }
 *   | { type: 'sample', people: number, days: number, seed: number }
 *   | { type: 'measure' | 'people' }
 *   | { type: 'mapped', name: string, map: ColumnMap }
 *   | { type: 'dated', name: string, order: 'dmy' | 'mdy' }
 *   | { type: 'day-given', name: string, day: string }
 *   | { type: 'unmapped-skip' | 'dated-skip' | 'day-skip', name: string }
 * )} ShellMessage
 */
/** Workers' synchronous file reader (absent from the DOM's types this file is checked against). */
const SyncReader = /** @type {{ new(): { readAsArrayBuffer(blob: Blob): ArrayBuffer } }} */ (/** @type {any} */ (globalThis).FileReaderSync);

/**
 * One import session: the engine's Importer and the messages of the shell's protocol (`init`, `reset`,
 * `files`, `sample`, `measure`, and for files whose columns were not recognised `mapped` and
 * `unmapped-skip`). `post` sends a message back; `chunksOf(file, progress)` resolves to a function
 * returning the file's next chunk (empty at the end), calling `progress(bytes)` as it reads; `headOf(file)`
 * resolves to the file's first 64 KiB as a Uint8Array.
 *
 * A file whose columns are not recognised is posted as `{ type: 'unmapped', name, view }` (the column
 * mapper's MapperView) instead of an error, and kept by name until `{ type: 'mapped', name, map,
 * checkpointDay }` reads it with the columns chosen (posting `file`, then the measurement) or
 * `{ type: 'unmapped-skip', name }` forgets it. Likewise a file whose dates read both ways (03/04/25) is
 * posted as `{ type: 'dates', name, message }` and kept until `{ type: 'dated', name, order: 'dmy' | 'mdy',
 * checkpointDay }` reads it in that order or `{ type: 'dated-skip', name }` forgets it. And a Claude Enterprise
 * export of one day whose rows have no date and whose name gives none is posted as `{ type: 'day', name,
 * message }` and kept until `{ type: 'day-given', name, day: 'YYYY-MM-DD', checkpointDay }` reads it as of
 * that day or `{ type: 'day-skip', name }` forgets it. What was read before stays read meanwhile.
 *
 * Any message may carry `minGroupSize` (the privacy threshold, from 3; 5 until one does), kept for every
 * measurement after it. `{ type: 'people', checkpointDay }` posts `{ type: 'people', lists }`: the
 * checkpoint's people by name (PeopleLists), only ever on that request.
 */
/**
 * @param {(data: object) => void} post
 * @param {(file: ImportFile, progress: Progress) => NextChunk | Promise<NextChunk>} chunksOf
 * @param {(file: ImportFile) => Uint8Array | Promise<Uint8Array>} headOf
 * @returns {(data: ShellMessage) => Promise<void>}
 */
function session(post, chunksOf, headOf) {
  /** @type {Importer} */
  let importer;
  /** The privacy threshold of the measurements posted (the engine's default until the shell gives one). @type {number | undefined} */
  let minGroupSize;
  /** The files waiting for their columns to be chosen, by name. @type {Map<string, ImportFile>} */
  const unmapped = new Map();
  /** The files waiting for their dates' order to be chosen, by name (map: if mapped). @type {Map<string, { file: ImportFile, map?: ColumnMap }>} */
  const undated = new Map();
  /** The files waiting to be told the day they cover, by name. @type {Map<string, ImportFile>} */
  const dayless = new Map();

  /**
   * Asks for the order of `file`'s dates when `error` says it must be chosen; true when it was asked.
   * @param {EngineError} error @param {ImportFile} file @param {ColumnMap} [map]
   */
  function askDates(error, file, map) {
    if (!error.asksDateOrder) return false;
    undated.set(file.name, { file, map });
    post({ type: 'dates', name: file.name, message: error.message });
    return true;
  }

  /** Asks which day `file` covers when `error` says it must be given; true when it was asked. @param {EngineError} error @param {ImportFile} file */
  function askDay(error, file) {
    if (!error.asksDay) return false;
    dayless.set(file.name, file);
    post({ type: 'day', name: file.name, message: error.message });
    return true;
  }

  /** Reads `files` in turn, with their progress, then posts the measurement of `checkpointDay`. @param {ImportFile[]} files @param {number} [checkpointDay] */
  async function importFiles(files, checkpointDay) {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    for (const file of files) {
      if (file.size > MAX_BYTES) {
        done += file.size;
        post({ type: 'file', name: file.name, error: TOO_LARGE(file.name) });
        continue;
      }
      let read = 0;
      const progress = (/** @type {number} */ bytes) => {
        read += bytes;
        done += bytes;
        post({ type: 'progress', loaded: done, total, file: file.name });
      };
      try {
        const next = await chunksOf(file, progress);
        const summary = importer.read(file.name, file.kind ?? undefined, next, file.size);
        post({ type: 'file', name: file.name, summary, line: importer.describe(file.name) });
      } catch (caught) {
        const error = /** @type {EngineError} */ (caught);
        done += file.size - read;
        if (askDates(error, file) || askDay(error, file)) continue;
        if (!error.unrecognised || !(await offerMapper(file))) post({ type: 'file', name: file.name, error: error.message });
      }
    }
    measure(checkpointDay);
  }

  /** Posts the column mapper of `file` and keeps it, or returns false when its start cannot be read. @param {ImportFile} file */
  async function offerMapper(file) {
    try {
      const view = importer.peek(file.name, await headOf(file));
      unmapped.set(file.name, file);
      post({ type: 'unmapped', name: file.name, view });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Reads a kept `file` again — with the columns of `map` when they were chosen, as of `day` when one was
   * given — with its progress, and posts what it held, or asks for its dates' order or its day. False when
   * it could not be used (the error posted).
   * @param {ImportFile} file @param {ColumnMap} [map] @param {string} [day]
   */
  async function readKept(file, map, day) {
    let loaded = 0;
    const progress = (/** @type {number} */ bytes) => {
      loaded += bytes;
      post({ type: 'progress', loaded, total: file.size, file: file.name });
    };
    try {
      const next = await chunksOf(file, progress);
      const summary = map
        ? importer.readMapped(file.name, map, next, file.size)
        : importer.read(file.name, file.kind ?? undefined, next, file.size, day);
      post({ type: 'file', name: file.name, summary, line: importer.describe(file.name) });
      return true;
    } catch (caught) {
      const error = /** @type {EngineError} */ (caught);
      if (askDates(error, file, map) || (!map && askDay(error, file))) return true;
      post({ type: 'file', name: file.name, error: error.message });
      return false;
    }
  }

  /**
   * Reads the kept file `name` with the columns of `map` (kept for another choice if they do not fit),
   * then posts the measurement of `checkpointDay`.
   * @param {string} name @param {ColumnMap} map @param {number} [checkpointDay]
   */
  async function importMapped(name, map, checkpointDay) {
    const file = unmapped.get(name);
    if (!file) {
      post({ type: 'file', name, error: `The file "${name}" is not waiting for its columns to be chosen; add it again` });
    } else if (await readKept(file, map)) {
      unmapped.delete(name);
    }
    measure(checkpointDay);
  }

  /**
   * Reads the kept file `name` again with its dates in `order` (`dmy` or `mdy`, which also holds for the
   * files read after it), then posts the measurement of `checkpointDay`.
   * @param {string} name @param {'dmy' | 'mdy'} order @param {number} [checkpointDay]
   */
  async function importDated(name, order, checkpointDay) {
    const kept = undated.get(name);
    importer.setDateOrder(order);
    if (!kept) {
      post({ type: 'file', name, error: `The file "${name}" is not waiting for its dates' order; add it again` });
    } else {
      undated.delete(name);
      await readKept(kept.file, kept.map);
    }
    measure(checkpointDay);
  }

  /**
   * Reads the kept file `name` as of `day` (`YYYY-MM-DD`), then posts the measurement of `checkpointDay`.
   * @param {string} name @param {string} day @param {number} [checkpointDay]
   */
  async function importDay(name, day, checkpointDay) {
    const file = dayless.get(name);
    if (!file) {
      post({ type: 'file', name, error: `The file "${name}" is not waiting for the day it covers; add it again` });
    } else {
      dayless.delete(name);
      await readKept(file, undefined, day);
    }
    measure(checkpointDay);
  }

  /** Posts the measurement of `checkpointDay`, or what is still missing. @param {number} [checkpointDay] */
  function measure(checkpointDay) {
    const kinds = importer.kinds();
    if (!kinds.includes('roster') || !kinds.includes('activity')) {
      post({ type: 'waiting', kinds });
      return;
    }
    try {
      post({ type: 'result', ...importer.measureShown({ checkpointDay, minGroupSize }) });
    } catch (caught) {
      const error = /** @type {EngineError} */ (caught);
      post({ type: 'error', message: error.message, errors: error.errors ?? [] });
    }
  }

  // Every message waits until `init` has run, whatever order they arrive in: a worker started on the
  // person's first import is sent the files in the same task as its (compiled) module.
  /** @type {(value?: unknown) => void} */
  let initialised = () => {};
  const started = new Promise((resolve) => { initialised = resolve; });
  return async (data) => {
    try {
      if (data.minGroupSize != null) minGroupSize = data.minGroupSize;
      if (data.type === 'init') {
        try {
          await init(data.module ? { module_or_path: data.module } : undefined);
          importer = new Importer(data.benchmarks ?? undefined);
          post({ type: 'ready' });
        } finally {
          initialised();
        }
        return;
      }
      await started;
      if (data.type === 'reset') {
        importer?.free();
        importer = new Importer(data.benchmarks ?? undefined);
        unmapped.clear();
        undated.clear();
        dayless.clear();
      } else if (data.type === 'files') {
        await importFiles(data.files, data.checkpointDay);
      } else if (data.type === 'sample') {
        const texts = sampleFiles(data.people, data.days, data.seed);
        const files = /** @type {const} */ (['roster', 'activity', 'survey']).map((kind) => {
          const file = /** @type {ImportFile} */ (new File([texts[kind]], `sample-${kind}.csv`, { type: 'text/csv' }));
          file.kind = kind;
          return file;
        });
        await importFiles(files, data.checkpointDay);
      } else if (data.type === 'measure') {
        measure(data.checkpointDay);
      } else if (data.type === 'people') {
        post({ type: 'people', lists: importer.people({ checkpointDay: data.checkpointDay }) });
      } else if (data.type === 'mapped') {
        await importMapped(data.name, data.map, data.checkpointDay);
      } else if (data.type === 'unmapped-skip') {
        unmapped.delete(data.name);
      } else if (data.type === 'dated') {
        await importDated(data.name, data.order, data.checkpointDay);
      } else if (data.type === 'dated-skip') {
        undated.delete(data.name);
      } else if (data.type === 'day-given') {
        await importDay(data.name, data.day, data.checkpointDay);
      } else if (data.type === 'day-skip') {
        dayless.delete(data.name);
      }
    } catch (caught) {
      const error = /** @type {EngineError} */ (caught);
      post({ type: 'error', message: error.message, errors: error.errors ?? [] });
    }
  };
}

/** In a worker: the first 64 KiB, read synchronously. @param {ImportFile} file */
function syncHead(file) {
  return new Uint8Array(new SyncReader().readAsArrayBuffer(file.slice(0, HEAD)));
}

/** In a worker: each chunk read synchronously as the engine asks for it. @param {ImportFile} file @param {Progress} progress */
function syncChunks(file, progress) {
  const reader = new SyncReader();
  let offset = 0;
  return () => {
    const end = Math.min(offset + CHUNK, file.size);
    const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, end)));
    progress(end - offset);
    offset = end;
    return bytes;
  };
}

/**
 * An importer on the main thread with the worker's interface (`postMessage`, `onmessage`, `terminate`),
 * for hosts where no worker can be created. Messages are handled one at a time, in order, as a worker's
 * are; `terminate()` stops reading at the next chunk and drops everything after it.
 * @returns {{ postMessage(data: object): void, onmessage: ((event: { data: object }) => void) | null, terminate(): void }}
 */
export function localImporter() {
  let stopped = false;
  let queue = Promise.resolve();
  const local = {
    /** @type {((event: { data: object }) => void) | null} */
    onmessage: null,
    /** @param {ShellMessage} data */
    postMessage(data) {
      queue = queue.then(() => (stopped ? undefined : handle(data)));
    },
    terminate() { stopped = true; },
  };
  const post = (/** @type {object} */ data) => {
    if (!stopped) setTimeout(() => { if (!stopped) local.onmessage?.({ data }); });
  };
  /** Reads the whole file first, chunk by chunk (each a turn of the event loop), then serves it from memory. */
  const asyncChunks = async (/** @type {ImportFile} */ file, /** @type {Progress} */ progress) => {
    /** @type {Uint8Array[]} */
    const chunks = [];
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      if (stopped) throw new Error('Import cancelled');
      const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
      chunks.push(bytes);
      progress(bytes.length);
    }
    let at = 0;
    return () => chunks[at++] ?? new Uint8Array(0);
  };
  const asyncHead = async (/** @type {ImportFile} */ file) => new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  const handle = session(post, asyncChunks, asyncHead);
  return local;
}

/** The worker's scope, where this runs as a worker (its type is not in the DOM's, which this file is checked against). */
const scope = /** @type {any} */ (globalThis);
if (typeof scope.WorkerGlobalScope !== 'undefined' && scope instanceof scope.WorkerGlobalScope) {
  const handle = session((data) => scope.postMessage(data), syncChunks, syncHead);
  scope.onmessage = (/** @type {MessageEvent<ShellMessage>} */ { data }) => handle(data);
}
