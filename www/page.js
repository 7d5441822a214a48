// The page around the widget: the scenario lives in the URL fragment (never sent to a server), updated
// as the person types, so the address is always a link that reopens exactly this scenario.
import init, { decodeScenario, encodeScenario, exportScenario } from './pkg/roi_calculator.js';

const calculator = document.querySelector('roi-calculator');
const notice = document.getElementById('link-notice');

function tell(message) {
  notice.textContent = message;
  notice.hidden = false;
}

await init();
if (location.hash.length > 1) {
  try {
    const { scenario, dropped } = decodeScenario(location.hash);
    calculator.scenario = scenario;
    if (dropped.length > 0) {
      tell(`This link was damaged; ${dropped.length === 1 ? 'one setting was' : `${dropped.length} settings were`} ` +
           'replaced by defaults and everything else opened as shared.');
    }
  } catch (error) {
    tell(`${error.message} The default scenario is shown instead.`);
  }
}

let pending;
calculator.addEventListener('roi-change', (event) => {
  clearTimeout(pending);
  pending = setTimeout(() => history.replaceState(null, '', `#${encodeScenario(event.detail.scenario)}`), 250);
});

// Share and keep: the content comes from the engine; the clipboard and the file download are the
// browser's. Everything stays on this machine.
const shareStatus = document.getElementById('share-status');
const linkFor = (scenario) => `${location.origin}${location.pathname}#${encodeScenario(scenario)}`;

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    shareStatus.textContent = `${what} copied.`;
  } catch {
    shareStatus.textContent = `The browser did not allow copying; here it is to copy by hand: ${text}`;
  }
}

document.querySelector('.share .actions').addEventListener('click', async (event) => {
  const action = event.target.closest('button[data-share]')?.dataset.share;
  if (!action) return;
  if (action === 'print') return window.print();
  try {
    const scenario = calculator.scenario;
    if (action === 'link') return await copy(linkFor(scenario), 'Link');
    const files = exportScenario(scenario, new URL('roi-calculator.js', location.href).href);
    if (action === 'embed') return await copy(files.embed, 'Embed snippet');
    if (action === 'departments') download('roi-departments.csv', files.departmentsCsv, 'text/csv');
    if (action === 'monthly') download('roi-monthly-projection.csv', files.monthlyCsv, 'text/csv');
    if (action === 'json') download('roi-scenario-and-report.json', files.json, 'application/json');
    shareStatus.textContent = 'Downloaded.';
  } catch (error) {
    shareStatus.textContent = error.message;
  }
});
