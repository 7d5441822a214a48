// The inputs both modes share: a labelled field addressed by its path (the shell forwards what is typed
// there by `data-path`), a select, a department's card, buttons that name an action (`data-action`).
import { html, kept } from './html.js';
import { svg } from './chart.js';

/** @typedef {import('./format.js').Formats} Formats */
/** @typedef {import('../pkg/roi_calculator.js').Field} Field */
/** @typedef {import('../pkg/roi_calculator.js').Select} Select */
/** @typedef {import('../pkg/roi_calculator.js').DepartmentCard} DepartmentCard */

/** The element id of the field at `path` (`departments[2].name` → `departments-2--name`). @param {string} path */
export const fieldId = (path) => path.replace(/[[\].]/g, '-');

/** An input with its label, note, message and benchmark band. @param {Field} field @param {Formats} f */
export function field(field, f) {
  const id = fieldId(field.path);
  return html`<div class="field" key=${field.path}>
    <label for=${id}>${field.label}</label>
    <input id=${id} data-path=${field.path} inputmode=${field.text ? 'text' : 'decimal'} autocomplete="off"
      aria-describedby=${`${id}-note ${id}-error`} value=${f.piece(field.value)}
      placeholder=${field.placeholder.length ? f.text(field.placeholder) : undefined} readonly=${field.readonly} />
    <span class="note" id=${`${id}-note`}>${f.text(field.note)}</span>
    <span class="error" id=${`${id}-error`} aria-live="polite">${field.error ?? ''}</span>
    ${field.band && html`<span class="band" id=${`${id}-band`}>${svg(field.band, f)}</span>`}
  </div>`;
}

/** A select with its label and message. @param {Select} select */
export function select(select) {
  const id = fieldId(select.path);
  return html`<div class="field" key=${select.path}>
    <label for=${id}>${select.label}</label>
    <select id=${id} data-path=${select.path}>${select.options.map((o) =>
      html`<option value=${o.value} selected=${o.value === select.current}>${o.label}</option>`)}</select>
    <span class="error" id=${`${id}-error`} aria-live="polite">${select.error ?? ''}</span>
  </div>`;
}

/**
 * A button that performs `action` (see `WidgetState::action`) on item `index`, if any.
 * @param {string} text @param {string} className @param {string} action
 * @param {{ index?: number, label?: string }} [options]
 */
export const button = (text, className, action, { index, label } = {}) =>
  html`<button type="button" class=${className} data-action=${action} data-index=${index} aria-label=${label}>${text}</button>`;

/**
 * "Remove" for item `index` of `list`, named by the item's name field, so its accessible name
 * ("Remove Legal") follows a rename. @param {string} list @param {number} index @param {string} namePath
 */
export function removeButton(list, index, namePath) {
  const id = `${fieldId(namePath)}-remove`;
  return html`<button type="button" class="remove" data-action=${`remove:${list}`} data-index=${index} id=${id}
    aria-labelledby=${`${id} ${fieldId(namePath)}`}>Remove</button>`;
}

/**
 * A department's card: legend, name, benchmark, the mode's fields, use cases (project mode), remove.
 * @param {DepartmentCard} card @param {Formats} f
 */
export function departmentCard(card, f) {
  const cases = card.useCases;
  return html`<fieldset class="department" key=${card.index}>
    <legend data-legend=${card.index}>${card.legend}</legend>
    ${field(card.name, f)}${select(card.benchmark)}${card.fields.map((x) => field(x, f))}
    ${cases && html`<div class="use-cases">
      ${cases.rows.map((row, j) => html`<div class="use-case" key=${j}>
        ${row.map((x) => field(x, f))}${removeButton(cases.path, j, row[0].path)}</div>`)}
      ${button('Add a use case', 'add', `add:${cases.path}`, { label: cases.addLabel })}
    </div>`}
    ${card.removable && removeButton('departments', card.index, card.name.path)}
  </fieldset>`;
}

/** The departments' cards and the button that adds one. @param {DepartmentCard[]} cards @param {Formats} f */
export const departmentCards = (cards, f) =>
  [cards.map((card) => kept(card.index, card, departmentCard, f)), button('Add a department', 'add', 'add:departments')];
