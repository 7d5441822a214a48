// The column mapper (the import module's `MapperView` of a file it did not recognise): what the file
// holds, which column is which — each choice showing the values it would read — and the first rows.
// The shell keeps the choices (`Mapping`) and saves them in the browser for the next file with the same
// columns; selects are addressed by `data-map`, the kind as `kind` and each column by its role.
import { html } from './html.js';
import { button } from './fields.js';

/** @typedef {import('../pkg/roi_import.js').MapperView} MapperView */
/**
 * What the person has chosen so far for one file: its kind, and the header index of each role.
 * @typedef {{ view: MapperView, kind: MapperView['guess'], columns: Record<string, number> }} Mapping
 */

/** The roles of `mapping`'s kind, and the required ones still unchosen. @param {Mapping} mapping */
export function roles(mapping) {
  const chosen = mapping.view.kinds.find((k) => k.kind === mapping.kind) ?? mapping.view.kinds[0];
  const missing = chosen.roles.filter((r) => r.required && mapping.columns[r.name] === undefined).map((r) => r.label);
  return { chosen, missing };
}

/** The mapper of one file. @param {Mapping} mapping */
export function mapper(mapping) {
  const { view, columns } = mapping;
  const { chosen, missing } = roles(mapping);
  /** The first few values column `at` holds. @param {number} at */
  const reads = (at) => view.rows.map((row) => row[at] ?? '').filter(Boolean).slice(0, 3).join(', ');
  return html`<section class="mapper" part="mapper" aria-labelledby="mapper-title">
    <h3 id="mapper-title">Which column is which in ${view.name}?</h3>
    <p class="hint">Its columns were not recognised. Say what the file holds and which column is which; this
      browser keeps the choice for the next file with the same columns.</p>
    <div class="settings">
      <div class="field"><label for="map-kind">The file is</label>
        <select id="map-kind" data-map="kind">${view.kinds.map((k) =>
          html`<option value=${k.kind} selected=${k.kind === chosen.kind}>${k.label}</option>`)}</select></div>
      ${chosen.roles.map((role) => {
        const id = `map-${role.name}`;
        const at = columns[role.name];
        return html`<div class="field" key=${role.name}>
          <label for=${id}>${role.label}${role.required ? '' : ' (optional)'}</label>
          <select id=${id} data-map=${role.name} aria-describedby=${`${id}-reads`}>
            <option value="" selected=${at === undefined}>— none —</option>
            ${view.headers.map((header, i) => html`<option value=${i} selected=${at === i}>${header || `Column ${i + 1}`}</option>`)}
          </select>
          <span class="note" id=${`${id}-reads`}>${at === undefined ? '' : `Reads: ${reads(at) || '(empty in the first rows)'}`}</span>
        </div>`;
      })}
    </div>
    <div class="table-scroll" role="region" aria-label="The first rows" tabindex="0"><table class="preview">
      <caption>The first rows of ${view.name}</caption>
      <thead><tr>${view.headers.map((header) => html`<th scope="col">${header}</th>`)}</tr></thead>
      <tbody>${view.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
    </table></div>
    <p class="map-missing" aria-live="polite">${missing.length ? `Still to choose: ${missing.join(', ')}.` : ''}</p>
    <div class="actions">${button('Read with these columns', 'add', 'import:map')}${button('Skip this file', 'secondary', 'import:map-skip')}</div>
  </section>`;
}
