// Measure mode (the view model's `MeasureView`, with the import worker's `ImportedView` of the last
// import): import panel, checkpoint, scorecard and metrics, the return delivered and where the saved time
// went, flags, what the import found, and the departments.
import { html } from './html.js';
import { figure } from './chart.js';
import { button, departmentCards, field, select } from './fields.js';
import { mapper } from './mapper.js';

/** @typedef {import('./format.js').Formats} Formats */
/** @typedef {import('../pkg/roi_calculator.js').Text} Text */
/**
 * What the shell knows of an import under way: its progress (0–1, none when idle), the status line, one
 * line per file read, and the files waiting for their columns or their dates' order to be chosen or for
 * the day they cover to be given (the first of each is asked).
 * A status or file line is the shell's own words, or the import's line whose counts the reader's locale formats.
 * @typedef {{ progress: number | null, status: string | Text, problem: boolean, files: (string | Text)[],
 *   mappings: import('./mapper.js').Mapping[], dates: { name: string, message: string }[], days: DayAsked[],
 *   people: { lists: import('../pkg/roi_import.js').PeopleLists, href: string } | null, minGroupSize?: number }} ImportPanel
 */

/**
 * A file whose rows have no date and whose name gives none, asked which day it covers: the day typed so far
 * (`YYYY-MM-DD`, empty until complete) and whether "Use this day" was pressed without one.
 * @typedef {{ name: string, message: string, day: string, missing: boolean }} DayAsked
 */

const ACCEPT = '.csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json';

/**
 * @param {import('../pkg/roi_calculator.js').MeasureView} view @param {import('../pkg/roi_calculator.js').ImportedView | null} imported the last import's, if any
 * @param {ImportPanel} panel @param {Formats} f
 */
export function measure(view, imported, panel, f) {
  // Beside each other in a wide widget: what was measured (typed or imported) and what it means. A narrow
  // one stacks them: after an import what it means comes first, right under the import (the imported
  // values fill some forty fields a phone would have to scroll past); typed by hand, the fields do.
  const inputs = html`<div class="inputs">
      <section class="checkpoint" part="checkpoint"><h2>Measured results</h2>
        <p class="hint">Enter what you measured at the checkpoint; leave empty what you did not measure.</p>
        <div class="settings">${select(view.checkpoint)}${view.counts.map((x) => field(x, f))}</div>
        <table class="metrics"><caption>Each metric against its target</caption>
          <thead><tr><th scope="col">Metric</th><th scope="col">Target</th><th scope="col">Status</th></tr></thead>
          <tbody>${view.metrics.map((m) => html`<tr key=${m.key}>
            <td>${m.field ? field(m.field, f) : m.label}</td>
            <td class="target" data-target=${m.key}>${f.text(m.target)}</td>
            <td class="rag" data-status=${m.key} data-rag=${m.rag}>${f.text(m.status)}</td></tr>`)}</tbody>
        </table>
      </section>
      <section class="departments" part="departments"><h2>Departments</h2>
        <p class="adoption" role="status">${view.adoption}</p>${departmentCards(view.departments, f)}</section>
    </div>`;
  const results = html`<div class="results">
      <section class="scorecard" part="scorecard"><h2>Scorecard</h2>
        <dl class="figures">${view.scorecard.map((x) => html`<div class="figure"><dt>${x.label}</dt>
          <dd><output data-score=${x.key}>${x.value ? f.num(x.value) : '—'}</output></dd></div>`)}</dl>
        <p class="status" role="status">${view.status}</p>
      </section>
      ${realised(view.realised, f)}
      ${imported && imported.reinvested.length > 0 && html`<section class="reinvested" part="reinvested"><h2>Where the saved time went</h2>
        ${shares('reinvested-list', imported.reinvested, f)}</section>`}
      <section class="flags" part="flags"><h2>What to do next</h2>
        <ol class="flag-list">${view.flags.map((x) => x.severity === 'none'
          ? html`<li class="flag none">${x.about}</li>`
          : html`<li class=${`flag ${x.severity}`}><strong>${x.about}</strong>${x.advice.map((a) =>
            html`<p>${a.diagnosis}</p><p class="action">${a.action}</p>`)}</li>`)}</ol>
      </section>
    </div>`;
  return [importPanel(imported, panel, f), ...(imported ? [results, inputs] : [inputs, results]), imported && found(imported, f)];
}

