// <roi-calculator>: the custom element shell. It loads the engine once for every instance on the page,
// gives each instance a shadow root with the widget's stylesheet, and forwards what the person does to
// the Rust `Widget`, which holds the state, validates and renders. Only what JavaScript must do is here.
import init, { Widget, defaultScenario } from './pkg/roi_calculator.js';

const engine = init();
const stylesheet = fetch(new URL('./roi-calculator.css', import.meta.url))
  .then((response) => response.text())
  .then((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });

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

class RoiCalculator extends HTMLElement {
  static observedAttributes = ['currency', 'locale', 'config', 'mode', 'benchmarks'];

  #root = this.attachShadow({ mode: 'open' });
  #widget = null;
  #scenario = null;
  #generation = 0;
  #settling = 0;

  constructor() {
    super();
    const forward = (event) => {
      const path = event.target?.dataset?.path;
      if (path) {
        this.#call(() => this.#widget?.input(path, event.target.value));
        this.#edited();
      }
    };
    this.#root.addEventListener('input', forward);
    this.#root.addEventListener('change', (event) => { if (event.target.tagName === 'SELECT') forward(event); });
    this.#root.addEventListener('click', (event) => {
      const button = event.target.closest?.('button[data-action]');
      if (!button) return;
      const index = button.dataset.index === undefined ? undefined : Number(button.dataset.index);
      this.#call(() => this.#widget?.action(button.dataset.action, index));
      this.#edited();
    });
  }

  connectedCallback() { this.#start(); }
  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    // A new mode keeps what was entered; everything else starts the widget again from its inputs.
    if (name === 'mode' && this.#widget) this.#call(() => this.#widget.setMode(this.#mode()));
    else this.#start();
  }

  /** The scenario as last validly edited (or as set, before the engine has loaded). */
  get scenario() { return this.#widget?.scenario ?? this.#scenario; }
  set scenario(value) { this.#scenario = value; if (this.isConnected) this.#start(); }

  /** The report of that scenario, or null before the first render. */
  get report() { return this.#widget?.report ?? null; }

  /** Measure mode's measurements as last validly entered, or null before the first render. */
  get measurements() { return this.#widget?.measurements ?? null; }

  /** Their assessment (statuses, flags, adoption, scorecard), or null before the first render. */
  get assessment() { return this.#widget?.assessment ?? null; }

  #mode() { return this.getAttribute('mode') === 'measure' ? 'measure' : 'project'; }

  /** After an edit: once the person pauses, the widget completes the Monte Carlo the keystrokes skipped. */
  #edited() {
    clearTimeout(this.#settling);
    this.#settling = setTimeout(() => this.#call(() => this.#widget?.settle()), 120);
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
    const [sheet] = await Promise.all([stylesheet, engine]);
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
      const make = (benchmarks) => new Widget(this, this.#root, scenario, locale, decimal, group, this.#mode(), benchmarks);
      let widget;
      try {
        widget = make(table);
      } catch (error) {
        if (table === undefined) throw error;
        // A broken benchmarks file must not take the calculator down: say so, and use the built-in table.
        this.#fail(error.message, error.errors ?? []);
        widget = make(undefined);
      }
      this.#widget?.free();
      this.#widget = widget;
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
