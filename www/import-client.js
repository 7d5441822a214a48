// The element's side of an import: it starts the import worker (import-worker.js) with the import module
// already compiled, or, where the host's Trusted Types allow no worker, runs the same importer on the main
// thread; it keeps the import panel's state the view shows (progress, files, the questions asked about
// a file) and sends the worker the person's answers. The measurements change only when a result
// arrives, so a failed or cancelled import changes nothing.
import { roles } from './view/mapper.js';

/**
 * What the element gives an import: what a measurement is for, and how its results are shown.
 * @typedef {object} ImportHost
 * @property {() => { checkpointDay: number, minGroupSize: number } | null} measuring
 *   The checkpoint and privacy threshold of the next measurement; null before the widget has started.
 * @property {(measurements: object) => void} adopt Takes a result's measurements (throws if they cannot be used).
 * @property {(fresh: boolean) => void} render Shows the panel (`fresh`: the widget's state changed too).
 * @property {() => void} announce Tells the host page the measurements changed (`roi-change`).
 * @property {(selector: string) => void} focus Moves focus to the element the next question starts with.
 */

/** Where this browser keeps the columns chosen for a header (the mapper's `key` follows). */
const COLUMNS = 'roi-calculator:columns:';
/** The people, days and seed of "try with sample data": about 40,000 activity rows. */
const SAMPLE = { people: 400, days: 120, seed: 7 };
/** Where each question about a file starts, for focus. */
const FOCUS = { mapping: '#map-kind', dates: '.dates-question button', day: '.day-question input', people: '.people-lists h3' };

/**
 * The import module (the CSV and JSON readers, which only an import needs), compiled on first use —
 * after the first figures are on screen — and handed to each import worker already compiled.
 * @type {Promise<WebAssembly.Module> | undefined}
 */
let importModule;
const importCompiled = () => {
  importModule ??= WebAssembly.compileStreaming(fetch(new URL('./pkg/roi_import_bg.wasm', import.meta.url)));
  return importModule;
};
const WORKER_URL = new URL('./import-worker.js', import.meta.url).href;
/**
 * The worker's script URL as the host's Trusted Types demand it: through a policy named `roi-calculator`
 * that passes this one URL and nothing else, where the host allows that policy (SECURITY.md). Null where
 * it does not: the import then runs on the main thread.
 */
const workerScript = (() => {
  const types = /** @type {any} */ (globalThis).trustedTypes;
  if (!types?.createPolicy) return WORKER_URL;
  try {
    const policy = types.createPolicy('roi-calculator', {
      createScriptURL: (/** @type {string} */ url) => {
        if (url !== WORKER_URL) throw new TypeError(`roi-calculator: not its worker: ${url}`);
        return url;
      },
    });
    return policy.createScriptURL(WORKER_URL);
  } catch {
    return null;
  }
})();

/** The import panel before any import: nothing read, asked or shown. @returns {import('./view/measure.js').ImportPanel} */
const idlePanel = () => ({ progress: null, status: '', problem: false, files: [], mappings: [], dates: [], days: [], people: null });

/**
 * Each role's guessed column for `kind` of the mapper's `view`.
 * @param {import('./view/mapper.js').Mapping['view']} view @param {string} kind
 */
const guesses = (view, kind) => /** @type {Record<string, number>} */ (Object.fromEntries((view.kinds
  .find((k) => k.kind === kind)?.roles ?? []).filter((r) => r.guess != null).map((r) => [r.name, r.guess])));

/** The columns this browser kept for `view`'s header, if they still fit it. @param {import('./view/mapper.js').Mapping['view']} view */
function savedColumns(view) {
  let saved;
  try {
    saved = JSON.parse(globalThis.localStorage?.getItem(`${COLUMNS}${view.key}`) ?? 'null');
  } catch {
    return null;
  }
  const fits = saved && view.kinds.some((k) => k.kind === saved.kind)
    && Object.values(saved.columns ?? {}).every((i) => Number.isInteger(i) && i >= 0 && i < view.headers.length);
  return fits ? saved : null;
}

/**
 * The import on the main thread, with the worker's interface: the worker's own module, imported here.
 * Messages posted before it has loaded are passed on in order.
 */
