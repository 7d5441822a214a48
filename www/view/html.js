// The one renderer of the widget: Preact's keyed diff, written as tagged templates (htm). It builds
// elements with createElement and sets text as text, never markup, so hosts that enforce Trusted Types
// need no policy for it (lit-html's templates would: docs/decisions.md, "The view").
import { h, render } from '../pkg/preact.mjs';
import htm from '../pkg/htm.mjs';

/** A template literal that becomes Preact's virtual DOM. */
export const html = htm.bind(h);
export { render };
