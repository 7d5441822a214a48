// Transfer sizes of the widget's files and of a peer page's libraries, as a browser would download them
// compressed: gzip at level 9 and brotli at quality 11 (what a static host's precompression gives).
// Used by bench/run.mjs (`make bench`) and by tests/browser/size.test.mjs (the CI size ceilings).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The widget as a host deploys it: the page's module (engine and widget) and its glue, the custom
 *  element's shell and stylesheet — what the first figures need (`first`) — then the import worker and
 *  its module, fetched once the first figures are on screen. */
export const WIDGET_FILES = [
  { path: 'pkg/roi_calculator_bg.wasm', label: 'engine and view model, WebAssembly', first: true },
  { path: 'pkg/roi_calculator.js', label: 'wasm-bindgen glue JS', first: true },
  { path: 'www/roi-calculator.js', label: 'custom element shell JS', first: true },
  { path: 'www/import-client.js', label: 'custom element shell JS: imports', first: true },
  { path: 'www/roi-calculator.css', label: 'widget CSS', first: true },
  ...['render', 'html', 'format', 'chart', 'fields', 'project', 'measure', 'mapper'].map((name) =>
    ({ path: `www/view/${name}.js`, label: `view: ${name}.js`, first: true })),
  { path: 'pkg/preact.mjs', label: 'renderer: Preact', first: true },
  { path: 'pkg/htm.mjs', label: 'renderer: htm templates', first: true },
  { path: 'www/import-worker.js', label: 'import worker JS' },
  { path: 'pkg/roi_import_bg.wasm', label: 'import module, WebAssembly' },
  { path: 'pkg/roi_import.js', label: 'import module glue JS' },
];

/** Every byte the calculator page fetches before its first figures are on screen when it opens the
 *  default scenario, whose figures are prerendered into the page (scripts/prerender.mjs). */
export const FIRST_DOWNLOAD = [
  { path: 'www/index.html', label: 'the page, with the default figures' },
  { path: 'www/style.css', label: 'the page CSS' },
  { path: 'www/first-paint.js', label: 'the first-paint check' },
  { path: 'www/roi-calculator.css', label: 'widget CSS' },
];

/** Every byte the page needs before a share link's first figures are on screen: the page and its
 *  prerendered markup, then the first-figures path (docs/decisions.md, "The first-figures module") —
 *  its script, the widget's number formats and the small module that computes the headline. The page's
 *  full module is fetched after them. */
export const LINK_DOWNLOAD = [
  ...FIRST_DOWNLOAD,
  { path: 'www/first-figures.js', label: 'the first-figures script' },
  { path: 'www/view/format.js', label: 'the number formats' },
  { path: 'pkg/roi_first.js', label: 'the first-figures glue' },
  { path: 'pkg/roi_first_bg.wasm', label: 'the first-figures module' },
];

/** What a peer page — a calculator built on React with Chart.js — would need to download before any of
 *  its own code: the single-file production builds shipped in the npm packages (optionalDependencies). */
export const PEER_FILES = [
  { path: 'node_modules/chart.js/dist/chart.umd.min.js', package: 'chart.js', label: 'Chart.js UMD production build' },
  { path: 'node_modules/react/umd/react.production.min.js', package: 'react', label: 'React UMD production build' },
  { path: 'node_modules/react-dom/umd/react-dom.production.min.js', package: 'react-dom', label: 'ReactDOM UMD production build' },
];

/** { raw, gzip, brotli } in bytes of one file's contents. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** Sizes of the files listed (paths relative to `base`, the repository by default); `missing: true` for
 *  any that is not there. */
export function measure(files, base = ROOT) {
  return files.map((file) => {
    const full = join(base, file.path);
    if (!existsSync(full)) return { ...file, missing: true };
    const entry = { ...file, ...compressedSizes(readFileSync(full)) };
    if (file.package) {
      entry.version = JSON.parse(readFileSync(join(base, 'node_modules', file.package, 'package.json'), 'utf8')).version;
    }
    return entry;
  });
}

/** The sum of raw, gzip and brotli over `entries` (each file compressed on its own, as served). */
export function total(entries) {
  return entries.reduce((sum, e) => ({ raw: sum.raw + e.raw, gzip: sum.gzip + e.gzip, brotli: sum.brotli + e.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
}