function mainThreadImporter() {
  /** @type {object[]} */
  const waiting = [];
  const proxy = {
    /** @type {((event: { data: any }) => void) | null} */ onmessage: null,
    /** @type {((event: { message: string, preventDefault(): void }) => void) | null} */ onerror: null,
    /** @type {any} */ target: null,
    stopped: false,
    /** @param {object} data */
    postMessage(data) { if (this.target) this.target.postMessage(data); else waiting.push(data); },
    terminate() { this.stopped = true; this.target?.terminate(); },
  };
  import('./import-worker.js').then(({ localImporter }) => {
    if (proxy.stopped) return;
    proxy.target = localImporter();
    proxy.target.onmessage = (/** @type {{ data: any }} */ event) => proxy.onmessage?.(event);
    for (const data of waiting.splice(0)) proxy.target.postMessage(data);
  }, (error) => proxy.onerror?.({ message: error.message, preventDefault() {} }));
  return proxy;
}

/** One element's imports: its worker, and the import panel it shows. */
export class ImportClient {
  /** The import panel's state (what the view shows of an import). */
  panel = idlePanel();
  /** The last import's view (the import worker's `ImportedView`), or null. @type {any} */
  imported = null;
  /** Whether the worker holds files it can measure at another checkpoint. */
  measurable = false;
  /** The worker, or the main-thread importer; 'unavailable' once neither can run. @type {any} */
  #worker = null;
  /** The benchmark table the worker measures against (undefined: the built-in one). @type {unknown} */
  #benchmarks = undefined;
  #host;

  /** @param {ImportHost} host */
  constructor(host) {
    this.#host = host;
  }

