// Shared set-up for the browser tests: the static server on a free port and Debian's Chromium driven
// by playwright-core (never a downloaded browser), each run in a fresh profile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/serve.mjs';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

/** The strict host policy the widget must run under without a violation (csp.test.mjs, trusted-types.test.mjs). */
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts the server and a browser; `close()` stops both and removes the profile. */
export async function launch() {
  const server = await start(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), 'roi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
  });
  // Every tab opens as a first visit: localStorage (where the page keeps the last scenario) is cleared
  // when a tab first loads a document of an origin, so no test sees what an earlier one left; reloads
  // and later navigations in the same tab keep it.
  await context.addInitScript(() => {
    try {
      if (!sessionStorage.getItem('test:first-visit')) {
        localStorage.clear();
        sessionStorage.setItem('test:first-visit', 'done');
      }
    } catch {
      // No storage here (an opaque origin, or a test that refuses it on purpose): nothing to clear.
    }
  });
  return {
    origin,
    context,
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new page and records console errors, page errors and every request made. */
export async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => {
    // A request cancelled because the test navigated away (the import worker's script, fetched as the
    // widget starts, can still be in flight) is not a failure of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  await page.goto(url);
  return { page, problems, requests };
}

/**
 * Shows every input of the page's widget, which opens on the quick start (`inputs="quick"`): presses
 * "Refine every input" as a person would, once the widget is ready.
 */
export async function refine(page) {
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Refine every input' }).click();
  await page.waitForSelector('roi-calculator .inputs[data-inputs="all"]');
}

/**
 * Opens `url` in measure mode with the widget's worker started, at privacy threshold `minGroupSize` (null:
 * the widget's default) — 3 unless given, the lowest (docs/model.md#small-groups), since the hand-checked fixtures measure a
 * handful of people — at `checkpointDay` and from `scenario` when given (set first: setting the
 * `scenario` property starts the widget again); `requests` records only what comes after.
 */
export async function openMeasure(context, url, { minGroupSize = 3, checkpointDay, scenario } = {}) {
  const opened = await open(context, url);
  const { page } = opened;
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  if (scenario) {
    await page.evaluate((s) => { document.querySelector('roi-calculator').scenario = s; }, scenario);
    await page.waitForFunction((s) => JSON.stringify(document.querySelector('roi-calculator').scenario?.departments?.map((d) => d.name))
      === JSON.stringify(s.departments.map((d) => d.name)), scenario);
  }
  if (minGroupSize !== null) {
    await page.evaluate((min) => document.querySelector('roi-calculator').setAttribute('min-group-size', String(min)), minGroupSize);
  }
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  if (checkpointDay !== undefined) await page.locator('[data-path="checkpointDay"]').selectOption(String(checkpointDay));
  await page.waitForLoadState('networkidle');
  opened.requests.length = 0;
  return opened;
}

/** Runs axe-core in `page` and returns its serious and critical violations as readable lines. */
export async function accessibilityProblems(page) {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Drops the three hand-computed CSV files of tests/fixtures/import/ on the widget's drop zone, as a person
 * drags them from their desktop, and waits for the measurements they give.
 */
export async function dropFixtureFiles(page) {
  const read = (name) => readFile(new URL(`../fixtures/import/${name}.csv`, import.meta.url), 'utf8');
  const payload = await Promise.all(['roster', 'activity', 'survey'].map(async (name) => ({ name: `${name}.csv`, text: await read(name) })));
  await page.locator('.dropzone').evaluate((zone, payload) => {
    // At the lowest privacy threshold, 3 (docs/model.md#small-groups): these files measure four people.
    zone.getRootNode().host.setAttribute('min-group-size', '3');
    const transfer = new DataTransfer();
    for (const f of payload) transfer.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
  }, payload);
  await page.waitForFunction(() => document.querySelector('roi-calculator').measurements?.metrics?.weeklyActiveRate !== undefined);
}
