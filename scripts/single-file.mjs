// Builds dist/roi-calculator.html: the whole calculator in one self-contained HTML file that works
// offline and from file:// (mail it, put it on a USB stick, open it from a shared drive). Run it after
// the release build (scripts/build.sh):   node scripts/single-file.mjs
//
// It takes www/index.html and inlines everything the page loads, changing the scripts as little as it can:
//   - style.css becomes a <style>, the favicon a data: URL, page.js an inline module script (unchanged);
//   - an import map gives each module the page imports a data: URL: './pkg/roi_calculator.js' (the
//     wasm-bindgen glue, unchanged), './roi-calculator.js' and './import-client.js' (the shell), the
//     view's modules. A data: module cannot resolve relative URLs, so in the shell's and the view's text,
//     and only there, each relative import names the map's entry (a bare name), and in the shell's
//     `import.meta.url` becomes `document.baseURI`: its files are "beside the page";
//   - the files the shell asks for beside itself are answered from the page, by URL, before any script
//     runs (`BESIDE`): roi-calculator.css and the two modules' .wasm (held as base64 in data blocks)
//     through `fetch`, and import-worker.js (its import of the import glue pointed at that glue's data:
//     URL; the import client's main-thread fallback imports it through the map)
//     through `Worker`, as a data: URL (Chromium refuses module workers from blob: URLs of a file://
//     page, not from data: URLs). Every other URL goes to the browser as usual.
// Each rewrite must match exactly as often as expected, or the build stops. The result refers to no other
// file and makes no request (tests/browser/offline.test.mjs checks both).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path, encoding = 'utf8') => readFile(join(root, path), encoding);
const base64 = (data) => Buffer.from(data).toString('base64');
const fail = (message) => { console.error(`single-file: ${message}`); process.exit(1); };

/** `text` with every `pattern` replaced, failing unless there were exactly `count` (or, with `count` 0, any). */
function rewrite(text, pattern, replacement, what, count = 1) {
  const found = text.split(pattern).length - 1;
  if (count ? found !== count : found === 0) fail(`expected ${count || 'some'} of ${what}, found ${found}`);
  return text.replaceAll(pattern, () => replacement);
}

/** Inline script text that cannot end its <script> element early or open an HTML comment in it. */
const scriptText = (js) => js.replace(/<(\/?script|!--)/gi, '\\x3C$1');
const dataModule = (js) => `data:text/javascript;base64,${base64(js)}`;

const wasm = await read('pkg/roi_calculator_bg.wasm', null).catch(() => fail('pkg/ is missing: run scripts/build.sh first'));
const importWasm = await read('pkg/roi_import_bg.wasm', null).catch(() => fail('pkg/ is missing: run scripts/build.sh first'));
const [html, style, favicon, shell, client, page, css, worker, glue, importGlue, firstPaint] = await Promise.all([
  read('www/index.html'), read('www/style.css'), read('www/favicon.svg'), read('www/roi-calculator.js'), read('www/import-client.js'),
  read('www/page.js'), read('www/roi-calculator.css'), read('www/import-worker.js'), read('pkg/roi_calculator.js'),
  read('pkg/roi_import.js'), read('www/first-paint.js'),
]);
if (/<\/style/i.test(style)) fail('style.css contains "</style"');

// The view's modules (www/view/ and the renderer beside the glue in pkg/, by their paths on the site) by
// bare names the import map gives data: URLs: each relative import among them (and the shell's) names
// its target so.
const VIEW = ['view/render.js', 'view/html.js', 'view/format.js', 'view/chart.js', 'view/fields.js', 'view/project.js',
  'view/measure.js', 'view/mapper.js', 'pkg/preact.mjs', 'pkg/htm.mjs'];
const named = (from, target) => `roi:${posix.normalize(posix.join(posix.dirname(from), target))}`;
/** `js` (the file at `path` on the site) with its relative imports by bare name. */
const bare = (path, js) => js.replace(/(from\s*|import\s*\(?\s*)'(\.\.?\/[^']+)'/g, (_, lead, target) => `${lead}'${named(path, target)}'`);
const viewModules = Object.fromEntries(await Promise.all(VIEW.map(async (path) =>
  [named('', path), dataModule(bare(path, await read(path.startsWith('pkg/') ? path : `www/${path}`)))])));

