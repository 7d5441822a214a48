// Project mode (the view model's `ProjectView`): results and inputs in two columns a wide widget lays side
// by side, the headline kept in view while any input is edited; a narrow one stacks them under a compact
// summary that stays at the top while the inputs scroll.
import { html } from './html.js';
import { figure } from './chart.js';
import { button, departmentCards, field, removeButton } from './fields.js';

/** @typedef {import('./format.js').Formats} Formats */

/** @param {import('../pkg/roi_calculator.js').ProjectView} view @param {Formats} f */
export function project(view, f) {
  const [summary, results, inputs] = [
    // The headline in one line, for sight only: screen readers have the headline itself.
    html`<p class="summary" aria-hidden="true" part="summary">${view.summary.map((s) =>
      html`<span><span class="label">${s.label}</span><output data-summary=${s.key}>${s.value ? f.num(s.value) : '—'}</output></span>`)}</p>`,
    html`<div class="results">
      <section class="headline" part="headline"><h2>What training returns</h2>
        <dl class="figures">${view.figures.map((x) => html`<div class="figure">
          <dt title=${f.text(x.definition)}>${x.label}</dt>
          <dd><output data-figure=${x.key} data-value=${x.value ? String(x.value.v) : ''}>${x.value ? f.num(x.value) : '—'}</output></dd>
          <dd class="definition">${f.text(x.definition)}</dd></div>`)}</dl>
        <p class="status" role="status">${view.status}</p>
      </section>
      <section class="charts" part="charts"><h2>Over time, and how sure it is</h2>
        ${view.charts.map((c) => figure(c, f))}</section>
      <section class="assumptions" part="assumptions"><h2>What these figures assume</h2>
        <ul class="assumption-list">${view.assumptions.map((a) => html`<li>${f.text(a)}</li>`)}</ul>
      </section>
    </div>`,
    html`<div class="inputs" data-inputs=${view.quick ? 'quick' : 'all'}>
      <p class="inputs-switch">${view.quick
        ? [html`<span>Quick start: your departments, their people and cost, and the programme's cost.</span>`,
          button('Refine every input', 'secondary', 'inputs:all')]
        : button('Show only the quick start', 'secondary', 'inputs:quick')}</p>
      <section class="departments" part="departments"><h2>Departments</h2>${departmentCards(view.departments, f)}</section>
      <section class="costs" part="costs"><h2>${view.quick ? 'The programme\'s cost' : 'Costs'}</h2>
        ${view.peopleCosts.length > 0 && html`<div class="settings">${view.peopleCosts.map((x) => field(x, f))}</div>`}
        ${view.costLists.map((list) => html`<fieldset class="cost-list" key=${list.path}>
          <legend>${list.heading}</legend>
          ${list.lines.map(([label, amount], i) => html`<div class="cost-line" key=${i}>
            ${field(label, f)}${field(amount, f)}${removeButton(list.path, i, label.path)}</div>`)}
          ${button('Add a line', 'add', `add:${list.path}`, { label: list.addLabel })}
        </fieldset>`)}
        ${view.otherCosts && html`<p class="hint other-costs">${f.text(view.otherCosts)}</p>`}
      </section>
      ${view.settings.length > 0 && html`<section class="settings-section" part="settings"><h2>Settings</h2>
        <div class="settings">${view.settings.map((x) => field(x, f))}</div></section>`}
    </div>`,
  ];
  // A narrow quick start asks first (its summary shows the headline); the full form shows the figures first.
  return view.quick ? [summary, inputs, results] : [summary, results, inputs];
}