/** The drop zone, sample data, progress with cancel, what each file held, and the last import's notes. */
function importPanel(/** @type {import('../pkg/roi_calculator.js').ImportedView | null} */ imported, /** @type {ImportPanel} */ panel,
  /** @type {Formats} */ f) {
  const line = (/** @type {string | Text} */ t) => (typeof t === 'string' ? t : f.text(t));
  return html`<section class="import" part="import"><h2>Import what you measured</h2>
    <p class="hint">Drop your roster, usage export and pulse-survey CSV files here, or choose them. They are read in this browser and never leave it.</p>
    <div class="dropzone">
      <label class="file-label">Choose CSV files<input type="file" multiple accept=${ACCEPT} /></label>
      ${button('Try with sample data', 'secondary', 'import:sample')}
    </div>
    <div class="import-progress" hidden=${panel.progress === null}>
      <progress max="1" value=${panel.progress ?? 0} aria-label="Import progress"></progress>
      ${button('Cancel import', 'secondary', 'import:cancel')}
    </div>
    <p class="import-status" role="status" data-problem=${String(panel.problem)}>${line(panel.status)}</p>
    <ul class="import-files">${panel.files.map((l) => html`<li>${line(l)}</li>`)}</ul>
    ${panel.mappings.length > 0 && mapper(panel.mappings[0])}
    ${panel.dates.length > 0 && html`<section class="mapper dates-question" part="dates" aria-labelledby="dates-title">
      <h3 id="dates-title">Which way round are the dates in ${panel.dates[0].name}?</h3>
      <p>${panel.dates[0].message}</p>
      <div class="actions">${button('Day first', 'add', 'import:dates:dmy')}${button('Month first', 'add', 'import:dates:mdy')}${button('Skip this file', 'secondary', 'import:dates:skip')}</div>
    </section>`}
    ${panel.days.length > 0 && dayQuestion(panel.days[0])}
    ${imported && html`<div class="privacy">
      <label>Hide the figures of groups of fewer than
        <select data-setting="min-group-size">${[3, 5, 10, 20].map((n) => html`<option value=${n} selected=${n === panel.minGroupSize}>${n} people</option>`)}</select>
      </label>
      ${button(panel.people ? 'Hide the list of people' : 'List the people measured', 'secondary', 'import:people')}
    </div>`}
    ${panel.people && people(panel.people)}
    ${imported?.notes.map((note) => html`<p class="import-note">${note}</p>`)}
    ${imported?.problems && html`<details class="import-problems"><summary>${imported.problems[0]}</summary>
      <ol>${imported.problems[1].map((line) => html`<li>${line}</li>`)}</ol></details>`}
  </section>`;
}

/** Which day the file `asked` covers: a labelled date and "Use this day" or "Skip this file". */
function dayQuestion(/** @type {DayAsked} */ asked) {
  return html`<section class="mapper day-question" part="day" aria-labelledby="day-title">
    <h3 id="day-title">Which day does ${asked.name} cover?</h3>
    <p id="day-why">${asked.message}</p>
    <div class="settings"><div class="field"><label for="file-day">The day it covers</label>
      <input id="file-day" type="date" data-setting="file-day" value=${asked.day} required
        aria-invalid=${String(asked.missing)} aria-describedby="day-why day-enter day-missing" />
      <span class="note" id="day-enter">Enter uses this day.</span></div></div>
    <p class="map-missing" id="day-missing" aria-live="polite">${asked.missing ? 'Choose the day first.' : ''}</p>
    <div class="actions">${button('Use this day', 'add', 'import:day')}${button('Skip this file', 'secondary', 'import:day-skip')}</div>
  </section>`;
}

/** The checkpoint's people by name, on request only: three lists of the first 20 and everyone as a CSV download. */
function people(/** @type {NonNullable<ImportPanel['people']>} */ { lists, href }) {
  const row = (/** @type {import('../pkg/roi_import.js').PersonRow} */ p) => html`<tr><th scope="row">${p.user}</th><td>${p.department}</td>
    <td>${p.sessions}</td><td>${p.hoursSaved ?? '—'}</td></tr>`;
  const list = (/** @type {string} */ title, /** @type {string} */ part, /** @type {import('../pkg/roi_import.js').PersonRow[]} */ rows) => rows.length > 0 && html`
    <div class="table-scroll" role="region" tabindex="0" aria-label=${title}><table class=${part}><caption>${title}</caption>
      <thead><tr><th scope="col">Person</th><th scope="col">Department</th><th scope="col">Sessions</th><th scope="col">Hours saved</th></tr></thead>
      <tbody>${rows.map(row)}</tbody></table></div>`;
  return html`<section class="people-lists" part="people" aria-labelledby="people-title">
    <h3 id="people-title" tabindex="-1">People at day ${lists.checkpointDay}</h3>
    <p class="hint">Names stay in this browser: they are not in links, the board report or the measurements.</p>
    ${list('Most sessions in their window', 'most-sessions', lists.mostSessions)}
    ${list('Most hours saved', 'most-hours', lists.mostHours)}
    ${list(`Trained, no session in their window (${lists.noSessionCount} in all)`, 'no-session', lists.noSession)}
    <a class="button secondary" href=${href} download=${`people-day-${lists.checkpointDay}.csv`}>Download everyone as CSV</a>
  </section>`;
}