const glueUrl = dataModule(glue);
const IMPORT_GLUE = `from './pkg/roi_import.js'`;
const workerModule = rewrite(worker, IMPORT_GLUE, `from ${JSON.stringify(dataModule(importGlue))}`, `the worker's import ${IMPORT_GLUE}`);
const workerData = dataModule(workerModule);
/** A module of the shell (at `path` beside the page) as a data: URL: its imports by bare name, its files beside the page. */
const shellPart = (path, js) => dataModule(rewrite(bare(path, js), 'import.meta.url', 'document.baseURI', `import.meta.url in ${path}`, 0));
const importMap = { imports: {
  ...viewModules,
  [named('', 'pkg/roi_calculator.js')]: glueUrl,
  [named('', 'import-worker.js')]: workerData,
  [named('', 'import-client.js')]: shellPart('import-client.js', client),
  './pkg/roi_calculator.js': glueUrl,
  './roi-calculator.js': shellPart('roi-calculator.js', shell),
} };

// What the shell fetches and starts beside itself, answered from this page.
const BESIDE = `{
  const beside = (name) => new URL(name, document.baseURI).href;
  const urlOf = (resource) => new URL(resource instanceof Request ? resource.url : String(resource), document.baseURI).href;
  const css = ${JSON.stringify(css)};
  const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
  const wasm = (id) => () => new Response(bytes(id), { headers: { 'content-type': 'application/wasm' } });
  const answers = {
    [beside('roi-calculator.css')]: () => new Response(css, { headers: { 'content-type': 'text/css' } }),
    [beside('pkg/roi_calculator_bg.wasm')]: wasm('roi-calculator-wasm'),
    [beside('pkg/roi_import_bg.wasm')]: wasm('roi-import-wasm'),
  };
  const fetchElsewhere = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (resource, options) => {
    const answer = answers[urlOf(resource)];
    return answer ? Promise.resolve(answer()) : fetchElsewhere(resource, options);
  };
  const workerUrl = beside('import-worker.js');
  const NativeWorker = globalThis.Worker;
  globalThis.Worker = class Worker extends NativeWorker {
    constructor(resource, options) {
      super(urlOf(resource) === workerUrl ? ${JSON.stringify(workerData)} : resource, options);
    }
  };
}`;

/** Replaces the one occurrence of `pattern` in `text`, failing loudly when index.html changed shape. */
const once = (text, pattern, replacement, what) => rewrite(text, pattern, replacement, what, 1);

let out = html;
out = once(out, '<link rel="stylesheet" href="style.css">', `<style>\n${style}</style>`, 'the stylesheet link');
out = once(out, '<link rel="preload" href="roi-calculator.css" as="style">', '', 'the widget stylesheet\'s preload (inlined below)');
out = once(out, '<script src="first-paint.js"></script>', `<script>${scriptText(firstPaint)}</script>`, 'the first-paint script');
// The prerendered figures' stylesheet, inside the widget's declarative shadow root.
if (/<\/style/i.test(css)) fail('roi-calculator.css contains "</style"');
out = once(out, '<link rel="stylesheet" href="roi-calculator.css">', `<style>${css}</style>`, 'the prerendered figures\' stylesheet');
out = once(out, '<link rel="icon" href="favicon.svg"', `<link rel="icon" href="data:image/svg+xml;base64,${base64(favicon)}"`, 'the icon link');
out = once(out, '<script type="module" src="roi-calculator.js"></script>', [
  `<script type="importmap">${JSON.stringify(importMap)}</script>`,
  `<script type="application/wasm;base64" id="roi-calculator-wasm">${base64(wasm)}</script>`,
  `<script type="application/wasm;base64" id="roi-import-wasm">${base64(importWasm)}</script>`,
  `<script>${scriptText(BESIDE)}</script>`,
  `<script type="module">import './roi-calculator.js';</script>`,
].join('\n  '), 'the roi-calculator.js script');
out = once(out, '<script type="module" src="page.js"></script>', `<script type="module">\n${scriptText(page)}</script>`, 'the page.js script');

// Nothing may still point at another file: no src or href but data: URLs, no CSS url() or @import.
const outside = [...out.matchAll(/\s(?:src|href)=("[^"]*"|'[^']*'|[^\s>]+)/gi)]
  .filter((m) => !/^["']?data:/.test(m[1])).map((m) => m[0].trim());
if (/url\(|@import/i.test(style + css)) outside.push('a CSS url() or @import');
if (outside.length > 0) fail(`references left: ${outside.join(', ')}`);

await mkdir(join(root, 'dist'), { recursive: true });
const target = join(root, 'dist', 'roi-calculator.html');
await writeFile(target, out);
console.log(`dist/roi-calculator.html: ${(await stat(target)).size} bytes (the modules' ${wasm.length} + ${importWasm.length} bytes as base64), no external reference`);
