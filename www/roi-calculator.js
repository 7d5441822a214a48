// <roi-calculator>: the custom element shell. It loads the engine once for every instance on the page,
// gives each instance a shadow root with the widget's stylesheet, forwards what the person does to the
// Rust `Widget` (the state), and renders the view it returns (`view/`). Only what JavaScript must do is
// here: events, the import worker, and telling the host what changed.
import init, { Widget, defaultScenario } from './pkg/roi_calculator.js';
import { renderView } from './view/render.js';
import { formats } from './view/format.js';
import { roles } from './view/mapper.js';

// The page's module is compiled once, streaming as it downloads, and shared by every instance here.
// Opening a v2 link, the page paints its first figures from a small module first (first-paint.js,
// first-figures.js): this module's download waits until they are on screen, so it does not compete.
const compiled = Promise.resolve(globalThis.roiFirstFigures)
  .then(() => WebAssembly.compileStreaming(fetch(new URL('./pkg/roi_calculator_bg.wasm', import.meta.url))));
/** Resolves when the engine is ready; the page's own scripts await it before calling the engine. */
export const engine = compiled.then((module) => init({ module_or_path: module }));
/**
 * The import module (the CSV readers, which only an import needs), compiled on first use — after the
 * first figures are on screen — and handed to each import worker already compiled.
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
  if (!globalThis.trustedTypes?.createPolicy) return WORKER_URL;
  try {
    const policy = trustedTypes.createPolicy('roi-calculator', {
      createScriptURL: (url) => {
        if (url !== WORKER_URL) throw new TypeError(`roi-calculator: not its worker: ${url}`);
        return url;
      },
    });
    return policy.createScriptURL(WORKER_URL);
  } catch {
    return null;
  }
})();
/** Where this browser keeps the columns chosen for a header (the mapper's `key` follows). */
const COLUMNS = 'roi-calculator:columns:';
/**
 * Each role's guessed column for `kind` of the mapper's `view`.
 * @param {import('./view/mapper.js').Mapping['view']} view @param {string} kind
 */
const guesses = (view, kind) => Object.fromEntries((view.kinds.find((k) => k.kind === kind)?.roles ?? [])
  .filter((r) => r.guess != null).map((r) => [r.name, r.guess]));
/** The people, days and seed of "try with sample data": about 40,000 activity rows. */
const SAMPLE = { people: 400, days: 120, seed: 7 };
/**
 * The widget's stylesheet, made once for every instance: from the one the page's prerendered figures
 * already loaded when there is one (no second download), else fetched.
 * @param {ShadowRoot} root
 */
let stylesheet;
const stylesheetFor = (root) => {
  stylesheet ??= (async () => {
    const link = root.querySelector('link[rel="stylesheet"]');
    if (link && !link.sheet) await new Promise((resolve) => { link.addEventListener('load', resolve, { once: true }); link.addEventListener('error', resolve, { once: true }); });
    const css = link?.sheet
      ? [...link.sheet.cssRules].map((rule) => rule.cssText).join('\n')
      : await (await fetch(new URL('./roi-calculator.css', import.meta.url))).text();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  })();
  return stylesheet;
};

