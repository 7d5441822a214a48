// The page around the widget: the scenario lives in the URL fragment (never sent to a server), updated
// as the person types, so the address is always a link that reopens exactly this scenario.
import init, { decodeScenario, encodeScenario } from './pkg/roi_calculator.js';

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
