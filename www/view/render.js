// The widget's screen from its view: `renderView` is called with the whole view after every change, and
// Preact's diff touches only what differs, so focus and caret stay where the person is typing.
import { html, render } from './html.js';
import { project } from './project.js';
import { measure } from './measure.js';

/** @typedef {import('./format.js').Formats} Formats */
/** @typedef {import('./measure.js').ImportPanel} ImportPanel */

const MODES = [['project', 'Project the return'], ['measure', 'Judge measured results']];

/**
 * Renders `view` (the view model's `View`) into `root`; in measure mode, with the last import's
 * `imported` view and the import `panel`.
 * @param {ShadowRoot} root @param {import('../pkg/roi_calculator.js').View} view @param {import('../pkg/roi_calculator.js').ImportedView | null} imported
 * @param {ImportPanel} panel @param {Formats} f
 */
export function renderView(root, view, imported, panel, f) {
  render(html`<div class="widget" part="widget" data-mode=${view.mode}>
    <div class="modes" role="group" aria-label="What to do">${MODES.map(([mode, text]) =>
      html`<button type="button" class="mode" data-action=${`mode:${mode}`} aria-pressed=${String(mode === view.mode)}>${text}</button>`)}</div>
    ${view.project ? project(view.project, f) : view.measure && measure(view.measure, imported, panel, f)}
    <section class="board" part="board"><h2>For the board, on one page</h2>
      <dl class="board-items">${view.board.map((part) =>
        [html`<dt data-board=${part.id}>${part.heading}</dt>`, html`<dd>${f.text(part.text)}</dd>`])}</dl>
    </section>
  </div>`, root);
}
