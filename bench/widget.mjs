// Times the widget in headless Chromium on the release build, as a person meets it:
//   - navigation to the first figures on screen, cache disabled, for the default page (whose figures are
//     prerendered into the HTML: timed at first-contentful-paint, checked to show them) and for a share
//     link of a five-department scenario (drawn by the widget: timed to its `roi-ready` mark and the paint
//     after it); on a desktop (localhost, unthrottled, uncompressed) and on an emulated phone (Lighthouse's
//     mobile preset through the DevTools protocol, served gzipped); with `floor`, each load is paired with
//     one of a plain static page of the same byte size on the same server, the least any page that
//     downloads as much could take;
//   - keystroke to updated figures with 5 and with 50 departments: 200 edits of a field, each an `input`
//     event handled synchronously, timed from dispatch to the figures being in the DOM.
//
//   node bench/widget.mjs        (after scripts/build.sh; `make bench-widget` does both)
//
// `firstRender`, `phone` and `keystrokes` are what bench/run.mjs (`make bench`) calls, with a browser
// from tests/browser/chromium.mjs's `launch()`.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { duration, quantile, summary } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the floor pages are written for the duration of a run: pkg/ is served by scripts/serve.mjs too,
 *  so a floor comes from the same server, with the same headers, as the widget (bench/run.mjs serves a
 *  copy of the build, named by ROI_SERVE_ROOT, so the floors are written there, not into pkg/ itself). */
const floorFile = (name) => join(process.env.ROI_SERVE_ROOT ?? root, 'pkg', name);

/** Lighthouse's mobile preset ("slow 4G" and a mid-range phone): 150 ms round trip, 1.6 Mbit/s down,
 *  750 kbit/s up, the CPU 4× slower, a 412 × 823 screen at 1.75 device pixels per CSS pixel. */
export const PHONE = {
  latency: 150,
  downloadThroughput: 1_638_400 / 8,
  uploadThroughput: 750 * 1024 / 8,
  cpuSlowdown: 4,
  screen: { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true },
};

/** The five departments of the share link: benchmarks from the built-in list, with people and costs. */
const LINK_DEPARTMENTS = [
  { benchmark: 'engineering', headcount: 40, annualCost: 160_000 },
  { benchmark: 'sales', headcount: 120, hourlyCost: 55 },
  { benchmark: 'marketing', headcount: 25, annualCost: 110_000 },
  { benchmark: 'finance', headcount: 18, hourlyCost: 70 },
  { benchmark: 'legal', headcount: 9, annualCost: 190_000 },
];

/**
 * A share link of a five-department scenario, the v2 link the page writes (www/page.js's linkText, in the
 * page of the server): the default scenario with the departments above. Resolves to `{ hash, roiPercent,
 * scenario }`, the fragment and the engine's net ROI for it, against which the figure drawn is checked.
 */
