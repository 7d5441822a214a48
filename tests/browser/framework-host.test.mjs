// The widget in a host built with a framework: a React 18 app (React and ReactDOM's own production
// builds, from npm) that renders `<roi-calculator>` among its own components, sets its attributes from its
// state, listens to its events, re-renders around it, moves it while reordering its children, and
// unmounts and mounts it again. What the person entered must survive everything but the unmount, and an
// unmounted widget must leave no import worker behind. Then the same without a framework: an element
// taken off the page and put back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open } from './chromium.mjs';

/** The host app, without JSX: React's createElement, as a page with no build step writes it. */
const APP = `
const e = React.createElement;
function Calculator({ currency, onResult }) {
  const ref = React.useRef(null);
  React.useEffect(() => {
    const element = ref.current;
    const changed = (event) => onResult(event.detail.report.annual.roiPercent);
    element.addEventListener('roi-change', changed);
    return () => element.removeEventListener('roi-change', changed);
  }, [onResult]);
  return e('roi-calculator', { ref, currency, inputs: 'quick' });
}
function App() {
  const [currency, setCurrency] = React.useState('USD');
  const [shown, setShown] = React.useState(true);
  const [swapped, setSwapped] = React.useState(false);
  const [renders, setRenders] = React.useState(0);
  const [roi, setRoi] = React.useState(null);
  const calculator = shown && e(Calculator, { key: 'calculator', currency, onResult: setRoi });
  const aside = e('aside', { key: 'aside' }, 'Host renders: ' + renders);
  return e('div', null,
    e('label', null, 'Currency ', e('select', { value: currency, onChange: (event) => setCurrency(event.target.value) },
      e('option', { value: 'USD' }, 'USD'), e('option', { value: 'EUR' }, 'EUR'))),
    e('button', { onClick: () => setRenders((n) => n + 1) }, 'Render the host again'),
    e('button', { onClick: () => setSwapped((s) => !s) }, 'Swap the columns'),
    e('button', { onClick: () => setShown((s) => !s) }, shown ? 'Hide the calculator' : 'Show the calculator'),
    e('p', null, 'Net ROI the host heard of: ', e('output', { id: 'heard' }, roi === null ? '' : String(roi))),
    e('main', null, swapped ? [aside, calculator] : [calculator, aside]));
}
// Every time the widget element leaves the DOM, even to be put back at once, the host counts it.
globalThis.removals = 0;
new MutationObserver((records) => {
  for (const r of records) for (const n of r.removedNodes) if (n.nodeName === 'ROI-CALCULATOR') globalThis.removals += 1;
}).observe(document.getElementById('app'), { childList: true, subtree: true });
ReactDOM.createRoot(document.getElementById('app')).render(e(App));
`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A React host</title>
<script src="/vendor/react.js"></script><script src="/vendor/react-dom.js"></script>
<script type="module" src="/roi-calculator.js"></script></head>
<body><h1>Our React intranet</h1><div id="app"></div><script>${APP}</script></body></html>`;

let browser;
before(async () => {
  browser = await launch();
  const vendor = {
    'react.js': new URL('../../node_modules/react/umd/react.production.min.js', import.meta.url),
    'react-dom.js': new URL('../../node_modules/react-dom/umd/react-dom.production.min.js', import.meta.url),
  };
  await browser.context.route(`${browser.origin}/react-host.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
  await browser.context.route(`${browser.origin}/vendor/*.js`, async (route) => {
    const file = vendor[new URL(route.request().url()).pathname.slice('/vendor/'.length)];
    await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: await readFile(file, 'utf8') });
  });
});
after(async () => { await browser?.close(); });

const people = '[data-path="departments[0].headcount"]';
const ready = (page) => page.waitForSelector('roi-calculator[data-ready="true"]');
const roi = (page) => page.locator('roi-calculator').evaluate((w) => w.report.annual.roiPercent);