/** A locale tag the browser accepts (falling back to its own), and that locale's separators. */
function numberLocale(requested) {
  let format;
  try {
    format = new Intl.NumberFormat(requested || undefined);
  } catch {
    format = new Intl.NumberFormat();
  }
  const parts = format.formatToParts(12345.6);
  return {
    locale: format.resolvedOptions().locale,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** The import panel before any import: nothing read, asked or shown. */
const idlePanel = () => ({ progress: null, status: '', problem: false, files: [], mappings: [], dates: [], days: [], people: null });

/**
 * About the width of a chart printed on an A4 or a Letter sheet, in CSS pixels: two charts side by side
 * (the stylesheet's print rules) in the sheet's width less its margins.
 */
const PRINTED_CHART_WIDTH = 340;

class RoiCalculator extends HTMLElement {
  static observedAttributes = ['currency', 'locale', 'config', 'mode', 'benchmarks', 'inputs', 'min-group-size'];

  // The page's prerendered figures arrive as a declarative shadow root: kept on screen until the first
  // render replaces them.
  #root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
  /** @type {Widget | null} */
  #widget = null;
  /** @type {import('./view/format.js').Formats | null} */
  #formats = null;
  /** The mode last shown. */
  #shown = 'project';
  /** The last import's view (the import worker's `ImportedView`), or null. */
  #imported = null;
  /** @type {import('./view/measure.js').ImportPanel} */
  #panel = idlePanel();
  /** Whether the import worker holds files it can measure at another checkpoint. */
  #measurable = false;
  /** The view last asked of the engine (see `#render`). */
  #view = null;
  /** Whether this root shows Preact's render (not the page's prerendered figures). */
  #rendered = false;
  #table = undefined;
  #worker = null;
  #scenario = null;
  /** Measurements set by the host, adopted when the widget starts. */
  #measured = null;
  #generation = 0;
  #settling = 0;
  /**
   * Lays the charts out again when they are drawn at another width (a phone, a resized window), so
   * their text is the stylesheet's size at any width rather than a 640-unit drawing scaled down.
   */
  #sizes = new ResizeObserver((entries) => {
    const width = entries.map((entry) => entry.contentRect.width).find((w) => w > 0);
    if (!width) return;
    this.#drawn = width;
    if (this.#widget?.setChartWidth(width)) this.#render();
  });
  /** The width the charts are drawn at on screen, as last observed. */
  #drawn = 0;
  /**
   * Printing lays the page out again, two charts side by side on the sheet, where no resize is observed:
   * the charts are laid out for a sheet's width before, and for the screen's again after.
   */
  #printing = (/** @type {Event} */ event) => {
    const width = event.type === 'beforeprint' ? PRINTED_CHART_WIDTH : this.#drawn;
    if (width && this.#widget?.setChartWidth(width)) this.#render();
  };
  /** The charts' drawings `#sizes` observes. @type {WeakSet<Element>} */
  #observed = new WeakSet();

  constructor() {
    super();
    const forward = (event) => {
      const path = event.target?.dataset?.path;
      if (path) {
        this.#call(() => this.#outcome(this.#widget?.input(path, event.target.value), path));
        this.#edited();
      }
    };
    this.#root.addEventListener('input', (event) => {
      if (event.target.dataset?.setting === 'file-day') this.#typedDay(event.target.value);
      else forward(event);
    });
    // Enter in the day asked for a file is "Use this day" (Tab walks the date's own parts first).
    this.#root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.dataset?.setting === 'file-day') {
        event.preventDefault();
        this.#dayGiven(true);
      }
    });
    this.#root.addEventListener('change', (event) => {
      if (event.target.type === 'file') {
        this.#import({ type: 'files', files: [...event.target.files] });
        event.target.value = '';
      } else if (event.target.dataset.map) {
        this.#choose(event.target.dataset.map, event.target.value);
      } else if (event.target.dataset.setting === 'min-group-size') {
        this.setAttribute('min-group-size', event.target.value);
      } else if (event.target.tagName === 'SELECT') {
        forward(event);
        if (event.target.dataset.path === 'checkpointDay' && this.#measurable) {
          this.#import({ type: 'measure', checkpointDay: Number(event.target.value) });
        }
      }
    });
    this.#root.addEventListener('dragover', (event) => {
      if (event.target.closest?.('.dropzone')) event.preventDefault();
    });
    this.#root.addEventListener('drop', (event) => {
      if (!event.target.closest?.('.dropzone')) return;
      event.preventDefault();
      this.#import({ type: 'files', files: [...event.dataTransfer.files] });
    });
    this.#root.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-action]');
      if (!button) return;
      const action = button.dataset.action;
      if (action === 'import:sample') return this.#import({ type: 'sample', ...SAMPLE });
      if (action === 'import:cancel') return this.#cancelImport();
      if (action === 'import:map' || action === 'import:map-skip') return this.#mapped(action === 'import:map');
      if (action.startsWith('import:dates:')) return this.#dated(action.slice('import:dates:'.length));
      if (action === 'import:day' || action === 'import:day-skip') return this.#dayGiven(action === 'import:day');
      if (action === 'import:people') return this.#people();
      const index = button.dataset.index === undefined ? undefined : Number(button.dataset.index);
      this.#call(() => {
        const attribution = this.#imported?.cohorts?.attribution;
        this.#outcome(action === 'import:attribution' ? this.#widget?.useAttribution(attribution) : this.#widget?.action(action, index));
        // After switching modes by keyboard, focus stays on the pressed switch.
        if (action.startsWith('mode:')) this.#root.querySelector('.modes [aria-pressed="true"]')?.focus();
        // Between the quick start and every input the inputs may move (a narrow widget shows the full form
        // under its figures): focus, and so the view, follows them to the switch at their top.
        if (action.startsWith('inputs:')) this.#root.querySelector('.inputs-switch button')?.focus();
      });
      this.#edited();
    });
  }

  connectedCallback() {
    addEventListener('beforeprint', this.#printing);
    addEventListener('afterprint', this.#printing);
    this.#start();
  }
  disconnectedCallback() {
    removeEventListener('beforeprint', this.#printing);
    removeEventListener('afterprint', this.#printing);
  }
  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    // A new mode keeps what was entered; everything else starts the widget again from its inputs.
    if (name === 'mode' && this.#widget) this.#call(() => { this.#widget.setMode(this.#mode()); this.#render(); });
    else if (name === 'inputs' && this.#widget) this.#call(() => this.#outcome(this.#widget.action(this.#inputs())));
    else if (name === 'min-group-size') { if (this.#measurable) this.#import({ type: 'measure' }); }
    else this.#start();
  }

  /** The scenario as last validly edited (or as set, before the engine has loaded). */
  get scenario() { return this.#widget?.scenario ?? this.#scenario; }
  set scenario(value) { this.#scenario = value; if (this.isConnected) this.#start(); }

  /** The report of that scenario, or null before the first render. */
  get report() { return this.#widget?.report ?? null; }

  /** Measure mode's measurements as last validly entered, or null before the first render. */
  get measurements() { return this.#widget?.measurements ?? this.#measured; }
  /**
   * Sets measure mode's measurements (a measurements document, as a link carries it): shown at once, or
   * when the widget starts; invalid ones raise `roi-error` and change nothing.
   */
  set measurements(value) {
    this.#measured = value;
    if (this.#widget && value) this.#call(() => { this.#widget.adoptMeasurements(value); this.#render(); this.#announce(); });
  }

  /** Their assessment (statuses, flags, adoption, scorecard), or null before the first render. */
  get assessment() { return this.#widget?.assessment ?? null; }

  #mode() { return this.getAttribute('mode') === 'measure' ? 'measure' : 'project'; }

  /** `min-group-size`: groups measured on fewer people have their figures hidden; 5 by default, never below 3. */
  #minGroup() {
    const n = Math.round(Number(this.getAttribute('min-group-size') ?? 5));
    return Number.isFinite(n) ? Math.min(1000, Math.max(3, n)) : 5;
  }

  /** Shows the checkpoint's people by name (asked of the worker), or hides them again. */
  #people() {
    if (this.#panel.people) return this.#showImport({ people: this.#forgetPeople() });
    if (this.#measurable) this.#import({ type: 'people' });
  }

  /** Forgets the people lists shown (their CSV's object URL too); null. */
  #forgetPeople() {
    if (this.#panel.people) URL.revokeObjectURL(this.#panel.people.href);
    return null;
  }

  /** `inputs="quick"`: project mode opens on the quick start (people, cost, programme cost), not every input. */
  #inputs() { return this.getAttribute('inputs') === 'quick' ? 'inputs:quick' : 'inputs:all'; }

  /** After an edit: once the person pauses, the widget completes the Monte Carlo the keystrokes skipped. */
  #edited() {
    clearTimeout(this.#settling);
    this.#settling = setTimeout(() => this.#call(() => {
      if (this.#widget?.settle()) this.#outcome({ announce: true });
    }), 120);
  }

  /**
   * Renders the widget's view (the whole screen; Preact's diff changes only what differs): asked of the
   * engine afresh after a change to its state, or the last one when only the import panel changed (an
   * import's progress, its files, the mapper's choices).
   */
  #render(fresh = true) {
    if (!this.#widget || !this.#formats) return;
    if (fresh || !this.#view) this.#view = this.#widget.view();
    this.#shown = this.#view.mode;
    renderView(this.#root, this.#view, this.#imported, { ...this.#panel, minGroupSize: this.#minGroup() }, this.#formats);
    // Each new drawing of a chart the view lays out at the measured width (the import worker draws the
    // trend at one width for all). Observing one twice would report it again.
    for (const drawing of this.#root.querySelectorAll('figure.chart:not([data-chart="trend"]) > svg')) {
      if (!this.#observed.has(drawing)) {
        this.#observed.add(drawing);
        this.#sizes.observe(drawing);
      }
    }
  }

  /**
   * After an input or action: shows the new view, says why a typed value could not be used
   * (`roi-error` with its path), and announces complete results (`roi-change`).
   * @param {{ announce: boolean, error?: string } | undefined} outcome
   * @param {string} [path]
   */
  #outcome(outcome, path) {
    if (!outcome) return;
    if (outcome.error) this.dispatchEvent(new CustomEvent('roi-error', { detail: { path, message: outcome.error }, bubbles: true, composed: true }));
    this.#render();
    if (outcome.announce) this.#announce();
  }

  /** `roi-change`: the scenario and report (and, in measure mode, the measurements and their assessment). */
  #announce() {
    const widget = this.#widget;
    if (!widget) return;
    const detail = { scenario: widget.scenario, report: widget.report };
    if (this.#shown === 'measure') Object.assign(detail, { measurements: widget.measurements, assessment: widget.assessment });
    this.dispatchEvent(new CustomEvent('roi-change', { detail, bubbles: true, composed: true }));
  }

  /** The import panel's state, changed by `change`, then shown. @param {Partial<import('./view/measure.js').ImportPanel>} change */
  #showImport(change) {
    this.#panel = { ...this.#panel, problem: false, ...change };
    this.#render(false);
  }

  /** The import failed or was cancelled: says why; nothing else changes. @param {string} message */
  #importFailed(message) {
    this.#showImport({ progress: null, status: message, problem: true });
  }

  /** Runs a call into the widget; a thrown error becomes a `roi-error` event, never an uncaught one. */
  #call(run) {
    try {
      run();
    } catch (error) {
      this.#fail(error.message, error.errors ?? []);
    }
  }

  async #start() {
    const generation = ++this.#generation;
    const [sheet] = await Promise.all([stylesheetFor(this.#root), engine]);
    let scenario = this.#scenario;
    if (!scenario) scenario = await this.#configured();
    const table = await this.#benchmarks();
    if (generation !== this.#generation) return;
    scenario = structuredClone(scenario ?? defaultScenario());
    const currency = this.getAttribute('currency');
    if (currency) scenario.currency = currency;
    const { locale, decimal, group } = numberLocale(this.getAttribute('locale') ?? scenario.locale);
    this.#root.adoptedStyleSheets = [sheet];
    this.#call(() => {
      const make = (benchmarks) => new Widget(scenario, decimal, group, this.#mode(), benchmarks);
      let widget;
      try {
        widget = make(table);
      } catch (error) {
        if (table === undefined) throw error;
        // A broken benchmarks file must not take the calculator down: say so, and use the built-in table.
        this.#fail(error.message, error.errors ?? []);
        widget = make(undefined);
      }
      widget.action(this.#inputs());
      // Started again (a new scenario, an attribute): the charts are laid out at once for the width
      // they were last drawn at.
      if (this.#drawn) widget.setChartWidth(this.#drawn);
      if (this.#measured) {
        try {
          widget.adoptMeasurements(this.#measured);
        } catch (error) {
          this.#fail(error.message, error.errors ?? []);
        }
      }
      this.#widget?.free();
      this.#widget = widget;
      this.#table = table;
      this.#formats = formats(locale, widget.scenario.currency);
      this.#imported = null;
      this.#measurable = false;
      this.#forgetPeople(); // their CSV's object URL too
      this.#panel = idlePanel();
      // The prerendered figures (not Preact's) make way for the first render, in the same task.
      // A link's first figures (data-first) are shown no longer: the page shows the widget again once it
      // has drawn the link's scenario (data-opened), so no frame holds the default figures.
      if (!this.#rendered) this.#root.replaceChildren();
      delete this.dataset.first;
      this.#rendered = true;
      this.#render();
      // The running worker is kept (starting another would fetch its script again); it forgets what
      // it had read and takes the new benchmark table. A first one starts once the figures are painted.
      if (this.#worker && this.#worker !== 'unavailable') this.#worker.postMessage({ type: 'reset', benchmarks: table });
      else requestAnimationFrame(() => setTimeout(() => { if (this.#widget) this.#startWorker(); }));
      this.dataset.ready = 'true';
      performance.mark('roi-ready');
    });
  }

  /**
   * Sends `message` (files, sample data or a new checkpoint) to this instance's import worker. The files
   * are read there, never uploaded; the measurements change only when a result arrives, so a failed or
   * cancelled import changes nothing.
   */
  #import(message) {
    if (!this.#widget) return;
    if (this.#worker === 'unavailable') {
      this.#importFailed('Importing is not available here: the import worker could not run.');
      return;
    }
    const day = Number(this.#widget.measurements?.checkpointDay ?? 30);
    if (message.type !== 'measure' && message.type !== 'people') this.#showImport({ progress: 0, status: 'Reading the files…' });
    this.#startWorker().postMessage({ checkpointDay: day, minGroupSize: this.#minGroup(), ...message });
  }

  /**
   * The import worker, started just after the first figures (so importing fetches nothing) and given
   * the import module already compiled. Messages posted before it has instantiated it wait in its queue.
   * Where the host's Trusted Types allow no worker, the same code runs on the main thread instead.
   */
  #startWorker() {
    if (this.#worker) return this.#worker;
    let worker;
    try {
      if (workerScript === null) throw new TypeError('no Trusted Types policy for the worker');
      worker = new Worker(workerScript, { type: 'module' });
    } catch {
      worker = this.#mainThreadImporter();
    }
    worker.onmessage = ({ data }) => this.#onImportMessage(worker, data);
    worker.onerror = (event) => {
      // A worker that cannot start (blocked by the host's policy, file missing) is not retried: the
      // rest of the widget works, and the person is told why importing does not.
      event.preventDefault();
      this.#importFailed(`Importing is not available here: ${event.message || 'the import worker could not run'}`);
      if (this.#worker === worker) this.#worker = 'unavailable';
      worker.terminate();
    };
    const table = this.#table;
    importCompiled().then((module) => worker.postMessage({ type: 'init', module, benchmarks: table }));
    this.#worker = worker;
    return worker;
  }

  /**
   * The import on the main thread, with the worker's interface: the worker's own module, imported here.
   * Messages posted before it has loaded are passed on in order.
   */
  #mainThreadImporter() {
    const waiting = [];
    const proxy = { onmessage: null, onerror: null, target: null, stopped: false,
      postMessage(data) { if (this.target) this.target.postMessage(data); else waiting.push(data); },
      terminate() { this.stopped = true; this.target?.terminate(); } };
    import('./import-worker.js').then(({ localImporter }) => {
      if (proxy.stopped) return;
      proxy.target = localImporter();
      proxy.target.onmessage = (event) => proxy.onmessage?.(event);
      for (const data of waiting.splice(0)) proxy.target.postMessage(data);
    }, (error) => proxy.onerror?.({ message: error.message, preventDefault() {} }));
    return proxy;
  }

  /** What the import worker reports: progress, each file, what is still missing, the result. */
  #onImportMessage(worker, data) {
    if (worker !== this.#worker || !this.#widget) return;
    if (data.type === 'progress') {
      this.#showImport({ progress: data.total > 0 ? data.loaded / data.total : 0, status: `Reading ${data.file}…` });
    } else if (data.type === 'file') {
      this.#showImport({ files: [...this.#panel.files, data.line ?? data.error] });
    } else if (data.type === 'unmapped') {
      this.#unmapped(data.view);
    } else if (data.type === 'dates') {
      this.#showImport({ progress: null, status: `Choose the order of the dates in ${data.name}.`,
        dates: [...this.#panel.dates, { name: data.name, message: data.message }] });
      this.#root.querySelector('.dates-question button')?.focus();
    } else if (data.type === 'day') {
      this.#showImport({ progress: null, status: `Say which day ${data.name} covers.`,
        days: [...this.#panel.days, { name: data.name, message: data.message, day: '', missing: false }] });
      this.#root.querySelector('.day-question input')?.focus();
    } else if (data.type === 'waiting') {
      const missing = ['roster', 'activity'].filter((kind) => !data.kinds.includes(kind));
      const asked = this.#panel.mappings[0]?.view.name;
      const dated = this.#panel.dates[0]?.name;
      const dayless = this.#panel.days[0]?.name;
      this.#showImport({ progress: null, status: asked ? `Choose which column is which in ${asked}.`
        : dated ? `Choose the order of the dates in ${dated}.`
        : dayless ? `Say which day ${dayless} covers.`
        : `Now add the ${missing.join(' and the ')} file to measure the checkpoint.` });
    } else if (data.type === 'result') {
      try {
        this.#widget.adoptMeasurements(data.measurements);
      } catch (error) {
        return this.#importFailed(error.message);
      }
      this.#imported = data.view;
      this.#measurable = true;
      this.#panel = { ...this.#panel, progress: null, problem: false, status: data.view.status, people: this.#forgetPeople() };
      this.#render();
      this.#announce();
    } else if (data.type === 'people' && data.lists) {
      const href = URL.createObjectURL(new Blob([data.lists.csv], { type: 'text/csv' }));
      this.#showImport({ people: { lists: data.lists, href } });
      this.#root.querySelector('.people-lists h3')?.focus();
    } else if (data.type === 'error') {
      this.#importFailed(data.message);
    }
  }

  /**
   * A file whose columns were not recognised: read with the columns chosen for the same header before,
   * if this browser kept them, or else asked (the mapper, with each role's guess chosen).
   * @param {import('./view/mapper.js').Mapping['view']} view
   */
  #unmapped(view) {
    const saved = (() => {
      try {
        return JSON.parse(globalThis.localStorage?.getItem(`${COLUMNS}${view.key}`) ?? 'null');
      } catch {
        return null;
      }
    })();
    const fits = saved && view.kinds.some((k) => k.kind === saved.kind)
      && Object.values(saved.columns ?? {}).every((i) => Number.isInteger(i) && i >= 0 && i < view.headers.length);
    if (fits) return this.#send({ type: 'mapped', name: view.name, map: saved }, `Reading ${view.name} with the columns chosen before…`);
    const mapping = { view, kind: view.guess, columns: guesses(view, view.guess) };
    this.#showImport({ progress: null, status: `Choose which column is which in ${view.name}.`, mappings: [...this.#panel.mappings, mapping] });
    this.#root.querySelector('#map-kind')?.focus();
  }

  /** The person chose what the file is (`role` "kind") or which column holds `role`. */
  #choose(/** @type {string} */ role, /** @type {string} */ value) {
    const [first, ...rest] = this.#panel.mappings;
    if (!first) return;
    const next = role === 'kind'
      ? { ...first, kind: /** @type {any} */ (value), columns: guesses(first.view, value) }
      : { ...first, columns: { ...first.columns } };
    if (role !== 'kind') {
      if (value === '') delete next.columns[role];
      else next.columns[role] = Number(value);
    }
    this.#showImport({ mappings: [next, ...rest] });
  }

  /** Reads the asked file with the columns chosen (kept for the next file with its header), or skips it. */
  #mapped(/** @type {boolean} */ read) {
    const [first, ...rest] = this.#panel.mappings;
    if (!first) return;
    const name = first.view.name;
    if (!read) {
      this.#worker?.postMessage?.({ type: 'unmapped-skip', name });
      this.#showImport({ mappings: rest, status: `${name} was skipped.` });
      if (rest.length > 0) this.#root.querySelector('#map-kind')?.focus();
      return;
    }
    if (roles(first).missing.length > 0) return this.#render(false);
    const map = { kind: first.kind, columns: first.columns };
    try {
      globalThis.localStorage?.setItem(`${COLUMNS}${first.view.key}`, JSON.stringify(map));
    } catch {
      // Storage refused or full: the choice is used now, and asked again next time.
    }
    this.#panel = { ...this.#panel, mappings: rest };
    this.#send({ type: 'mapped', name, map }, `Reading ${name} with the columns you chose…`);
    // The next file waiting for its columns is asked at once.
    if (rest.length > 0) this.#root.querySelector('#map-kind')?.focus();
  }

  /** Reads the asked file with its dates day first (`dmy`) or month first (`mdy`), or skips it (`skip`). */
  #dated(/** @type {string} */ order) {
    const [first, ...rest] = this.#panel.dates;
    if (!first) return;
    if (order === 'skip') {
      this.#worker?.postMessage?.({ type: 'dated-skip', name: first.name });
      this.#showImport({ dates: rest, status: `${first.name} was skipped.` });
    } else {
      this.#panel = { ...this.#panel, dates: rest };
      const way = order === 'dmy' ? 'day first' : 'month first';
      this.#send({ type: 'dated', name: first.name, order }, `Reading ${first.name} with its dates ${way}…`);
    }
    if (rest.length > 0) this.#root.querySelector('.dates-question button')?.focus();
  }

  /** The day typed for the file asked which day it covers (`YYYY-MM-DD`, or empty while incomplete). */
  #typedDay(/** @type {string} */ day) {
    const [first, ...rest] = this.#panel.days;
    if (first) this.#showImport({ days: [{ ...first, day, missing: false }, ...rest] });
  }

  /** Reads the file asked which day it covers as of the day typed (`use`), or skips it; the next is asked. */
  #dayGiven(/** @type {boolean} */ use) {
    const [first, ...rest] = this.#panel.days;
    if (!first) return;
    if (!use) {
      this.#worker?.postMessage?.({ type: 'day-skip', name: first.name });
      this.#showImport({ days: rest, status: `${first.name} was skipped.` });
    } else if (!first.day) {
      this.#showImport({ days: [{ ...first, missing: true }, ...rest] });
      this.#root.querySelector('.day-question input')?.focus();
      return;
    } else {
      this.#panel = { ...this.#panel, days: rest };
      this.#send({ type: 'day-given', name: first.name, day: first.day }, `Reading ${first.name} as the day ${first.day}…`);
    }
    if (rest.length > 0) this.#root.querySelector('.day-question input')?.focus();
  }

  /** Sends a mapped file to the worker, with the progress bar shown. */
  #send(/** @type {object} */ message, /** @type {string} */ status) {
    const day = Number(this.#widget?.measurements?.checkpointDay ?? 30);
    this.#showImport({ progress: 0, status });
    this.#worker?.postMessage?.({ checkpointDay: day, minGroupSize: this.#minGroup(), ...message });
  }

  /**
   * Stops a running import: the worker and what it had read are dropped (a worker busy in the engine
   * can only be stopped whole) and a fresh one is started; nothing on screen changes.
   */
  #cancelImport() {
    if (this.#worker !== 'unavailable') this.#worker?.terminate();
    this.#worker = null;
    this.#measurable = false;
    this.#panel = { ...this.#panel, mappings: [], dates: [], days: [] };
    this.#importFailed('Import cancelled; nothing was changed.');
    if (this.#widget) this.#startWorker();
  }

  /** The benchmark table of the `benchmarks` attribute (the URL of a JSON table), laid over the built-in one. */
  async #benchmarks() {
    const url = this.getAttribute('benchmarks')?.trim();
    if (!url) return undefined;
    try {
      return await (await fetch(new URL(url, document.baseURI))).json();
    } catch (error) {
      this.#fail(`The benchmarks attribute could not be read: ${error.message}`);
      return undefined;
    }
  }

  #fail(message, errors = []) {
    this.dispatchEvent(new CustomEvent('roi-error', { detail: { message, errors }, bubbles: true, composed: true }));
  }

  /** The scenario of the `config` attribute: inline JSON, or the URL of a JSON file. */
  async #configured() {
    const config = this.getAttribute('config')?.trim();
    if (!config) return null;
    try {
      return config.startsWith('{') ? JSON.parse(config) : await (await fetch(new URL(config, document.baseURI))).json();
    } catch (error) {
      this.#fail(`The config attribute could not be read: ${error.message}`);
      return null;
    }
  }
}

if (!customElements.get('roi-calculator')) customElements.define('roi-calculator', RoiCalculator);
