// Compiled with `tsc --noEmit` against the generated pkg/roi_calculator.d.ts: the public API must stay
// typed (a type that decays to `any` would let the lines marked @ts-expect-error compile, failing this).
import init, { applyMeasurements, assess, benchmarks, decodeScenario, defaultScenario, encodeScenario, evaluate, realise } from '../../pkg/roi_calculator.js';
import type { Assessment, Realised, Report, Scenario } from '../../pkg/roi_calculator.js';

export async function usage(): Promise<void> {
  await init();
  const scenario: Scenario = defaultScenario();
  scenario.departments[0].headcount = 250;
  const report: Report = evaluate(scenario);
  const roi: number | null = report.annual.roiPercent;
  const payback: number | null = report.paybackMonths;
  const withTable: Report = evaluate(scenario, benchmarks());
  const link: string = encodeScenario(scenario);
  const { scenario: reopened, dropped } = decodeScenario(link);
  const firstProblem: string | undefined = dropped[0]?.path;
  const assessment: Assessment = assess({ version: 1, checkpointDay: 30, metrics: { activeUsageRate: 0.6 }, departments: [] });
  const status: 'green' | 'amber' | 'red' | 'unknown' | 'notYetJudged' = assessment.metrics.activeUsageRate.status;
  const realised: Realised = realise(scenario, { version: 1, checkpointDay: 90, metrics: { activeUsageRate: 0.6 }, departments: [] });
  const basis: 'measured' | 'projected' = realised.departments[0].activeRate.basis;
  const applied: Scenario = applyMeasurements(scenario, { version: 1, checkpointDay: 90, metrics: { hoursSavedPerWeek: 4 }, departments: [] }, benchmarks());

  // @ts-expect-error: the ROI is a number or null, never a string.
  const wrong: string = report.annual.roiPercent;
  // @ts-expect-error: departments have no `size` field.
  scenario.departments[0].size = 3;
  void [roi, payback, withTable, reopened, firstProblem, status, basis, applied, wrong];
}
