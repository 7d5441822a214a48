// Writes the default scenario's first figures into www/index.html, so a visitor sees them the moment the
// HTML arrives, before any script or WebAssembly: the widget itself renders the default scenario in
// headless Chromium (the release build, the same engine and the same rendering code as every visit),
// and its mode switch, summary, headline and the quick start's inputs — all inert, nothing that can be
// used — go into the page as a declarative shadow root of <roi-calculator>. The widget replaces them with
// its own rendering as soon as it starts, in the same place, so nothing moves.
//   node scripts/prerender.mjs           (after scripts/build.sh; `make build` runs both)
//   node scripts/prerender.mjs --check   (exit 1 when www/index.html holds other figures than the engine's)
// The figures are formatted for en-US, Chromium's headless default; a visitor whose locale writes numbers
// otherwise sees them change form, not value, when the widget starts. A page opening another scenario (a
// link, or the last one kept in this browser) hides them until its own are drawn (www/first-paint.js).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/browser/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INDEX = join(root, 'www', 'index.html');
const ELEMENT = /<roi-calculator( [^>]*)?>[\s\S]*?<\/roi-calculator>/;

/**
 * The widget's mode switch, summary, headline and quick-start inputs for the default scenario, as the
 * widget renders them on the page.
 */
export async function prerendered() {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${browser.origin}/`);
    await page.waitForSelector('roi-calculator[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('roi-calculator').report?.risk?.draws > 0);
    return await page.locator('roi-calculator').evaluate((calculator) => {
      const shown = calculator.shadowRoot.querySelector('.widget');
      // A field's value is a property the markup does not carry (nor a clone): written as its attribute.
      for (const input of shown.querySelectorAll('input')) input.setAttribute('value', input.value);
      for (const option of shown.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
      const widget = shown.cloneNode(true);
      for (const child of [...widget.children]) if (!child.matches('.modes, .summary, .results, .inputs[data-inputs="quick"]')) child.remove();
      // The mode switch and the quick start hold their places (the figures do not move when the widget
      // starts), inert until then: nothing here can be used before the widget has taken it over.
      for (const part of widget.querySelectorAll('.modes, .inputs')) part.setAttribute('inert', '');
      for (const child of [...widget.querySelector('.results').children]) if (!child.matches('.headline')) child.remove();
      widget.querySelector('.headline .status')?.remove();
      widget.dataset.prerendered = 'default';
      return widget.outerHTML;
    });
  } finally {
    await browser.close();
  }
}

/** `<roi-calculator>` with `attributes` (its opening tag's, e.g. ` inputs="quick"`) holding `html` in a
 *  declarative shadow root with the widget's stylesheet. */
export const element = (html, attributes = '') => `<roi-calculator${attributes}><template shadowrootmode="open">`
  + `<link rel="stylesheet" href="roi-calculator.css">${html}</template></roi-calculator>`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = await readFile(INDEX, 'utf8');
  if (!ELEMENT.test(index)) throw new Error('www/index.html has no <roi-calculator> element');
  const [current, attributes] = index.match(ELEMENT);
  const html = element(await prerendered(), attributes);
  if (process.argv.includes('--check')) {
    if (current !== html) {
      console.error('www/index.html: the prerendered figures are not the engine\'s: run node scripts/prerender.mjs');
      process.exit(1);
    }
    console.log('www/index.html: the prerendered figures are the engine\'s');
  } else if (current !== html) {
    await writeFile(INDEX, index.replace(ELEMENT, () => html));
    console.log('www/index.html: prerendered figures written');
  } else {
    console.log('www/index.html: prerendered figures unchanged');
  }
}