/** The return delivered, beside what was projected, and the action that carries it into the projection. */
function realised(/** @type {import('../pkg/roi_calculator.js').RealisedView} */ r, /** @type {Formats} */ f) {
  return html`<section class="realised" part="realised"><h2>The return delivered</h2>
    <p class="realised-words" aria-live="polite">${f.text(r.words)}</p>
    <dl class="figures">${r.figures.map((x) => html`<div class="figure"><dt>${x.label}</dt>
      <dd><output data-realised=${x.key} data-value=${x.value ? String(x.value.v) : ''}>${x.value ? f.num(x.value) : '—'}</output></dd>
      <dd class="definition" data-projected=${x.key}>${f.text(x.definition)}</dd></div>`)}</dl>
    ${r.chart && figure(r.chart, f)}
    <ul class="realised-notes note">${r.notes.map((n) => html`<li>${f.text(n)}</li>`)}</ul>
    <div class="actions">${r.canApply && button('Use what was measured in the projection', 'add', 'realised:apply')}
      ${r.canUndo && button('Undo: back to the projection as it was', 'remove', 'realised:undo')}</div>
  </section>`;
}

/**
 * A table of figures in a region that scrolls sideways, reachable by keyboard. In a narrow widget each row
 * stacks into a card, every figure under its column's name (`.cell-label`, shown only there).
 */
function table(/** @type {string} */ label, /** @type {string} */ className, /** @type {string} */ caption,
  /** @type {string[]} */ headings, /** @type {import('../pkg/roi_calculator.js').Row[]} */ rows, /** @type {Formats} */ f) {
  return html`<div class="table-scroll stacks" role="region" aria-label=${label} tabindex="0"><table class=${className}>
    <caption>${caption}</caption>
    <thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr><th scope="row">${row.head}</th>${row.cells.map((cell, i) =>
      html`<td data-rag=${row.rag?.[i] || undefined}><span class="cell-label" aria-hidden="true">${headings[i + 1]}</span>${f.text(cell)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}

/** What the last import found: the trend, each checkpoint, the departments weakest first, the usage-intensity groups,
 * the control cohort, the tasks. (Where the saved time went stands beside the return delivered.) */
function found(/** @type {import('../pkg/roi_calculator.js').ImportedView} */ imported, /** @type {Formats} */ f) {
  const { trend, cohorts } = imported;
  return [
    trend && html`<section class="trend" part="trend"><h2>The last 13 weeks</h2>${figure(trend, f, false)}
      ${table('Week by week', 'trend-table', 'Week by week', ['Week', 'Weekly active', 'Sessions per active user', 'Satisfaction'], imported.weeks, f)}</section>`,
    imported.timeline.length > 1 && html`<section class="timeline" part="timeline"><h2>Checkpoint by checkpoint</h2>
      ${table('Checkpoint by checkpoint', 'timeline-table', 'The same files measured at each checkpoint they reach',
        ['Checkpoint', 'People measured', 'Weekly active', 'Active use (3+)', 'Hours saved', 'Satisfaction'], imported.timeline, f)}</section>`,
    imported.departments.length > 0 && html`<section class="breakdown" part="breakdown"><h2>Departments, weakest first</h2>
      ${table('Departments, weakest first', 'breakdown-table', 'Measured at the checkpoint, from the imported files',
        ['Department', 'People', 'Weekly active', 'Active use (3+)', 'Sessions a week', 'Hours saved', 'Satisfaction'], imported.departments, f)}</section>`,
    imported.intensity.length > 0 && html`<section class="intensity" part="intensity"><h2>Power users and laggards</h2>
      ${table('People by sessions in their window', 'intensity-table', 'People by sessions in their window at the checkpoint',
        ['Who', 'No session', '1–2 sessions', '3–4 sessions', '5 or more'], imported.intensity, f)}</section>`,
    cohorts && html`<section class="cohorts" part="cohorts"><h2>Trained against not yet trained</h2>
      <p>${cohorts.intro}</p>
      <ul class="cohort-figures">${cohorts.lines.map((line) => html`<li>${f.text(line)}</li>`)}</ul>
      <p>${f.text(cohorts.conclusion)}</p>
      ${cohorts.attribution != null && button(`Use ${f.num({ v: cohorts.attribution, u: 'share' })} as the attribution`, 'secondary', 'import:attribution')}
    </section>`,
    imported.tasks.length > 0 && html`<section class="tasks" part="tasks"><h2>What people use it for</h2>
      ${shares('task-list', imported.tasks, f)}</section>`,
  ];
}

/** Categories by their share of the answers, in words and as bars (the bar repeats the words, so is hidden from assistive technology). */
function shares(/** @type {string} */ className, /** @type {import('../pkg/roi_calculator.js').Share[]} */ list, /** @type {Formats} */ f) {
  return html`<ul class=${`shares ${className}`}>${list.map((t) => html`<li><span>${f.text(t.text)}</span>
    <meter min="0" max="1" value=${t.share} aria-hidden="true"></meter></li>`)}</ul>`;
}
