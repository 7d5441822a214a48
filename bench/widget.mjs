// Times the widget in headless Chromium on the release build, as a person meets it:
//   - navigation to the first rendered figures (cache disabled), median and p95 of 25 loads;
//   - keystroke to updated figures with 5 departments: 200 edits of a field, each an `input` event
//     handled synchronously, timed from dispatch to the figures being in the DOM.
//
//   node bench/widget.mjs        (after scripts/build.sh; `make bench-widget` does both)
import { launch } from '../tests/browser/chromium.mjs';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (x) => `${x.toFixed(2)} ms`;
const browser = await launch();
try {
  const loads = [];
  for (let i = 0; i < 25; i++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${browser.origin}/`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    // From navigation start to the moment the widget marked itself ready (figures rendered).
    loads.push(await page.evaluate(() => {
      const ready = performance.getEntriesByType('mark').find((m) => m.name === 'roi-ready');
      return ready ? ready.startTime : performance.now();
    }));
    await page.close();
  }
  loads.sort((a, b) => a - b);

  const keystrokes = async (draws) => {
  const page = await browser.context.newPage();
  await page.goto(`${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.evaluate((draws) => {
    const calculator = document.querySelector('roi-calculator');
    const scenario = calculator.scenario;
    scenario.uncertainty.draws = draws;
    calculator.scenario = scenario;
  }, draws);
  await page.waitForFunction((draws) => document.querySelector('roi-calculator').scenario.uncertainty.draws === draws, draws);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add a department' }).click();
  const edits = await page.evaluate(() => {
    const root = document.querySelector('roi-calculator').shadowRoot;
    const input = root.querySelector('[data-path="departments[2].headcount"]');
    const figure = root.querySelector('[data-figure="roiPercent"]');
    const times = [];
    for (let i = 0; i < 220; i++) {
      const start = performance.now();
      input.value = String(100 + (i % 50));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (!figure.textContent) throw new Error('no figure');
      if (i >= 20) times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b);
  });
  await page.close();
  return edits;
  };
  const edits = await keystrokes(10000);
  console.log('widget in headless Chromium (release build)');
  console.log(`navigation to first figures, 25 loads, cache off: median ${ms(quantile(loads, 0.5))}, p95 ${ms(quantile(loads, 0.95))}`);
  console.log(`keystroke to updated figures, 5 departments (10,000-draw scenario), 200 edits: p50 ${ms(quantile(edits, 0.5))}, p95 ${ms(quantile(edits, 0.95))}`);
} finally {
  await browser.close();
}
