// The page and its <roi-calculator> in a real Chromium, used as a person would: the release build loads,
// the figures match the engine and a hand computation, typing updates them, a mistyped value is kept with
// a message while the figures stay, a share link reopens the same scenario in a fresh context, and
// nothing is fetched from anywhere else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { ARTIFACTS, accessibilityProblems, launch, open, refine } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** Playwright locators pierce the widget's open shadow root. */
const figure = (page, name) => page.locator(`[data-figure="${name}"]`);
const value = async (page, name) => Number(await figure(page, name).getAttribute('data-value'));
const ready = (page) => page.waitForSelector('roi-calculator[data-ready="true"]');

test('the release build is what the page loads', async () => {
  const wasm = await stat(new URL('../../pkg/roi_calculator_bg.wasm', import.meta.url));
  // A debug build is megabytes; the optimised release is well under 600 KB.
  assert.ok(wasm.size < 600_000, `pkg/ holds a ${wasm.size}-byte module: run scripts/build.sh (release) first`);
});

test('the default scenario shows its headline figures', async () => {
  const { page, problems, requests } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  // By hand: benefit = 100 × 0.70 × 6.5 h × 48 weeks × $75 = $1,638,000; first-year cost =
  // $60,000 + 100 × (6 + 4) h × $75 + 12 × ($2,000 + 100 × $30) = $195,000; ROI = 1,443,000 / 195,000 = 740%.
  assert.equal(await value(page, 'roiPercent'), 740);
  assert.equal(await value(page, 'benefitCostRatio'), 8.4);
  assert.equal(await value(page, 'netBenefit'), 1_443_000);
  const engine = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    await m.default();
    const r = m.evaluate(m.defaultScenario());
    // The README's JavaScript example: 250 people instead of 100.
    const readme = m.defaultScenario();
    readme.departments[0].headcount = 250;
    globalThis.readmeRoi = m.evaluate(readme).annual.roiPercent;
    return { paybackMonths: r.paybackMonths, npv: r.horizon.npv, firstYearRoiPercent: r.firstYear.roiPercent };
  });
  for (const [name, expected] of Object.entries(engine)) assert.equal(await value(page, name), expected, name);
  // README: benefit 250 × 0.7 × 6.5 × 48 × $75 = $4,095,000; cost $60,000 + 250 × 10 h × $75 +
  // 12 × ($2,000 + 250 × $30) = $361,500.
  const readmeRoi = await page.evaluate(() => globalThis.readmeRoi);
  assert.ok(Math.abs(readmeRoi - (4_095_000 - 361_500) / 361_500 * 100) < 1e-9, `README example: ${readmeRoi}`);
  assert.match(await figure(page, 'roiPercent').innerText(), /^740\s?%$/);
  assert.match(await figure(page, 'netBenefit').innerText(), /^\$1,443,000$/);

  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(browser.origin)), [], 'no request leaves the page’s origin');
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}page-${width}.png`, fullPage: true });
  }
  await page.close();
});

test('typing updates the figures; a mistyped value is kept with a message and the figures stay', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.evaluate(() => {
    globalThis.announced = [];
    document.querySelector('roi-calculator').addEventListener('roi-change', (e) => globalThis.announced.push(e.detail.report.risk));
  });
  const people = page.getByLabel('People');
  await people.fill('');
  await people.pressSequentially('250');
  // (4,095,000 − 361,500) / 361,500 × 100.
  await page.waitForFunction(() => document.querySelector('roi-calculator').report.annual.roiPercent !== 740);
  assert.ok(Math.abs(await value(page, 'roiPercent') - (4_095_000 - 361_500) / 361_500 * 100) < 1e-9);
  // Keystrokes skip the Monte Carlo; once typing pauses it is completed and announced.
  await page.waitForFunction(() => globalThis.announced.length > 0);
  const announced = await page.evaluate(() => globalThis.announced);
  assert.ok(announced.every((risk) => risk?.draws === 10_000 && risk.p10 <= risk.p90), JSON.stringify(announced));

  await people.fill('12.5');
  assert.equal(await people.inputValue(), '12.5', 'what was typed stays in the field');
  assert.match(await page.locator('#departments-0--headcount-error').innerText(), /whole number/);
  assert.ok(Math.abs(await value(page, 'roiPercent') - (4_095_000 - 361_500) / 361_500 * 100) < 1e-9, 'the last valid figures stay');
  assert.match(await page.locator('.status').innerText(), /needs attention/);

  await people.fill('100');
  assert.equal(await value(page, 'roiPercent'), 740);
  assert.equal(await page.locator('#departments-0--headcount-error').innerText(), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a share link reopens the same scenario in a fresh browser context', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await refine(page);
  await page.getByRole('button', { name: 'Add a department' }).click();
  const names = page.getByLabel('Name');
  await names.nth(1).fill('Legal & Compliance <script>');
  await page.getByLabel('Benchmark').nth(1).selectOption('legal');
  await page.getByLabel('Active use').nth(1).fill('60');
  // The address is rewritten after each edit (compression is asynchronous): wait for the link of the
  // scenario as it is now, not for the first v2 link written on the way.
  await page.evaluate(async () => {
    const { linkText } = await import('/page.js');
    const widget = document.querySelector('roi-calculator');
    for (;;) {
      if (widget.scenario.departments[1]?.activeRate === 0.6 && location.hash === `#${await linkText(widget.scenario)}`) return;
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  });
  const hash = await page.evaluate(() => location.hash); // page.url() can lag behind replaceState
  const roi = await value(page, 'roiPercent');
  await page.close();

  // A second browser with its own empty profile: nothing but the link carries the scenario.
  const second = await launch();
  try {
    const { page: reopened } = await open(second.context, `${second.origin}/${hash}`);
    // The link's scenario drawn (data-opened), not the widget's first start, which may be the defaults'.
    await reopened.waitForSelector('roi-calculator[data-opened]');
    assert.equal(await value(reopened, 'roiPercent'), roi);
    assert.equal(await reopened.getByLabel('Name').nth(1).inputValue(), 'Legal & Compliance <script>');
    assert.equal(await reopened.locator('legend').nth(1).innerText(), 'Legal & Compliance <script>', 'user text is shown as text');
    assert.equal(await reopened.getByLabel('Active use').nth(1).inputValue(), '60');
  } finally {
    await second.close(); // a failed assertion must not leave a browser open, which would hang the file
  }
});

