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
  const opening = location.hash.length > 1 || stored;
  if (opening) document.documentElement.dataset.opening = 'scenario';
  // A v2 share link's headline figures come first, from a small module of their own (first-figures.js);
  // the shell fetches the page's full module once they are painted. Not from file:// (the offline file).
  if (location.hash.startsWith('#v2.') && location.protocol !== 'file:') {
    // The small module's download starts here, beside its script's, not after it (a round trip less);
    // so do the two modules first-figures.js imports, its glue and the number formats: fetched now,
    // not once first-figures.js has arrived.
    globalThis.roiFirstModule = fetch('pkg/roi_first_bg.wasm');
    import('./pkg/roi_first.js').catch(() => {});
    import('./view/format.js').catch(() => {});
    globalThis.roiFirstFigures = import('./first-figures.js').then((m) => m.painted, () => false);
  }
  // The page's module is fetched once the first frame is painted (so it cannot hold it up), not only
  // when the shell's modules have all arrived and run: the shell takes the response started here.
  if (!location.hash.startsWith('#v2.') && location.protocol !== 'file:') {
    requestAnimationFrame(() => setTimeout(() => { globalThis.roiPageModule ??= fetch('pkg/roi_calculator_bg.wasm'); }));
  }
  // A scenario other than the default waits for the shell's modules (its figures are the engine's): they
  // are fetched beside the shell rather than one import level after another. The default page's figures
  // are in the HTML and need none of them, so there they are left to the module graph: preloaded, they
  // held its first paint on a desktop (docs/performance-history.md, "2026-12-02, preloads"). Not in the
  // offline file, whose modules are inline. Opening a v2 link, they wait until its first figures are
  // painted, as the page's module does: on a phone they would share its bandwidth with the three files
  // those figures need (a median 1.33 -> 1.15 s in paired runs; docs/performance-history.md).
  const preload = () => {
    for (const href of ['pkg/roi_calculator.js', 'pkg/preact.mjs', 'pkg/htm.mjs', 'view/html.js', 'view/format.js',
      'view/chart.js', 'view/fields.js', 'view/project.js', 'view/measure.js', 'view/mapper.js', 'view/render.js',
      'import-client.js']) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.append(link);
    }
  };
  if (opening && location.protocol !== 'file:') {
    if (globalThis.roiFirstFigures) globalThis.roiFirstFigures.then(preload); else preload();
  }
})();
