// No network beyond the page's own static files: the first load asks for each file it needs, once (the
// page's module for the figures; the import worker and its module just after they are on screen) — and then, while the page is used every way it can be
// (typing, departments, use cases, costs, settings, a mistyped value, both modes, an import, sample
// data, copying the link and the snippet, the CSV and JSON downloads, print), it makes no request at all.
// And a shared link's scenario, in the fragment, never reaches the server: the server's own log shows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { dropFixtureFiles, launch, open, refine } from './chromium.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What the first load of `/` asks for, sorted: the page, its style, scripts, engine and icon. */
const FIRST_LOAD = ['/', '/favicon.svg', '/first-paint.js', '/import-client.js', '/import-worker.js', '/page.js', '/pkg/htm.mjs', '/pkg/preact.mjs',
  '/pkg/roi_calculator.js', '/pkg/roi_calculator_bg.wasm', '/pkg/roi_import.js', '/pkg/roi_import_bg.wasm', '/roi-calculator.css',
  '/roi-calculator.js', '/style.css', '/view/chart.js', '/view/fields.js', '/view/format.js', '/view/html.js', '/view/mapper.js', '/view/measure.js',
  '/view/project.js', '/view/render.js'];

test('the first load fetches each static file it needs, the engine once, and nothing else', async () => {
  const { page, problems, requests } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requests.map((url) => url.replace(browser.origin, '')).sort(), FIRST_LOAD);
  assert.deepEqual(problems, []);
  await page.close();
});

test('using the page after it has loaded makes no request at all', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.origin });
  const { page, problems, requests } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  await refine(page);
  // Only the icon may come late (browsers fetch it when they like); it is a first-load file all the same.
  const iconLoaded = requests.some((url) => url.endsWith('/favicon.svg'));
  const loaded = requests.length;

  // Project mode: every kind of edit.
  await page.getByLabel('People').fill('250');
  await page.getByLabel('People').fill('12.5'); // mistyped: kept with a message
  await page.getByLabel('People').fill('250');
  await page.getByRole('button', { name: 'Add a department' }).click();
  await page.locator('[data-path="departments[1].name"]').fill('Légal <b>&</b>');
  await page.locator('[data-path="departments[1].benchmark"]').selectOption('legal');
  await page.getByRole('button', { name: 'Add a use case to All staff' }).click();
  await page.getByRole('textbox', { name: 'Task', exact: true }).fill('Contract review');
  await page.getByLabel('Minutes before').fill('180');
  await page.getByRole('button', { name: 'Add a line to monthly costs' }).click();
  await page.locator('[data-path="costs.monthly[1].amount"]').fill('1,000');
  await page.getByLabel('Working weeks a year').fill('46');
  await page.waitForFunction(() => document.querySelector('roi-calculator').report.risk?.draws === 10_000);

  // Measure mode: a metric typed, three files dropped, then the sample data.
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.getByLabel('Active use (3+ times in the last 7 days)').first().fill('45');
  await page.locator('[data-path="checkpointDay"]').selectOption('7');
  await dropFixtureFiles(page);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('.import-status', { hasText: /\(0 skipped\)/ }).waitFor({ timeout: 60_000 }); // the fixtures skip 5
  await page.getByRole('button', { name: 'Project the return' }).click();

  // Share and keep: clipboard, downloads and print are the browser's, not the network's.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.').waitFor();
  await page.getByRole('button', { name: 'Copy embed snippet' }).click();
  await page.getByText('Embed snippet copied.').waitFor();
  for (const name of ['Departments (CSV)', 'Monthly projection (CSV)', 'Scenario and report (JSON)']) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  }
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  // The address follows the last edit (250 ms after it), then the page is quiet.
  await page.waitForFunction(() => location.hash.startsWith('#v2.'));
  await page.waitForLoadState('networkidle');
  const later = requests.slice(loaded).filter((url) => iconLoaded || url !== `${browser.origin}/favicon.svg`);
  assert.deepEqual(later, [], 'no request after the first load');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a shared link opens without its scenario ever reaching the server', async () => {
  // A logging front for the test server: what arrives on the wire, as the server sees it.
  const seen = [];
  const front = createServer(async (request, response) => {
    seen.push(request.url);
    const answer = await fetch(`${browser.origin}${request.url}`);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${front.address().port}`;
  try {
    const { page, problems } = await open(browser.context, `${browser.origin}/`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    const link = await page.evaluate(async () => {
      const m = await import('./pkg/roi_calculator.js');
      const scenario = m.defaultScenario();
      scenario.departments[0].name = 'Confidential team';
      return m.encodeScenario(scenario);
    });
    await page.goto(`${origin}/#${link}`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    await page.getByLabel('People').fill('77');
    await page.waitForFunction(() => location.hash.startsWith('#v2.') && location.hash.length > 20);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('[data-path="departments[0].name"]').inputValue(), 'Confidential team');
    assert.ok(seen.includes('/'), 'the page was served by the front');
    assert.deepEqual(seen.filter((url) => url.includes('#') || url.includes('v1.') || url.includes('v2.') || url.includes('?')), []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    front.closeAllConnections();
    await new Promise((resolve) => front.close(resolve));
  }
});