test('in a React app the widget keeps what was typed through re-renders, a move and a new currency, and an unmount leaves no worker', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/react-host.html`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('roi-calculator').matches('[inputs="quick"]'));
  await page.locator(people).fill('250');
  // The widget's event reaches the app's state, which shows the engine's figure.
  const typed = await roi(page);
  await page.waitForFunction((x) => document.getElementById('heard').textContent === String(x), typed);
  await page.getByRole('button', { name: 'Refine every input' }).click();
  await page.waitForSelector('roi-calculator .inputs[data-inputs="all"]');
  // The app renders again around the widget: React leaves its attributes and its state alone.
  await page.getByRole('button', { name: 'Render the host again' }).click();
  await page.getByText('Host renders: 1').waitFor();
  assert.equal(await page.locator(people).inputValue(), '250');
  // Reordering its children, React takes the widget out of the DOM and puts it back: nothing is lost.
  await page.getByRole('button', { name: 'Swap the columns' }).click();
  await page.waitForFunction(() => document.querySelector('main').firstElementChild.nodeName === 'ASIDE');
  assert.equal(await page.evaluate(() => globalThis.removals), 1, 'the widget was moved');
  assert.equal(await page.locator(people).inputValue(), '250');
  assert.equal(await roi(page), typed);
  assert.equal(await page.locator('roi-calculator .inputs').getAttribute('data-inputs'), 'all');
  // A new currency from the app's state: amounts in euros, and every input still as entered.
  await page.getByLabel('Currency').selectOption('EUR');
  await page.locator('[data-figure="netBenefit"]', { hasText: '€' }).waitFor();
  assert.equal(await page.locator(people).inputValue(), '250');
  assert.equal(await roi(page), typed);
  assert.equal(await page.locator('roi-calculator .inputs').getAttribute('data-inputs'), 'all');
  assert.equal(await page.locator('roi-calculator').evaluate((w) => w.scenario.currency), 'EUR');
  // Unmounted, the widget stops its import worker; mounted again, a new widget starts from the defaults.
  await page.waitForFunction(() => document.querySelector('roi-calculator').dataset.ready === 'true');
  await waitFor(() => page.workers().length === 1, 'the widget started its import worker');
  await page.getByRole('button', { name: 'Hide the calculator' }).click();
  await waitFor(() => page.workers().length === 0, 'the unmounted widget stopped its worker');
  await page.getByRole('button', { name: 'Show the calculator' }).click();
  await ready(page);
  assert.equal(await page.locator(people).inputValue(), '100');
  await waitFor(() => page.workers().length === 1, 'the new widget has its own worker');
  assert.deepEqual(problems, []);
  await page.close();
});

test('taken off the page and put back, the widget shows what was entered and measured, its files let go', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.locator(people).fill('40');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('.import-status', { hasText: /\(0 skipped\)/ }).waitFor({ timeout: 60_000 });
  const measured = await page.locator('roi-calculator').evaluate((w) => w.measurements);
  const shown = await page.locator('[data-path="metrics.weeklyActiveRate"]').inputValue();
  // A host takes the widget away (a closed panel, a tab) and brings the same element back later.
  await page.evaluate(() => { globalThis.parked = document.querySelector('roi-calculator'); globalThis.parked.remove(); });
  await waitFor(() => page.workers().length === 0, 'the worker and the files it held are let go');
  // An attribute set while it is away applies when it is back.
  await page.evaluate(() => { globalThis.parked.setAttribute('mode', 'project'); document.querySelector('main').prepend(globalThis.parked); });
  assert.equal(await page.locator(people).inputValue(), '40');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  assert.deepEqual(await page.locator('roi-calculator').evaluate((w) => w.measurements), measured);
  assert.equal(await page.locator('[data-path="metrics.weeklyActiveRate"]').inputValue(), shown);
  assert.match(await page.locator('.import-status').innerText(), /let go .* what they measured is kept/);
  // Importing again starts a new worker.
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('.import-status', { hasText: /\(0 skipped\)/ }).waitFor({ timeout: 60_000 });
  assert.deepEqual(await page.locator('roi-calculator').evaluate((w) => w.measurements), measured);
  assert.deepEqual(problems, []);
  await page.close();
});

/** Polls `check` (every 50 ms, for up to 10 s) until it is true; fails saying `what` otherwise. */
async function waitFor(check, what) {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out: ${what}`);
}
