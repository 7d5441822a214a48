// Project mode (the view model's `ProjectView`): results and inputs in two columns a wide widget lays side
// by side, the headline kept in view while any input is edited; a narrow one stacks them under a compact
// summary that stays at the top while the inputs scroll.
import { html } from './html.js';
import { figure } from './chart.js';
import { button, departmentCards, field, removeButton } from './fields.js';

/** @typedef {import('./format.js').Formats} Formats */

/** @param {any} view the `ProjectView` @param {Formats} f */
export function project(view, f) {
  return [
    // The headline in one line, for sight only: screen readers have the headline itself.
    html`<p class="summary" aria-hidden="true" part="summary">${view.summary.map((/** @type {any} */ s) =>
      html`<span><span class="label">${s.label}</span><output data-summary=${s.key}>${s.value ? f.num(s.value) : '—'}</output></span>`)}</p>`,
    html`<div class="results">
      <section class="headline" part="headline"><h2>What training returns</h2>
        <dl class="figures">${view.figures.map((/** @type {any} */ x) => html`<div class="figure">
          <dt title=${f.text(x.definition)}>${x.label}</dt>
          <dd><output data-figure=${x.key} data-value=${x.value ? String(x.value.v) : ''}>${x.value ? f.num(x.value) : '—'}</output></dd>
          <dd class="definition">${f.text(x.definition)}</dd></div>`)}</dl>
        <p class="status" role="status">${view.status}</p>
      </section>
      <section class="charts" part="charts"><h2>Over time, and how sure it is</h2>
        ${view.charts.map((/** @type {any} */ c) => figure(c, f))}</section>
      <section class="assumptions" part="assumptions"><h2>What these figures assume</h2>
        <ul class="assumption-list">${view.assumptions.map((/** @type {any} */ a) => html`<li>${f.text(a)}</li>`)}</ul>
      </section>
    </div>`,
    html`<div class="inputs">
      <section class="departments" part="departments"><h2>Departments</h2>${departmentCards(view.departments, f)}</section>
      <section class="costs" part="costs"><h2>Costs</h2>
        <div class="settings">${view.peopleCosts.map((/** @type {any} */ x) => field(x, f))}</div>
        ${view.costLists.map((/** @type {any} */ list) => html`<fieldset class="cost-list" key=${list.path}>
          <legend>${list.heading}</legend>
          ${list.lines.map((/** @type {any[]} */ [label, amount], /** @type {number} */ i) => html`<div class="cost-line" key=${i}>
            ${field(label, f)}${field(amount, f)}${removeButton(list.path, i, label.path)}</div>`)}
          ${button('Add a line', 'add', `add:${list.path}`, { label: list.addLabel })}
        </fieldset>`)}
      </section>
      <section class="settings-section" part="settings"><h2>Settings</h2>
        <div class="settings">${view.settings.map((/** @type {any} */ x) => field(x, f))}</div></section>
    </div>`,
  ];
}
