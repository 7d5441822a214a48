// <roi-calculator>: the custom element shell. It loads the engine once for every instance on the page,
// gives each instance a shadow root with the widget's stylesheet, forwards what the person does to the
// Rust `Widget` (the state), and renders the view it returns (`view/`). Only what JavaScript must do is
// here: events, and telling the host what changed; imports go through `ImportClient` (import-client.js).
import init, { Widget, defaultScenario } from './pkg/roi_calculator.js';
import { renderView } from './view/render.js';
import { formats } from './view/format.js';
import { ImportClient } from './import-client.js';

// The page's module is compiled once, streaming as it downloads, and shared by every instance here.
// Opening a v2 link, the page paints its first figures from a small module first (first-paint.js,
// first-figures.js): this module's download waits until they are on screen, so it does not compete.
// On the page, first-paint.js starts the download once the first frame is painted (`roiPageModule`):
// taken here, not fetched twice.
const compiled = Promise.resolve(globalThis.roiFirstFigures)
  .then(() => WebAssembly.compileStreaming(globalThis.roiPageModule ??= fetch(new URL('./pkg/roi_calculator_bg.wasm', import.meta.url))));
/** Resolves when the engine is ready; the page's own scripts await it before calling the engine. */
export const engine = compiled.then((module) => init({ module_or_path: module }));
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

/**
 * About the width of a chart printed on an A4 or a Letter sheet, in CSS pixels: two charts side by side
 * (the stylesheet's print rules) in the sheet's width less its margins.
 */
const PRINTED_CHART_WIDTH = 340;

