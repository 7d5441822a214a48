// A chart the view model laid out (crate/core/src/charts) as SVG beside its text equivalent: the SVG is
// decorative for screen readers, and the figures survive printing in black and white.
import { html } from './html.js';

/** @typedef {import('./format.js').Formats} Formats */
/** @typedef {import('../pkg/roi_calculator.js').Chart} Chart */
/** @typedef {import('../pkg/roi_calculator.js').Shape} Shape */

/** The shapes of `chart` as an SVG. @param {Chart} chart @param {Formats} f */
export function svg(chart, f) {
  return html`<svg viewBox=${`0 0 ${chart.width} ${chart.height}`} aria-hidden="true" focusable="false">
    ${chart.shapes.map((s) => shape(s, f))}</svg>`;
}

/** @param {Shape} s @param {Formats} f */
function shape(s, f) {
  switch (s.shape) {
    case 'line': return html`<polyline class=${s.class} points=${s.points.map((p) => p.join(',')).join(' ')} />`;
    case 'rect': return html`<rect class=${s.class} x=${s.x} y=${s.y} width=${s.width} height=${s.height} />`;
    case 'circle': return html`<circle class=${s.class} cx=${s.cx} cy=${s.cy} r=${s.r} />`;
    default: {
      const number = s.number ? f.label(s.number, true) : '';
      const words = [s.text, number].filter(Boolean).join(' ');
      return html`<text class=${s.class} x=${s.x} y=${s.y} text-anchor=${s.anchor}>${words}</text>`;
    }
  }
}

/** The chart's text equivalent: one line per row, its numbers after a colon. @param {Chart} chart @param {Formats} f */
export function chartText(chart, f) {
  return html`<ul class="chart-text">${chart.rows.map(([text, numbers]) =>
    html`<li>${numbers.length ? `${text}: ${numbers.map((n) => f.label(n, false)).join(' to ')}` : text}</li>`)}</ul>`;
}

/**
 * A chart in its figure: caption, SVG and text equivalent.
 * @param {import('../pkg/roi_calculator.js').KeyedChart} keyed @param {Formats} f @param {boolean} [caption]
 */
export function figure({ key, chart }, f, caption = true) {
  return html`<figure class="chart" data-chart=${key} key=${key}>
    ${caption && html`<figcaption>${chart.title}</figcaption>`}${svg(chart, f)}${caption && chartText(chart, f)}</figure>`;
}