export async function shareLink(browser, origin = browser.origin) {
  const page = await browser.context.newPage();
  // The page itself, so the link is the v2 link its "Copy link" writes (www/page.js's linkText).
  await page.goto(`${origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  const made = await page.evaluate(async (departments) => {
    const engine = await import('/pkg/roi_calculator.js');
    const { linkText } = await import('/page.js');
    const scenario = engine.defaultScenario();
    const labels = Object.fromEntries(engine.benchmarks().benchmarks.map((b) => [b.key, b.label]));
    scenario.departments = departments.map((d) => ({ name: labels[d.benchmark], ...d }));
    return { hash: await linkText(scenario), roiPercent: engine.evaluate(scenario).annual.roiPercent, scenario };
  }, LINK_DEPARTMENTS);
  await page.close();
  return made;
}

/**
 * What runs in every timed page before its first byte of HTML is parsed: a requestAnimationFrame probe.
 * In each frame until the figures are on screen it records whether the net ROI figure
 * (output[data-figure="roiPercent"] in the widget's shadow root) is in the DOM, visible (computed
 * visibility and display, and a box) and styled (the widget's stylesheet loaded into its shadow root),
 * and whether it is still the prerendered one. The first frame that shows it, the first frame after the
 * widget's `roi-ready` mark, and (on a floor page) the first frame after the floor's own mark each queue a
 * task from that frame's rAF callback, which runs once the frame has been painted: its time is
 * `figuresPainted`, `readyPainted` or `floorPainted`, and it sets the mark of the same name.
 */
function probe() {
  const frames = [];
  const state = { frames, figuresPainted: null, readyPainted: null, floorPainted: null, readyState: null };
  /** The files fetched by `until` ms, by resource timing: bytes on the wire (the body) and decoded. */
  state.files = (until) => {
    const [navigation] = performance.getEntriesByType('navigation');
    const resources = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= until);
    const files = [navigation, ...resources].map((r) => ({ url: new URL(r.name).pathname, bytes: r.encodedBodySize, raw: r.decodedBodySize,
      start: Math.round(r.startTime), end: Math.round(r.responseEnd) }));
    return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), raw: files.reduce((sum, f) => sum + f.raw, 0) };
  };
  globalThis.__bench = state;
  const look = () => {
    const host = document.querySelector('roi-calculator');
    const root = host?.shadowRoot;
    const out = root?.querySelector('output[data-figure="roiPercent"]');
    if (!out) return { present: false, visible: false, styled: false };
    const style = getComputedStyle(out);
    const link = root.querySelector('link[rel="stylesheet"]');
    return {
      present: true,
      visible: style.visibility === 'visible' && style.display !== 'none' && out.getClientRects().length > 0,
      styled: root.adoptedStyleSheets.length > 0 || (link?.sheet?.cssRules.length ?? 0) > 0,
      prerendered: !!root.querySelector('[data-prerendered]') && host.dataset.ready === undefined,
      value: out.dataset.value ?? null,
      text: out.textContent,
    };
  };
  const after = (key) => {
    state[key] = 'pending';
    setTimeout(() => { state[key] = performance.now(); performance.mark(key); });
  };
  const frame = (t) => {
    if (performance.getEntriesByName('floor-ready').length > 0) {
      after('floorPainted');
      return;
    }
    // A page opening a link is ready when its first figures are the link's: painted by the first-figures
    // module (www/first-figures.js marks `roi-first-figures`), or else when the widget shows the link's
    // scenario (page.js sets data-opened) — not at the widget's first start, which may be the defaults'
    // drawn unseen.
    const opening = document.documentElement.dataset.opening !== undefined;
    const first = performance.getEntriesByName('roi-first-figures').length > 0;
    const ready = (opening && first) || (performance.getEntriesByName('roi-ready').length > 0
      && (!opening || !!document.querySelector('roi-calculator')?.hasAttribute('data-opened')));
    const seen = state.figuresPainted === null || (ready && state.readyPainted === null) ? look() : null;
    if (seen) frames.push({ t, ready, ...seen });
    if (seen && state.figuresPainted === null && seen.visible && seen.styled) after('figuresPainted');
    if (ready && state.readyPainted === null) {
      state.readyState = seen;
      after('readyPainted');
    }
    if (state.figuresPainted === null || state.readyPainted === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** A new tab with the HTTP cache disabled, and on `phone` the phone's network, CPU and screen. */
async function tab(browser, phone) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (phone) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: phone.latency, downloadThroughput: phone.downloadThroughput, uploadThroughput: phone.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: phone.cpuSlowdown });
    await cdp.send('Emulation.setDeviceMetricsOverride', phone.screen);
  }
  await page.addInitScript(probe);
  return page;
}

/**
 * One load of the default page. Its figures are in the HTML; they are on screen from the first frame
 * whose probe finds the prerendered net ROI figure visible and styled: the time is that frame's paint
 * (`figuresPainted`). Also whether the first contentful paint already showed them (`atFcp`: the last
 * probe frame at or before it), and the widget's `roi-ready` (it has taken the figures over: editable).
 */
async function defaultLoad(browser, origin, phone) {
  const page = await tab(browser, phone);
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => globalThis.__bench && typeof __bench.figuresPainted === 'number'
    && typeof __bench.readyPainted === 'number' && performance.getEntriesByName('first-contentful-paint').length > 0,
  null, { polling: 100, timeout: 120_000 });
  const result = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const atFcp = __bench.frames.filter((f) => f.t <= fcp).at(-1) ?? null;
    const first = __bench.frames.find((f) => f.visible && f.styled);
    const ms = __bench.figuresPainted;
    return {
      ms, fcp, atFcp, inFirstPaint: !!(atFcp?.present && atFcp.visible && atFcp.styled && atFcp.prerendered),
      verified: !!(first?.prerendered && first.value !== null),
      seen: first,
      ready: performance.getEntriesByName('roi-ready')[0].startTime, readyPainted: __bench.readyPainted,
      ...__bench.files(ms),
    };
  });
  await page.close();
  return result;
}

/**
 * One load of a share link: the prerendered figures are hidden (first-paint.js) until the first
 * figures are the link's: written into them by the first-figures module (www/first-figures.js, its
 * `roi-first-figures` mark), or, where that path refuses the link, the widget's, drawn once the page's
 * module has run (its `roi-ready` mark). Timed to the paint after the mark.
 * Checked: at that frame the net ROI figure is visible and is the engine's for the link's scenario.
 */
async function linkLoad(browser, origin, phone, link) {
  const page = await tab(browser, phone);
  await page.goto(`${origin}/#${link.hash}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => typeof globalThis.__bench?.readyPainted === 'number', null, { polling: 100, timeout: 120_000 });
  const result = await page.evaluate((expected) => {
    const seen = __bench.readyState;
    const ms = __bench.readyPainted;
    return {
      ms, ready: (performance.getEntriesByName('roi-first-figures')[0] ?? performance.getEntriesByName('roi-ready')[0]).startTime,
      first: performance.getEntriesByName('roi-first-figures').length > 0,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      // The first figures are written into the prerendered markup: checked by their value, the link's.
      verified: !!(seen?.visible && seen.styled && (!seen.prerendered || performance.getEntriesByName('roi-first-figures').length > 0) && Math.abs(Number(seen.value) - expected) < 1e-6 * Math.max(1, Math.abs(expected))),
      seen,
      ...__bench.files(ms),
    };
  }, link.roiPercent);
  await page.close();
  return result;
}

/** One load of a floor page: ms to the paint of the first frame after its mark (set by an inline
 *  script after the blob and a heading: every byte has arrived and been parsed), timed by the same probe
 *  as the widget's figures; and its first contentful paint. */
async function floorLoad(browser, origin, phone, name) {
  const page = await tab(browser, phone);
  await page.goto(`${origin}/pkg/${name}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => typeof globalThis.__bench?.floorPainted === 'number'
    && performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 120_000 });
  const result = await page.evaluate(() => ({
    ms: __bench.floorPainted,
    fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    mark: performance.getEntriesByName('floor-ready')[0].startTime,
    bytes: performance.getEntriesByType('navigation')[0].encodedBodySize,
  }));
  await page.close();
  return result;
}

/**
 * A static HTML page: a blob of base64 text in an inert script element, a heading and a mark. Of exactly
 * `bytes` bytes; with `gzipped`, sized instead so that its gzip -9 is about `bytes` (within 0.5%), for
 * a server that compresses.
 */
export function floorPage(bytes, { gzipped = false } = {}) {
  const head = '<!doctype html><meta charset="utf-8"><title>floor</title><script type="application/octet-stream">';
  const tail = '</script><h1>floor</h1><script>performance.mark("floor-ready")</script>\n';
  const make = (size) => {
    const fill = Math.max(0, Math.round(size) - head.length - tail.length);
    return head + randomBytes(Math.ceil(fill * 0.75) + 3).toString('base64').slice(0, fill) + tail;
  };
  if (!gzipped) return make(bytes);
  let size = bytes / 0.76;
  let page = make(size);
  for (let i = 0; i < 6; i++) {
    const got = gzipSync(page, { level: 9 }).length;
    if (Math.abs(got - bytes) <= bytes * 0.005) break;
    size *= bytes / got;
    page = make(size);
  }
  return page;
}

/** How many traced loads of the default page and of its floor `firstFigures` makes on the desktop. */
const TRACED = 5;

/** The main thread's work the traced loads add up (trace event names of Chromium's `devtools.timeline`). */
const WORK = {
  parse: ['ParseHTML'], script: ['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall'],
  style: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'], layout: ['Layout'], paint: ['Paint', 'PrePaint', 'Layerize'],
};

/**
 * Where a load's main thread spends its time until the first contentful paint: one traced load (cache
 * disabled, a fresh tab) of `path` on `origin`, its top-level trace events summed by kind (WORK), in ms,
 * and within Layout the font lookups (`FontCache::GetFontPlatformData`, one for each font family, weight,
 * style and size first met; on Linux each asks the browser process for the font). Resolves to
 * `{ fcp, parse, script, style, layout, paint, fonts, fontLookups, firstPaintScript, modules }`.
 */
export async function mainThread(browser, origin, path) {
  const page = await tab(browser, null);
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,blink.user_timing,loading,fonts', transferMode: 'ReportEvents' });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50 });
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.frame === fcp?.args?.frame && e.ts <= fcp.ts);
  const main = events.filter((e) => e.ph === 'X' && e.tid === fcp?.tid && e.ts >= (start?.ts ?? 0) && e.ts <= (fcp?.ts ?? 0));
  const out = { fcp: fcp && start ? (fcp.ts - start.ts) / 1000 : null };
  // The outermost events of each kind (a function call inside a script's evaluation counts once).
  const outermost = (list) => list.filter((e) => !list.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
  const of = (names) => outermost(main.filter((e) => names.includes(e.name)));
  for (const [kind, names] of Object.entries(WORK)) out[kind] = of(names).reduce((n, e) => n + e.dur / 1000, 0);
  // Of the scripts, the classic first-paint.js (it runs before the parser goes on) and the modules.
  const scripts = of(WORK.script);
  out.firstPaintScript = scripts.filter((e) => /\/first-paint\.js$/.test(e.args?.data?.url ?? '')).reduce((n, e) => n + e.dur / 1000, 0);
  out.modules = out.script - out.firstPaintScript;
  // Each lookup is traced twice, nested: counted once.
  const outer = of(['FontCache::GetFontPlatformData']);
  out.fonts = outer.reduce((n, e) => n + e.dur / 1000, 0);
  out.fontLookups = outer.length;
  return out;
}

/**
 * Navigation to the first figures on screen, cache disabled, for the default page and for a share link
 * of a five-department scenario: one untimed load of each, then `loads` timed ones. With `floor`, each
 * load is followed by one of a floor page sized to what that page had fetched by its first figures.
 * `phone`: PHONE's emulation (or none: a desktop); `origin`: the server (bench/run.mjs gives the phone a
 * gzipping one); `gzipped`: that server compresses, so the floors are sized by their gzipped bytes.
 * Resolves to `{ default, link, hash }`, each `{ widget, floor, ratios, bytes, files, verified, samples, … }`.
 */
export async function firstFigures(browser, { loads = 25, floor = true, phone = null, origin = browser.origin, gzipped = false, log = () => {} } = {}) {
  const link = await shareLink(browser, origin);
  const prefix = phone ? 'bench-floor-phone' : 'bench-floor';
  const cases = {
    default: { run: () => defaultLoad(browser, origin, phone), floorName: `${prefix}-default.html` },
    link: { run: () => linkLoad(browser, origin, phone, link), floorName: `${prefix}-link.html` },
  };
  for (const c of Object.values(cases)) {
    c.first = await c.run();
    c.samples = [];
    c.floorSamples = [];
    if (floor) {
      await writeFile(floorFile(c.floorName), floorPage(c.first.bytes, { gzipped }));
      await floorLoad(browser, origin, phone, c.floorName);
    }
  }
  try {
    for (let i = 0; i < loads; i++) {
      for (const c of Object.values(cases)) {
        c.samples.push(await c.run());
        if (floor) c.floorSamples.push(await floorLoad(browser, origin, phone, c.floorName));
      }
      log(i + 1, loads);
    }
    // On the desktop, where the default page's main thread goes before its first paint, and its floor's.
    if (floor && !phone) {
      const traced = { page: [], floor: [] };
      for (let i = 0; i < TRACED; i++) {
        traced.page.push(await mainThread(browser, origin, '/'));
        traced.floor.push(await mainThread(browser, origin, `/pkg/${cases.default.floorName}`));
      }
      const median = (list) => Object.fromEntries(Object.keys(list[0]).map((k) => [k, quantile(list.map((x) => x[k] ?? 0).sort((a, b) => a - b), 0.5)]));
      cases.default.mainThread = { loads: TRACED, page: median(traced.page), floor: median(traced.floor) };
    }
  } finally {
    if (floor) for (const c of Object.values(cases)) await rm(floorFile(c.floorName), { force: true });
  }
  const out = { hash: link.hash, roiPercent: link.roiPercent, departments: link.scenario.departments.length, phone, gzipped };
  for (const [key, c] of Object.entries(cases)) {
    const ms = c.samples.map((s) => s.ms);
    out[key] = {
      widget: summary(ms),
      floor: floor ? summary(c.floorSamples.map((s) => s.ms)) : null,
      floorBytes: floor ? c.floorSamples[0]?.bytes ?? null : null,
      ratios: floor ? ms.map((m, i) => m / c.floorSamples[i].ms) : null,
      ready: summary(c.samples.map((s) => s.ready)),
      fcp: summary(c.samples.map((s) => s.fcp).filter((x) => x !== null)),
      floorFcp: floor ? summary(c.floorSamples.map((s) => s.fcp)) : null,
      verified: c.samples.filter((s) => s.verified).length,
      inFirstPaint: key === 'default' ? c.samples.filter((s) => s.inFirstPaint).length : null,
      mainThread: c.mainThread ?? null,
      bytes: c.first.bytes,
      raw: c.first.raw,
      files: c.first.files,
      check: c.first.seen,
      samples: { widget: ms, floor: floor ? c.floorSamples.map((s) => s.ms) : null, ready: c.samples.map((s) => s.ready),
        bytes: c.samples.map((s) => s.bytes), fcp: c.samples.map((s) => s.fcp),
        timeline: c.samples.map((s) => s.files.map((f) => [f.url, f.start, f.end])) },
    };
  }
  return out;
}

/** On the desktop: localhost, unthrottled, served as stored (uncompressed). */
export const firstRender = (browser, options = {}) => firstFigures(browser, { ...options, phone: null });

/** On the emulated phone (PHONE), from `origin`, a server that gzips like a static host. */
export const phone = (browser, origin, options = {}) => firstFigures(browser, { loads: 9, ...options, phone: PHONE, origin, gzipped: true });

/**
 * Keystroke to updated figures: `rounds` fresh pages, each given a scenario of `departments` departments
 * (cycling through five benchmarks, people and hourly costs varying) and `draws` Monte Carlo draws
 * through the element's `scenario` property, then 20 untimed edits of the third department's people and
 * `edits` timed ones. Resolves to `{ all, rounds, edits, draws, departments }` in ms.
 */
export async function keystrokes(browser, { rounds = 1, edits = 200, draws = 10_000, departments = 5 } = {}) {
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const page = await browser.context.newPage();
    await page.goto(`${browser.origin}/`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    await page.evaluate(({ draws, departments }) => {
      const calculator = document.querySelector('roi-calculator');
      const scenario = calculator.scenario;
      const benchmarks = ['engineering', 'sales', 'marketing', 'finance', 'legal'];
      scenario.uncertainty.draws = draws;
      scenario.departments = Array.from({ length: departments }, (_, i) => ({
        name: `Department ${i + 1}`, benchmark: benchmarks[i % benchmarks.length], headcount: 20 + (i * 7) % 90, hourlyCost: 45 + (i * 5) % 60,
      }));
      calculator.scenario = scenario;
    }, { draws, departments });
    await page.waitForFunction(({ draws, departments }) => {
      const calculator = document.querySelector('roi-calculator');
      return calculator.scenario.uncertainty.draws === draws && calculator.scenario.departments.length === departments
        && calculator.shadowRoot.querySelector(`[data-path="departments[${departments - 1}].headcount"]`);
    }, { draws, departments });
    perRound.push(await page.evaluate((edits) => {
      const root = document.querySelector('roi-calculator').shadowRoot;
      const input = root.querySelector('[data-path="departments[2].headcount"]');
      const figure = root.querySelector('[data-figure="roiPercent"]');
      const times = [];
      for (let i = 0; i < edits + 20; i++) {
        const start = performance.now();
        input.value = String(100 + (i % 50));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (!figure.textContent) throw new Error('no figure');
        if (i >= 20) times.push(performance.now() - start);
      }
      return times;
    }, edits));
    await page.close();
  }
  const all = perRound.flat().sort((a, b) => a - b);
  return {
    all: { n: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: all.at(-1) },
    rounds: perRound.map((t) => { const s = [...t].sort((a, b) => a - b); return { p50: quantile(s, 0.5), p95: quantile(s, 0.95) }; }),
    edits, draws, departments,
  };
}

async function main() {
  const { launch } = await import('../tests/browser/chromium.mjs');
  const { start } = await import('../scripts/serve.mjs');
  const browser = await launch();
  const gzipServer = await start(0, { gzip: true });
  try {
    const desk = await firstRender(browser, { loads: 15 });
    const mobile = await phone(browser, `http://127.0.0.1:${gzipServer.address().port}`, { loads: 7 });
    const five = await keystrokes(browser);
    const fifty = await keystrokes(browser, { departments: 50 });
    console.log('widget in headless Chromium (release build)');
    for (const [name, r] of [['desktop', desk], ['phone', mobile]]) {
      for (const key of ['default', 'link']) {
        const c = r[key];
        console.log(`${name}, ${key === 'default' ? 'default page' : 'share link'}: first figures median ${duration(c.widget.median)} `
          + `(${duration(c.widget.min)}–${duration(c.widget.max)}, ${c.verified}/${c.widget.n} checked), floor ${duration(c.floor.median)}, `
          + `${(c.widget.median / c.floor.median).toFixed(2)}×; ${c.bytes} B on the wire`);
      }
    }
    for (const k of [five, fifty]) console.log(`keystroke, ${k.departments} departments, ${k.all.n} edits: p50 ${duration(k.all.p50)}, p95 ${duration(k.all.p95)}`);
  } finally {
    await new Promise((resolve) => gzipServer.close(resolve));
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
