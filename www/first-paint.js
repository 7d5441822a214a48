// Runs before the page is first painted (a classic script in <head>): when the page is about to open
// another scenario than the default — a link in the address, or the last scenario kept in this browser —
// the figures prerendered for the default scenario (scripts/prerender.mjs) are hidden until the widget
// has drawn that scenario's own, so no figure on screen is ever one the engine did not give.
(() => {
  let stored = null;
  try {
    stored = globalThis.localStorage?.getItem('roi-calculator:scenario') ?? null;
  } catch {
    // No storage here: the page opens the default scenario, whose figures are the prerendered ones.
  }
  if (location.hash.length > 1 || stored) document.documentElement.dataset.opening = 'scenario';
  // A v2 share link's headline figures come first, from a small module of their own (first-figures.js);
  // the shell fetches the page's full module once they are painted. Not from file:// (the offline file).
  if (location.hash.startsWith('#v2.') && location.protocol !== 'file:') {
    // The small module's download starts here, beside its script's, not after it (a round trip less);
    // its glue too, which first-figures.js imports: fetched now, not once first-figures.js has arrived.
    globalThis.roiFirstModule = fetch('pkg/roi_first_bg.wasm');
    import('./pkg/roi_first.js').catch(() => {});
    globalThis.roiFirstFigures = import('./first-figures.js').then((m) => m.painted, () => false);
  }
})();
