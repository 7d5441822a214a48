// Share links in Chromium, through www/page.js's own codec (linkText, openLink) and through the page's
// address: every golden link (v1 and v2, tests/fixtures/links/) opens exactly; a v2 link round-trips with
// and without measurements; the twelve-department scenario's v2 link stays within its budget (printed);
// a damaged v2 link says so and the page opens with the defaults; where the browser cannot compress,
// the page writes v1 links.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { launch, open } from './chromium.mjs';

const FIXTURES = new URL('../fixtures/links/', import.meta.url);
/** The budget of issue 12: a link for 12 departments with two use cases each, for mail and chat tools. */
const BUDGET = 1_000;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ready = (page) => page.waitForSelector('roi-calculator[data-ready="true"]');
const value = async (page, name) => Number(await page.locator(`[data-figure="${name}"]`).getAttribute('data-value'));

/** `{ name: { link, expected } }` of one version's folder. */
async function fixtures(version) {
  const folder = new URL(`${version}/`, FIXTURES);
  const out = {};
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    out[name] = {
      link: (await readFile(new URL(file, folder), 'utf8')).trim(),
      expected: JSON.parse(await readFile(new URL(`${name}.json`, folder), 'utf8')),
    };
  }
  return out;
}

/** A page with the engine and page.js loaded, for their functions. */
async function codec() {
  const { page, problems } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  return { page, problems };
}

/** Runs `body(page.js, the engine, arg)` in the page. */
const inPage = (page, body, arg) => page.evaluate(async ([source, arg]) => {
  const run = new Function(`return (${source})`)();
  return run(await import('./page.js'), await import('./pkg/roi_calculator.js'), arg);
}, [body.toString(), arg]);

test('every golden link, v1 and v2, opens exactly with nothing dropped', async () => {
  const { page, problems } = await codec();
  const v1 = await fixtures('v1');
  const v2 = await fixtures('v2');
  assert.equal(Object.keys(v1).length, 8);
  assert.equal(Object.keys(v2).length, 11);
  const opened = await inPage(page, async (p, m, links) => {
    const out = {};
    for (const [name, link] of Object.entries(links)) {
      try {
        out[name] = await p.openLink(link);
      } catch (error) {
        out[name] = { error: error.message };
      }
    }
    return out;
  }, Object.fromEntries([...Object.entries(v1).map(([n, f]) => [`v1/${n}`, f.link]), ...Object.entries(v2).map(([n, f]) => [`v2/${n}`, f.link])]));
  for (const [name, fixture] of Object.entries(v1)) {
    assert.deepEqual(opened[`v1/${name}`], { scenario: fixture.expected, dropped: [] }, `v1/${name}`);
  }
  for (const [name, fixture] of Object.entries(v2)) {
    assert.deepEqual(opened[`v2/${name}`], { ...fixture.expected, dropped: [] }, `v2/${name}`);
  }
  // The same scenarios through both versions.
  for (const name of Object.keys(v1)) assert.deepEqual(v2[name].expected.scenario, opened[`v1/${name}`].scenario, name);
  assert.deepEqual(problems, []);
  await page.close();
});