test('on paper the board report says when it was printed and carries the link that reopens it', async () => {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await refine(page);
  await page.getByLabel('Active use').first().fill('60');
  const link = await page.evaluate(async () => {
    const { linkText } = await import('/page.js');
    const widget = document.querySelector('roi-calculator');
    for (;;) {
      const made = `#${await linkText(widget.scenario)}`;
      if (widget.scenario.departments[0].activeRate === 0.6 && location.hash === made) return made;
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  });
  assert.equal(await page.locator('#printed').isVisible(), false, 'not on screen');
  await page.pdf({ format: 'A4' }); // printing fires beforeprint, as a person's print does
  const printed = await page.locator('#printed').textContent();
  const day = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date()));
  // On paper the link is cut to two lines at most; the words link to the whole of it (a PDF keeps it).
  const url = `${browser.origin}/${link}`;
  assert.ok(url.length > 96, `a link long enough to be cut: ${url.length} characters`);
  assert.equal(printed, `Printed ${day}. Reopen these figures: ${url.slice(0, 72)}…${url.slice(-12)}`);
  assert.equal(await page.locator('#printed a').getAttribute('href'), url);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#printed').isVisible(), 'on paper');
  assert.deepEqual(problems, []);
  await page.close();
});

test('share and keep: link and embed snippet copied, CSV and JSON downloaded', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.origin });
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.getByLabel('Name').fill('=SUM(A1:A9)');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.').waitFor();
  const link = await clipboard();
  assert.match(link, new RegExp(`^${browser.origin}/#v2\\.[A-Za-z0-9_-]+$`));
  const reopened = await page.evaluate(async (hash) => {
    const { openLink } = await import('./page.js');
    return (await openLink(hash)).scenario.departments[0].name;
  }, new URL(link).hash);
  assert.equal(reopened, '=SUM(A1:A9)');

  await page.getByRole('button', { name: 'Copy embed snippet' }).click();
  await page.getByText('Embed snippet copied.').waitFor();
  const snippet = await clipboard();
  assert.ok(snippet.startsWith(`<script type="module" src="${browser.origin}/roi-calculator.js"></script>`), snippet);
  assert.match(snippet, /<roi-calculator config="\{&quot;version&quot;:1,/);

  const fileOf = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const departments = await fileOf('Departments (CSV)');
  assert.equal(departments.name, 'roi-departments.csv');
  const [header, row] = departments.text.split('\r\n');
  assert.ok(header.startsWith('department,headcount,hourly cost,active rate,'), header);
  assert.ok(row.startsWith("'=SUM(A1:A9),100,75.0,0.7,6.5,"), `a formula is defused: ${row}`);
  const monthly = await fileOf('Monthly projection (CSV)');
  assert.equal(monthly.text.trim().split('\r\n').length, 38, 'a header and months 0 to 36');
  const json = JSON.parse((await fileOf('Scenario and report (JSON)')).text);
  assert.equal(json.version, 1);
  assert.equal(json.report.annual.roiPercent, 740);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an engine error is a JS Error listing every problem', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const thrown = await page.evaluate(async () => {
    const m = await import('./pkg/roi_calculator.js');
    try {
      m.evaluate({ version: 1, departments: [{ name: 'A', headcount: -1, hourlyCost: 10, activeRate: 2 }], typo: 1 });
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message, paths: error.errors.map((e) => e.path) };
    }
  });
  assert.ok(thrown?.isError, 'a JS Error is thrown');
  assert.deepEqual(thrown.paths, ['typo', 'departments[0].headcount', 'departments[0].activeRate']);
  assert.match(thrown.message, /^The scenario has 3 problems: /);
  await page.close();
});

test('the page has no serious or critical accessibility violations (axe-core)', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  assert.deepEqual(await accessibilityProblems(page), []);
  await page.close();
});
