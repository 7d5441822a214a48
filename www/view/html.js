// The one renderer of the widget: Preact's keyed diff, written as tagged templates (htm). It builds
// elements with createElement and sets text as text, never markup, so hosts that enforce Trusted Types
// need no policy for it (lit-html's templates would: docs/decisions.md, "The view").
import { Component, h, render } from '../pkg/preact.mjs';
import htm from '../pkg/htm.mjs';

/** A template literal that becomes Preact's virtual DOM. */
export const html = htm.bind(h);
export { render };

/**
 * Whether two values of the view model (plain JSON data) are equal in value.
 * @param {unknown} a @param {unknown} b @returns {boolean}
 */
export function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // @ts-ignore: both are records of the view model's data here
  return keys.every((k) => same(a[k], b[k]));
}

/**
 * @template T
 * @typedef {{ data: T, draw: (data: T, f: import('./format.js').Formats) => import('../pkg/preact.mjs').ComponentChildren, f: import('./format.js').Formats }} KeptProps
 */

/**
 * A part of the screen drawn again only when its data changed in value: each render's view is new
 * (parsed afresh from the engine), so without this every department's card would be rebuilt and
 * diffed on each keystroke although only the typed one changed (docs/decisions.md, "The view").
 * @extends {Component<KeptProps<any>>}
 */
class Kept extends Component {
  /** @param {KeptProps<any>} next */
  shouldComponentUpdate(next) {
    return next.draw !== this.props.draw || next.f !== this.props.f || !same(next.data, this.props.data);
  }

  /** @param {KeptProps<any>} props */
  render({ data, draw, f }) {
    return draw(data, f);
  }
}

/**
 * `draw(data, f)`, kept as it is on screen while `data` and `f` stay the same (`draw` is a function of
 * them alone). @template T @param {string | number} key @param {T} data
 * @param {(data: T, f: import('./format.js').Formats) => import('../pkg/preact.mjs').ComponentChildren} draw @param {import('./format.js').Formats} f
 */
export const kept = (key, data, draw, f) => h(Kept, { key, data, draw, f });