/**
 * The AI Training ROI Calculator: projects the return of training people to use Claude, and judges what
 * was measured afterwards. Its reference is README.md ("Embedding"); custom-elements.json is made from
 * this comment (`npm run manifest`).
 * @tag roi-calculator
 * @attr {'project' | 'measure'} mode - Which side it shows: project the return (default) or judge measured results.
 * @attr {'quick'} inputs - `quick`: project mode opens on the quick start (people, cost, programme cost); else every input.
 * @attr {string} locale - The locale numbers are written in (a BCP 47 tag); the browser's by default.
 * @attr {string} currency - The ISO 4217 currency of the amounts, over the scenario's.
 * @attr {string} config - A scenario: inline JSON, or the URL of a JSON file.
 * @attr {string} benchmarks - The URL of a benchmark table (JSON), laid over the built-in one.
 * @attr {number} min-group-size - Groups measured on fewer people have their figures hidden; 5 by default, 3–1,000.
 * @prop {object} scenario - The scenario as last validly edited (get), or one to show (set).
 * @prop {object | null} report - That scenario's report (read only; null before the first render).
 * @prop {object | null} measurements - Measure mode's measurements (get), or a measurements document to show (set).
 * @prop {object | null} assessment - Their assessment: statuses, flags, adoption, scorecard (read only).
 * @fires {CustomEvent<{ scenario: object, report: object, measurements?: object, assessment?: object }>} roi-change - Complete results after an edit, an import or an action.
 * @fires {CustomEvent<{ message: string, errors?: object[], path?: string }>} roi-error - A value, attribute or file that could not be used, and why.
 * @csspart widget - The whole widget.
 * @csspart summary - Project mode's compact headline on a narrow widget.
 * @csspart headline - The headline figures.
 * @csspart charts - The charts.
 * @csspart departments - The departments.
 * @csspart costs - The costs.
 * @csspart settings - The settings.
 * @csspart assumptions - What the figures assume.
 * @csspart board - The board report.
 * @csspart import - The import panel.
 * @csspart checkpoint - The checkpoint.
 * @csspart scorecard - The scorecard.
 * @csspart realised - The return delivered.
 * @csspart flags - What to do next.
 * @csspart trend - The 13-week trend.
 * @csspart timeline - The adoption timeline.
 * @csspart tasks - What people use it for.
 * @csspart reinvested - Where the saved time went.
 * @csspart intensity - Usage-intensity groups.
 * @csspart people - The people lists.
 * @csspart breakdown - The departments measured.
 * @csspart cohorts - The control cohorts.
 * @cssprop --roi-accent - Buttons, the headline figure, focus.
 * @cssprop --roi-ink - Text.
 * @cssprop --roi-muted - Secondary text.
 * @cssprop --roi-card - Cards' background.
 * @cssprop --roi-line - Borders.
 * @cssprop --roi-error - Errors.
 * @cssprop --roi-radius - Corners.
 * @cssprop --roi-benefit - Benefit in charts.
 * @cssprop --roi-cost - Cost in charts.
 * @cssprop --roi-green - On target.
 * @cssprop --roi-amber - Below target.
 * @cssprop --roi-red - Act now.
 * @cssprop --roi-band - A benchmark's band.
 */
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
  /** This instance's imports: the import worker, and the import panel it shows. */
  #imports = new ImportClient({
    measuring: () => this.#widget && { checkpointDay: Number(this.#widget.measurements?.checkpointDay ?? 30), minGroupSize: this.#minGroup() },
    adopt: (measurements) => this.#widget?.adoptMeasurements(measurements),
    render: (fresh) => this.#render(fresh),
    announce: () => this.#announce(),
    focus: (selector) => this.#root.querySelector(selector)?.focus(),
  });
  /** The view last asked of the engine (see `#render`). */
  #view = null;
  /** Whether this root shows Preact's render (not the page's prerendered figures). */
  #rendered = false;
  #scenario = null;
  /** Measurements set by the host, adopted when the widget starts. */
  #measured = null;
  #generation = 0;
  #settling = 0;
  /** The task that stops the import worker once the element has left the page (not merely moved). */
  #leaving = 0;
  /**
   * What changed while the element was off the page, to apply on its return: a new scenario (`new`), or
   * a locale, currency or table that keeps what was entered (`kept`). @type {'new' | 'kept' | null}
   */
  #restart = null;
  /** The `benchmarks` attribute the widget last started with. */
  #tableSource = '';
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
      if (event.target.dataset?.setting === 'file-day') this.#imports.typedDay(event.target.value);
      else forward(event);
    });
    // Enter in the day asked for a file is "Use this day" (Tab walks the date's own parts first).
    this.#root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.dataset?.setting === 'file-day') {
        event.preventDefault();
        this.#imports.dayGiven(true);
      }
    });
    this.#root.addEventListener('change', (event) => {
      if (event.target.type === 'file') {
        this.#imports.read({ type: 'files', files: [...event.target.files] });
        event.target.value = '';
      } else if (event.target.dataset.map) {
        this.#imports.choose(event.target.dataset.map, event.target.value);
      } else if (event.target.dataset.setting === 'min-group-size') {
        this.setAttribute('min-group-size', event.target.value);
      } else if (event.target.tagName === 'SELECT') {
        forward(event);
        if (event.target.dataset.path === 'checkpointDay') this.#imports.measureAgain(Number(event.target.value));
      }
    });
    this.#root.addEventListener('dragover', (event) => {
      if (event.target.closest?.('.dropzone')) event.preventDefault();
    });
    this.#root.addEventListener('drop', (event) => {
      if (!event.target.closest?.('.dropzone')) return;
      event.preventDefault();
      this.#imports.read({ type: 'files', files: [...event.dataTransfer.files] });
    });
    this.#root.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-action]');
      if (!button) return;
      const action = button.dataset.action;
      const imports = this.#imports;
      if (action === 'import:sample') return imports.read({ type: 'sample' });
      if (action === 'import:cancel') return imports.cancel();
      if (action === 'import:map' || action === 'import:map-skip') return imports.mapped(action === 'import:map');
      if (action.startsWith('import:dates:')) return imports.dated(action.slice('import:dates:'.length));
      if (action === 'import:day' || action === 'import:day-skip') return imports.dayGiven(action === 'import:day');
      if (action === 'import:people') return imports.people();
      const index = button.dataset.index === undefined ? undefined : Number(button.dataset.index);
      this.#call(() => {
        const attribution = imports.imported?.cohorts?.attribution;
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

  // Moved in the page (a framework reordering its children, a dialog or portal taking it in), the widget
  // goes on as it was; taken off the page for longer than a task, its import worker is stopped, and put
  // back it shows what was entered. An attribute or scenario set while it was away applies on its return.
  connectedCallback() {
    addEventListener('beforeprint', this.#printing);
    addEventListener('afterprint', this.#printing);
    clearTimeout(this.#leaving);
    if (this.#restart || !this.#widget) this.#start(this.#restart !== 'kept');
    this.#restart = null;
  }
  disconnectedCallback() {
    removeEventListener('beforeprint', this.#printing);
    removeEventListener('afterprint', this.#printing);
    this.#leaving = setTimeout(() => {
      if (this.isConnected) return;
      this.#imports.release();
      this.#render(false);
    });
  }
  attributeChangedCallback(name) {
    // A new mode or inputs keeps what was entered, and so do a locale, currency or benchmark table (the
    // engine starts again from what was entered); a new `config` is a new scenario.
    const fresh = name === 'config';
    if (name === 'mode' && this.#widget) this.#call(() => { this.#widget.setMode(this.#mode()); this.#render(); });
    else if (name === 'inputs' && this.#widget) this.#call(() => this.#outcome(this.#widget.action(this.#inputs())));
    else if (name === 'min-group-size') this.#imports.measureAgain();
    else if (this.isConnected) this.#start(fresh);
    else if (this.#widget) this.#restart = fresh || this.#restart === 'new' ? 'new' : 'kept';
  }

  /** The scenario as last validly edited (or as set, before the engine has loaded). */
  get scenario() { return this.#widget?.scenario ?? this.#scenario; }
  set scenario(value) {
    this.#scenario = value;
    if (this.isConnected) this.#start(true);
    else if (this.#widget) this.#restart = 'new';
  }

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
    renderView(this.#root, this.#view, this.#imports.imported, { ...this.#imports.panel, minGroupSize: this.#minGroup() }, this.#formats);
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

  /** Runs a call into the widget; a thrown error becomes a `roi-error` event, never an uncaught one. */
  #call(run) {
    try {
      run();
    } catch (error) {
      this.#fail(error.message, error.errors ?? []);
    }
  }

  /**
   * Starts the widget (again): from its scenario — the `scenario` property's, the `config` attribute's
   * or the default — when `fresh` or first started; else from what was entered, which a new locale,
   * currency or benchmark table keeps (with the measurements; an import is measured against a new table
   * when the files are imported again).
   */
  async #start(fresh = true) {
    const generation = ++this.#generation;
    const kept = !fresh && this.#widget ? {
      scenario: this.#widget.scenario,
      measurements: this.#widget.measurements,
      mode: this.#shown,
      inputs: this.#view?.project ? `inputs:${this.#view.project.quick ? 'quick' : 'all'}` : this.#inputs(),
    } : null;
    const [sheet] = await Promise.all([stylesheetFor(this.#root), engine]);
    let scenario = kept?.scenario ?? this.#scenario;
    if (!scenario) scenario = await this.#configured();
    const table = await this.#benchmarks();
    if (generation !== this.#generation) return;
    scenario = structuredClone(scenario ?? defaultScenario());
    const currency = this.getAttribute('currency');
    if (currency) scenario.currency = currency;
    const { locale, decimal, group } = numberLocale(this.getAttribute('locale') ?? scenario.locale);
    this.#root.adoptedStyleSheets = [sheet];
    this.#call(() => {
      const make = (benchmarks) => new Widget(scenario, decimal, group, kept?.mode ?? this.#mode(), benchmarks);
      let widget;
      try {
        widget = make(table);
      } catch (error) {
        if (table === undefined) throw error;
        // A broken benchmarks file must not take the calculator down: say so, and use the built-in table.
        this.#fail(error.message, error.errors ?? []);
        widget = make(undefined);
      }
      widget.action(kept?.inputs ?? this.#inputs());
      // Started again (a new scenario, an attribute): the charts are laid out at once for the width
      // they were last drawn at.
      if (this.#drawn) widget.setChartWidth(this.#drawn);
      const measured = kept?.measurements ?? this.#measured;
      if (measured) {
        try {
          widget.adoptMeasurements(measured);
        } catch (error) {
          this.#fail(error.message, error.errors ?? []);
        }
      }
      this.#widget?.free();
      this.#widget = widget;
      this.#formats = formats(locale, widget.scenario.currency);
      // What was imported is measured against the table it was read with: a new table forgets it.
      const tableSource = this.getAttribute('benchmarks')?.trim() ?? '';
      if (!kept || tableSource !== this.#tableSource) this.#imports.reset(table);
      this.#tableSource = tableSource;
      // The prerendered figures (not Preact's) make way for the first render, in the same task.
      // A link's first figures (data-first) are shown no longer: the page shows the widget again once it
      // has drawn the link's scenario (data-opened), so no frame holds the default figures.
      if (!this.#rendered) this.#root.replaceChildren();
      delete this.dataset.first;
      this.#rendered = true;
      this.#render();
      this.dataset.ready = 'true';
      performance.mark('roi-ready');
    });
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
