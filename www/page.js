// The page around the widget: the scenario lives in the URL fragment (never sent to a server), updated
// as the person types, so the address is always a link that reopens exactly this scenario. It is also
// kept in this browser's localStorage, so the last scenario survives a reload or a return to the bare
// address; a link in the fragment always wins over what was stored.
import { decodeScenario, encodeScenario, exportScenario } from './pkg/roi_calculator.js';
import { engine } from './roi-calculator.js';

const calculator = document.querySelector('roi-calculator');
const notice = document.getElementById('link-notice');

function tell(message) {
  notice.textContent = message;
  notice.hidden = false;
}

// The stored scenario is its link text ("v1.…"), so it is read by the same versioned, tolerant decoder.
// Every access is guarded: storage can be missing or throw (private mode, disabled cookies, a sandboxed
// frame, a full quota), and the page then simply works without it.
const STORED = 'roi-calculator:scenario';

function stored() {
  try {
    return globalThis.localStorage?.getItem(STORED) ?? null;
  } catch {
    return null;
  }
}

function store(scenario) {
  try {
    globalThis.localStorage?.setItem(STORED, encodeScenario(scenario));
  } catch {
    // Not kept on this device; the link in the address still holds it.
  }
}

function forget() {
  try {
    globalThis.localStorage?.removeItem(STORED);
  } catch {
    // Nothing to do.
  }
}

await engine; // the shell's one instance of the engine (calling init() here would download it again)
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
} else if (stored()) {
  const link = stored();
  try {
    const { scenario, dropped } = decodeScenario(link);
    calculator.scenario = scenario;
    history.replaceState(null, '', `#${link}`);
    if (dropped.length > 0) tell('Part of the scenario kept in this browser could not be read; defaults replace it.');
  } catch {
    forget(); // Unreadable (or from a newer version): start from the defaults.
  }
}

// Kept as soon as an edit is announced; the link in the address follows a moment later (browsers limit
// how often it may change). An edit in the last instant before leaving is kept on `pagehide`.
let pending;
let unsaved = false;
for (const edit of ['input', 'click']) calculator.addEventListener(edit, () => { unsaved = true; });
calculator.addEventListener('roi-change', (event) => {
  unsaved = false;
  store(event.detail.scenario);
  clearTimeout(pending);
  pending = setTimeout(() => history.replaceState(null, '', `#${encodeScenario(event.detail.scenario)}`), 250);
});
addEventListener('pagehide', () => {
  if (unsaved && calculator.scenario) store(calculator.scenario);
});

// Share and keep: the content comes from the engine; the clipboard and the file download are the
// browser's. Everything stays on this machine.
const shareStatus = document.getElementById('share-status');
// The address without its fragment (`location.origin` is "null" for a file:// page in some browsers).
const linkFor = (scenario) => `${location.href.split('#')[0]}#${encodeScenario(scenario)}`;

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
