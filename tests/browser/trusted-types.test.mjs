// The calculator on hosts that enforce Trusted Types (`require-trusted-types-for 'script'`), on top of
// the strict CSP of csp.test.mjs. Where the host allows a policy named `roi-calculator`, the import worker
// is created through it: a sample import runs in a worker with no violation at all. Where the host allows
// no policy (`trusted-types 'none'`), the widget's one attempt to create its policy is refused by the host
// (the one report such a host asks for, and nothing else), no script URL ever reaches a sink, and the same
// sample import runs on the main thread with the same progress and result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP as CSP, launch, open } from './chromium.mjs';

/** The Trusted Types part of the policy of the next page the test opens. */
let trustedTypes = '';

let browser;
before(async () => {
  browser = await launch();
  await browser.context.route(`${browser.origin}/**`, async (route) => {
    const response = await route.fetch();
    const policy = `${CSP}; require-trusted-types-for 'script'; ${trustedTypes}`;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await browser.context.addInitScript(() => {
    globalThis.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      globalThis.violations.push(`${e.effectiveDirective}: ${e.sample}`);
    }, true);
  });
});
after(async () => { await browser?.close(); });

/** Opens the page, imports the sample data, and returns what happened. */
async function sampleImport() {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await page.waitForSelector('roi-calculator[data-ready="true"]');
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('.import-status', { hasText: /\(0 skipped\)/ }).waitFor({ timeout: 60_000 });
  const scored = await page.locator('output[data-score="weeklyActiveRate"]').innerText();
  const measured = await page.locator('roi-calculator').evaluate((w) => w.measurements);
  return { page, problems, scored, measured, violations: await page.evaluate(() => globalThis.violations) };
}

let inWorker;

test('a host that allows the roi-calculator policy: the import runs in a worker, no violation', async () => {
  trustedTypes = 'trusted-types roi-calculator';
  const { page, problems, scored, measured, violations } = await sampleImport();
  assert.equal(page.workers().length, 1, 'the import worker was created through the policy');
  assert.match(scored, /^\d+(\.\d)?%$/);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  inWorker = measured;
  await page.close();
});

test('a host that allows no policy: the same import on the main thread, no sink reached, no page error', async () => {
  trustedTypes = "trusted-types 'none'";
  const { page, problems, measured, violations } = await sampleImport();
  assert.equal(page.workers().length, 0, 'no worker could be created');
  assert.deepEqual(measured, inWorker, 'the same measurements as in the worker');
  // The host refused the policy's creation (and said so), and that is all: no Trusted Types sink was hit.
  assert.deepEqual(violations, ['trusted-types: roi-calculator']);
  assert.deepEqual(problems.filter((p) => !/TrustedTypePolicy named 'roi-calculator'/.test(p)), []);
  await page.close();
});