test('golden links open in the page from the address, v1 and v2, with no notice and no frame of the defaults', async () => {
  const v1 = await fixtures('v1');
  const v2 = await fixtures('v2');
  for (let round = 0; round < 3; round += 1) {
    for (const [version, fixture] of [['v1', v1['many-departments']], ['v2', v2['twelve-departments']], ['v2', v2['unicode-names']]]) {
      const page = await browser.context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(String(error)));
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      // Before each frame is painted: the net benefit the widget shows, if it is visible.
      await page.addInitScript(() => {
        globalThis.painted = [];
        const watch = () => {
          const widget = document.querySelector('roi-calculator');
          const shown = widget && getComputedStyle(widget).visibility === 'visible';
          const figure = shown && widget.shadowRoot?.querySelector('[data-figure="netBenefit"]');
          if (figure) globalThis.painted.push(Number(figure.getAttribute('data-value')));
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      await page.goto(`${browser.origin}/#${fixture.link}`);
      await ready(page);
      const scenario = fixture.expected.scenario ?? fixture.expected;
      await page.waitForFunction((count) => document.querySelector('roi-calculator').scenario.departments.length === count, scenario.departments.length);
      assert.deepEqual(await page.evaluate(() => document.querySelector('roi-calculator').scenario.departments.map((d) => d.name)),
        scenario.departments.map((d) => d.name), version);
      assert.equal(await page.locator('#link-notice').isHidden(), true, `${version}: no notice`);
      const engine = await inPage(page, (p, m, s) => m.evaluate(s).annual.netBenefit, scenario);
      assert.equal(await value(page, 'netBenefit'), engine, `${version}: the link's own figures`);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const painted = await page.evaluate(() => globalThis.painted);
      assert.ok(painted.length > 0 && painted.every((v) => v === engine), `${version}: only the link's figures were painted: ${painted}`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
});

test('a v2 link round-trips any scenario, with and without measurements', async () => {
  const { page, problems } = await codec();
  const v1 = await fixtures('v1');
  const measured = (await fixtures('v2'))['measured-by-hand-day-90'].expected.measurements;
  const results = await inPage(page, async (p, m, { scenarios, measured }) => {
    const out = [];
    for (const scenario of [m.defaultScenario(), ...scenarios]) {
      for (const measurements of [null, measured]) {
        const link = await p.linkText(scenario, measurements);
        const opened = await p.openLink(`https://calc.example/#${link}`);
        out.push({ link, opened, expected: m.decodeScenario(m.encodeScenario(scenario)).scenario, measurements });
      }
    }
    return out;
  }, { scenarios: Object.values(v1).map((f) => f.expected), measured });
  assert.equal(results.length, 18);
  for (const { link, opened, expected, measurements } of results) {
    assert.match(link, /^v2\.[A-Za-z0-9_-]+$/, 'URL-safe');
    assert.deepEqual(opened.scenario, expected);
    assert.deepEqual(opened.dropped, []);
    if (measurements) assert.deepEqual(opened.measurements, measurements);
    else assert.equal('measurements' in opened, false, 'the measurements part is optional');
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the measurements part: only what was measured, and a bad one is left out whole', async () => {
  const { page, problems } = await codec();
  const out = await inPage(page, async (p, m) => {
    const scenario = m.defaultScenario();
    // A fresh measure mode: department names, nothing measured.
    const fresh = { version: 1, checkpointDay: 30, metrics: {}, departments: [{ name: 'All staff', benchmark: 'general', metrics: {} }] };
    const bad = JSON.stringify({ scenario: { weeksPerYear: 50 }, measurements: { version: 1, checkpointDay: 400, metrics: [0.5] } });
    return {
      fresh: p.linkDocument(scenario, fresh),
      measured: p.linkDocument(scenario, { ...fresh, people: 80, metrics: { weeklyActiveRate: 0.6 } }),
      bad: p.openDocument(bad),
    };
  });
  assert.equal(out.fresh, '{"scenario":{}}', 'nothing measured, nothing carried; the defaults are left out');
  assert.equal(out.measured,
    '{"scenario":{},"measurements":{"version":1,"checkpointDay":30,"metrics":[null,0.6],"departments":[["All staff","general",null,[]]],"people":80}}');
  assert.equal(out.bad.scenario.weeksPerYear, 50, 'the scenario opens');
  assert.equal(out.bad.measurements, undefined);
  assert.deepEqual(out.bad.dropped.map((d) => d.path), ['measurements.checkpointDay']);
  assert.deepEqual(problems, []);
  await page.close();
});

test(`the twelve-department scenario's v2 link is at most ${BUDGET} characters`, async (t) => {
  const { page, problems } = await codec();
  const v2 = await fixtures('v2');
  const twelve = v2['twelve-departments'].expected.scenario;
  const imported = v2['twelve-departments-imported-day-30'].expected.measurements;
  assert.equal(twelve.departments.length, 12);
  assert.ok(twelve.departments.every((d) => d.useCases.length === 2));
  const sizes = await inPage(page, async (p, m, { twelve, imported }) => {
    const size = async (scenario, measurements) => ({ v1: m.encodeScenario(scenario).length, v2: (await p.linkText(scenario, measurements)).length });
    return { default: await size(m.defaultScenario()), twelve: await size(twelve), imported: await size(twelve, imported) };
  }, { twelve, imported });
  const line = (what, s) => `${what}: v1 ${s.v1.toLocaleString('en')} characters, v2 ${s.v2.toLocaleString('en')}`;
  t.diagnostic(line('the default scenario', sizes.default));
  t.diagnostic(line('12 departments × 2 use cases', sizes.twelve));
  t.diagnostic(`${line('the same with an import\'s day-30 measurements (12 departments, exact values)', sizes.imported)} (v1 cannot carry them)`);
  console.log(`share-link lengths — ${line('default', sizes.default)}; ${line('12 departments × 2 use cases', sizes.twelve)}; with measurements v2 ${sizes.imported.v2}`);
  assert.ok(sizes.twelve.v1 > 5_000, 'as long as the issue measured (5,313)');
  assert.ok(sizes.twelve.v2 <= BUDGET, `the 12-department link is ${sizes.twelve.v2} characters, over ${BUDGET}`);
  assert.ok(sizes.default.v2 < 100, `${sizes.default.v2}`);
  assert.deepEqual(problems, []);
  await page.close();
});

/** v2 link texts damaged in the ways links get damaged, each with what its notice must say. */
async function damaged(page) {
  const twelve = (await fixtures('v2'))['twelve-departments'].link;
  const invalid = await inPage(page, async (p, m) => {
    const compress = async (text) => {
      const bytes = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
      return `v2.${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    };
    return {
      notJson: await compress('hello'),
      noScenario: await compress('{"measurements":{}}'),
      list: await compress('[1,2]'),
    };
  });
  const flipped = `${twelve.slice(0, 200)}${twelve[200] === 'A' ? 'B' : 'A'}${twelve.slice(201)}`;
  return [
    [twelve.slice(0, Math.floor(twelve.length / 2)), /cut short or altered/],
    [twelve.slice(0, -1), /cut short or altered/],
    [twelve.slice(0, -10), /cut short or altered/],
    [flipped, /cut short or altered|damaged beyond repair/],
    ['v2.', /damaged beyond repair/],
    ['v2.!!!!', /damaged beyond repair/],
    [invalid.notJson, /cut short or altered/],
    [invalid.noScenario, /damaged beyond repair/],
    [invalid.list, /damaged beyond repair/],
  ];
}

test('a damaged v2 link says so and the page opens with the defaults', async () => {
  const { page: helper } = await codec();
  const cases = await damaged(helper);
  // Through the codec: each is refused with an Error whose message is for the person.
  const refused = await inPage(helper, async (p, m, links) => Promise.all(links.map((link) => p.openLink(link).then(() => null, (e) => e.message))), cases.map(([link]) => link));
  cases.forEach(([link, message], i) => assert.match(refused[i] ?? 'opened', message, link.slice(0, 40)));
  await helper.close();

  // Through the address: the notice, the default figures, and no error anywhere.
  for (const [link, message] of cases) {
    const { page, problems } = await open(browser.context, `${browser.origin}/#${link}`);
    await ready(page);
    await page.locator('#link-notice').waitFor();
    const notice = await page.locator('#link-notice').innerText();
    assert.match(notice, message, link.slice(0, 40));
    assert.match(notice, /The default scenario is shown instead\.$/);
    assert.equal(await value(page, 'roiPercent'), 740, 'the defaults');
    // And the page keeps working: an edit writes a good link.
    await page.getByLabel('People').fill('250');
    await page.waitForFunction(() => location.hash.startsWith('#v2.') && location.hash.length < 100);
    assert.deepEqual(problems, [], link.slice(0, 40));
    await page.close();
  }
});

test('a v2 link with a bad value or stray characters opens with the rest, saying so', async () => {
  const { page: helper } = await codec();
  const links = await inPage(helper, async (p, m) => {
    const scenario = m.defaultScenario();
    scenario.departments[0].headcount = 250;
    const good = await p.linkText(scenario);
    const compress = async (text) => {
      const bytes = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
      return `v2.${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    };
    // Weeks per year 99 is out of range; the department row has a ninth value.
    const edited = await compress('{"scenario":{"weeksPerYear":99,"departments":[["All staff","general",250,75,null,null,null,null,1]]}}');
    return { stray: `${good})`, wrapped: `${good.slice(0, 10)}\n  ${good.slice(10)}`, edited };
  });
  for (const [link, dropped] of [[links.stray, 1], [links.wrapped, 0], [links.edited, 2]]) {
    const { page, problems } = await open(browser.context, `${browser.origin}/#${encodeURI(link)}`);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('roi-calculator').scenario.departments[0].headcount === 250);
    if (dropped === 0) {
      assert.equal(await page.locator('#link-notice').isHidden(), true);
    } else {
      const notice = await page.locator('#link-notice').innerText();
      assert.match(notice, dropped === 1 ? /one setting was replaced/ : new RegExp(`${dropped} settings were replaced`), notice);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
  await helper.close();
});

test('a link with measurements opens its scenario and its measurements, says so, and keeps them in the links it makes', async () => {
  const v2 = (await fixtures('v2'))['measured-by-hand-day-90'];
  const { page, problems } = await open(browser.context, `${browser.origin}/#${v2.link}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('roi-calculator').scenario.departments[0].name === 'Legal');
  assert.match(await page.locator('#link-notice').innerText(), /^This link also carries what was measured at day 90/);
  assert.deepEqual(await page.locator('roi-calculator').evaluate((w) => w.measurements), v2.expected.measurements);
  await page.getByLabel('Name').first().fill('Legal team');
  // Until the address holds the edit (waitForFunction does not await a promise: poll in the page).
  await page.evaluate(async () => {
    const p = await import('./page.js');
    while ((await p.openLink(location.hash)).scenario.departments[0].name !== 'Legal team') {
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  });
  const reopened = await inPage(page, (p) => p.openLink(location.hash));
  assert.deepEqual(reopened.measurements, v2.expected.measurements, 'the measurements are still in the address');
  // Measure mode shows what the link measured, and the return it delivered.
  await page.getByRole('button', { name: 'Judge measured results' }).click();
  assert.equal(await page.locator('[data-path="checkpointDay"]').inputValue(), '90');
  const expected = await page.locator('roi-calculator').evaluate((w) => w.measurements);
  assert.deepEqual(expected, v2.expected.measurements);
  assert.notEqual(await page.locator('output[data-realised="hoursSaved"]').getAttribute('data-value'), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('where the browser cannot compress, the page writes v1 links, and says it cannot open v2 ones', async () => {
  const link = (await fixtures('v2'))['twelve-departments'].link;
  const page = await browser.context.newPage();
  await page.addInitScript(() => { delete globalThis.CompressionStream; delete globalThis.DecompressionStream; });
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(`${browser.origin}/#${link}`);
  await ready(page);
  assert.match(await page.locator('#link-notice').innerText(), /cannot open compressed \(v2\.\) links.*The default scenario is shown instead\.$/);
  assert.equal(await value(page, 'roiPercent'), 740);
  await page.getByLabel('People').fill('250');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const reopened = await inPage(page, (p, m) => m.decodeScenario(location.hash).scenario.departments[0].headcount);
  assert.equal(reopened, 250);
  assert.deepEqual(problems, []);
  await page.close();
});