  /**
   * The widget started (again) with `benchmarks`: what was imported is forgotten. A running worker is
   * kept (starting another would fetch its script again) and takes the new table; a first one starts
   * once the figures are painted, so importing later fetches nothing.
   * @param {unknown} benchmarks
   */
  reset(benchmarks) {
    this.#benchmarks = benchmarks;
    this.#forget();
    if (this.#worker && this.#worker !== 'unavailable') this.#worker.postMessage({ type: 'reset', benchmarks });
    else requestAnimationFrame(() => setTimeout(() => { if (this.#host.measuring()) this.#start(); }));
  }

  /**
   * The element left the page: the worker is stopped with the files it held, so a host that mounts and
   * unmounts the widget does not gather workers. What they measured stays in the widget's fields;
   * importing again starts a new worker.
   */
  release() {
    if (this.#worker && this.#worker !== 'unavailable') {
      this.#worker.terminate();
      this.#worker = null;
    }
    const held = this.imported !== null || this.panel.progress !== null;
    this.#forget();
    if (held) this.panel.status = 'The imported files were let go when the calculator left the page; what they measured is kept.';
  }

  /** Forgets what was imported and shown of it: the import's view, its people lists, the panel. */
  #forget() {
    this.imported = null;
    this.measurable = false;
    this.#forgetPeople();
    this.panel = idlePanel();
  }

  /**
   * Sends `message` (files, sample data) to the worker. The files are read there, never uploaded.
   * @param {{ type: 'files', files: File[] } | { type: 'sample' }} message
   */
  read(message) {
    if (!this.#host.measuring()) return;
    if (this.#worker === 'unavailable') return this.#failed('Importing is not available here: the import worker could not run.');
    this.#show({ progress: 0, status: 'Reading the files…' });
    this.#post(message.type === 'sample' ? { ...message, ...SAMPLE } : message);
  }

  /**
   * Measures what was imported again (at the checkpoint `checkpointDay`, or the widget's; with the
   * privacy threshold now set), if anything was.
   * @param {number} [checkpointDay]
   */
  measureAgain(checkpointDay) {
    if (this.measurable) this.#post(checkpointDay === undefined ? { type: 'measure' } : { type: 'measure', checkpointDay });
  }

  /** Shows the checkpoint's people by name (asked of the worker), or hides them again. */
  people() {
    if (this.panel.people) return this.#show({ people: this.#forgetPeople() });
    if (this.measurable) this.#post({ type: 'people' });
  }

  /**
   * The person chose what the file asked about is (`role` "kind") or which column holds `role`.
   * @param {string} role @param {string} value
   */
  choose(role, value) {
    const [first, ...rest] = this.panel.mappings;
    if (!first) return;
    const next = role === 'kind'
      ? { ...first, kind: /** @type {any} */ (value), columns: guesses(first.view, value) }
      : { ...first, columns: { ...first.columns } };
    if (role !== 'kind') {
      if (value === '') delete next.columns[role];
      else next.columns[role] = Number(value);
    }
    this.#show({ mappings: [next, ...rest] });
  }

  /** Reads the asked file with the columns chosen (kept for the next file with its header), or skips it. @param {boolean} read */
  mapped(read) {
    const [first, ...rest] = this.panel.mappings;
    if (!first) return;
    const name = first.view.name;
    if (!read) {
      this.#worker?.postMessage?.({ type: 'unmapped-skip', name });
      this.#show({ mappings: rest, status: `${name} was skipped.` });
    } else {
      if (roles(first).missing.length > 0) return this.#host.render(false);
      const map = { kind: first.kind, columns: first.columns };
      try {
        globalThis.localStorage?.setItem(`${COLUMNS}${first.view.key}`, JSON.stringify(map));
      } catch {
        // Storage refused or full: the choice is used now, and asked again next time.
      }
      this.panel = { ...this.panel, mappings: rest };
      this.#send({ type: 'mapped', name, map }, `Reading ${name} with the columns you chose…`);
    }
    // The next file waiting for its columns is asked at once.
    if (rest.length > 0) this.#host.focus(FOCUS.mapping);
  }

  /** Reads the asked file with its dates day first (`dmy`) or month first (`mdy`), or skips it (`skip`). @param {string} order */
  dated(order) {
    const [first, ...rest] = this.panel.dates;
    if (!first) return;
    if (order === 'skip') {
      this.#worker?.postMessage?.({ type: 'dated-skip', name: first.name });
      this.#show({ dates: rest, status: `${first.name} was skipped.` });
    } else {
      this.panel = { ...this.panel, dates: rest };
      const way = order === 'dmy' ? 'day first' : 'month first';
      this.#send({ type: 'dated', name: first.name, order }, `Reading ${first.name} with its dates ${way}…`);
    }
    if (rest.length > 0) this.#host.focus(FOCUS.dates);
  }

  /** The day typed for the file asked which day it covers (`YYYY-MM-DD`, or empty while incomplete). @param {string} day */
  typedDay(day) {
    const [first, ...rest] = this.panel.days;
    if (first) this.#show({ days: [{ ...first, day, missing: false }, ...rest] });
  }

  /** Reads the file asked which day it covers as of the day typed (`use`), or skips it; the next is asked. @param {boolean} use */
  dayGiven(use) {
    const [first, ...rest] = this.panel.days;
    if (!first) return;
    if (!use) {
      this.#worker?.postMessage?.({ type: 'day-skip', name: first.name });
      this.#show({ days: rest, status: `${first.name} was skipped.` });
    } else if (!first.day) {
      this.#show({ days: [{ ...first, missing: true }, ...rest] });
      return this.#host.focus(FOCUS.day);
    } else {
      this.panel = { ...this.panel, days: rest };
      this.#send({ type: 'day-given', name: first.name, day: first.day }, `Reading ${first.name} as the day ${first.day}…`);
    }
    if (rest.length > 0) this.#host.focus(FOCUS.day);
  }

  /**
   * Stops a running import: the worker and what it had read are dropped (a worker busy in the engine
   * can only be stopped whole) and a fresh one is started; nothing on screen changes.
   */
  cancel() {
    if (this.#worker !== 'unavailable') this.#worker?.terminate();
    this.#worker = null;
    this.measurable = false;
    this.panel = { ...this.panel, mappings: [], dates: [], days: [] };
    this.#failed('Import cancelled; nothing was changed.');
    if (this.#host.measuring()) this.#start();
  }

  /** The panel changed by `change`, then shown. @param {Partial<import('./view/measure.js').ImportPanel>} change */
  #show(change) {
    this.panel = { ...this.panel, problem: false, ...change };
    this.#host.render(false);
  }

  /** The import failed or was cancelled: says why; nothing else changes. @param {string} message */
  #failed(message) {
    this.#show({ progress: null, status: message, problem: true });
  }

  /** Forgets the people lists shown (their CSV's object URL too); null. */
  #forgetPeople() {
    if (this.panel.people) URL.revokeObjectURL(this.panel.people.href);
    return null;
  }

  /** Posts `message` with the checkpoint and threshold it is measured for. @param {object} message */
  #post(message) {
    const measuring = this.#host.measuring();
    const worker = measuring && this.#start();
    if (worker && worker !== 'unavailable') worker.postMessage({ ...measuring, ...message });
  }

  /** Sends an answered file to the worker, with the progress bar shown. @param {object} message @param {string} status */
  #send(message, status) {
    this.#show({ progress: 0, status });
    this.#post(message);
  }

  /**
   * The import worker, given the import module already compiled; messages posted before it has
   * instantiated it wait in its queue. Where the host's Trusted Types allow no worker, the same code
   * runs on the main thread instead.
   */
  #start() {
    if (this.#worker) return this.#worker;
    /** @type {any} */
    let worker;
    try {
      if (workerScript === null) throw new TypeError('no Trusted Types policy for the worker');
      worker = new Worker(/** @type {any} */ (workerScript), { type: 'module' });
    } catch {
      worker = mainThreadImporter();
    }
    worker.onmessage = (/** @type {{ data: any }} */ { data }) => { if (worker === this.#worker) this.#received(data); };
    worker.onerror = (/** @type {{ message: string, preventDefault(): void }} */ event) => {
      // A worker that cannot start (blocked by the host's policy, file missing) is not retried: the
      // rest of the widget works, and the person is told why importing does not.
      event.preventDefault();
      this.#failed(`Importing is not available here: ${event.message || 'the import worker could not run'}`);
      if (this.#worker === worker) this.#worker = 'unavailable';
      worker.terminate();
    };
    const benchmarks = this.#benchmarks;
    importCompiled().then((module) => worker.postMessage({ type: 'init', module, benchmarks }));
    this.#worker = worker;
    return worker;
  }

  /** What the worker reports: progress, each file, what it asks about a file, the result. @param {any} data */
  #received(data) {
    if (!this.#host.measuring()) return;
    const { panel } = this;
    if (data.type === 'progress') {
      this.#show({ progress: data.total > 0 ? data.loaded / data.total : 0, status: `Reading ${data.file}…` });
    } else if (data.type === 'file') {
      this.#show({ files: [...panel.files, data.line ?? data.error] });
    } else if (data.type === 'unmapped') {
      const saved = savedColumns(data.view);
      if (saved) return this.#send({ type: 'mapped', name: data.view.name, map: saved }, `Reading ${data.view.name} with the columns chosen before…`);
      const mapping = { view: data.view, kind: data.view.guess, columns: guesses(data.view, data.view.guess) };
      this.#show({ progress: null, status: `Choose which column is which in ${data.view.name}.`, mappings: [...panel.mappings, mapping] });
      this.#host.focus(FOCUS.mapping);
    } else if (data.type === 'dates') {
      this.#show({ progress: null, status: `Choose the order of the dates in ${data.name}.`,
        dates: [...panel.dates, { name: data.name, message: data.message }] });
      this.#host.focus(FOCUS.dates);
    } else if (data.type === 'day') {
      this.#show({ progress: null, status: `Say which day ${data.name} covers.`,
        days: [...panel.days, { name: data.name, message: data.message, day: '', missing: false }] });
      this.#host.focus(FOCUS.day);
    } else if (data.type === 'waiting') {
      const missing = ['roster', 'activity'].filter((kind) => !data.kinds.includes(kind));
      const asked = panel.mappings[0]?.view.name;
      const dated = panel.dates[0]?.name;
      const dayless = panel.days[0]?.name;
      this.#show({ progress: null, status: asked ? `Choose which column is which in ${asked}.`
        : dated ? `Choose the order of the dates in ${dated}.`
        : dayless ? `Say which day ${dayless} covers.`
        : `Now add the ${missing.join(' and the ')} file to measure the checkpoint.` });
    } else if (data.type === 'result') {
      try {
        this.#host.adopt(data.measurements);
      } catch (error) {
        return this.#failed(/** @type {Error} */ (error).message);
      }
      this.imported = data.view;
      this.measurable = true;
      this.panel = { ...panel, progress: null, problem: false, status: data.view.status, people: this.#forgetPeople() };
      this.#host.render(true);
      this.#host.announce();
    } else if (data.type === 'people' && data.lists) {
      const href = URL.createObjectURL(new Blob([data.lists.csv], { type: 'text/csv' }));
      this.#show({ people: { lists: data.lists, href } });
      this.#host.focus(FOCUS.people);
    } else if (data.type === 'error') {
      this.#failed(data.message);
    }
  }
}
