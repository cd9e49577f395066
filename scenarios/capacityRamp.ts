import { formatMs } from '../core/format.ts';
import type { LatencyHistogram } from '../results/histogram.ts';
import type { BudgetLimits, Capacity } from '../results/resultsModel.ts';
import { OPEN_MAX_IN_FLIGHT } from './workloads/namedScenarios.ts';
import type { OpenModel } from './engine/loadModel.ts';
import type { SeriesRecorder } from './engine/seriesRecorder.ts';

/** Multiples of the expected launch peak the ramp tries, in order. */
export const CAPACITY_MULTIPLES = [0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50] as const;

/** Share of offered iterations that may be dropped before a step counts as not held. */
const MAX_DROPPED_SHARE = 0.01;

/** One step's open model: the launch mix at `multiple` × the expected peak, held for stepMs. */
export function capacityStepModel(expectedPeakRps: number, multiple: number, stepMs: number): OpenModel {
  const rate = expectedPeakRps * multiple;
  return { kind: 'open', startRate: rate, stages: [{ durationMs: stepMs, rate }], maxInFlight: OPEN_MAX_IN_FLIGHT };
}

/**
 * Judges the window the recorder kept for one step against the budgets, first broken first:
 * error rate, p95 (the 100 ms line), peak connections, then dropped iterations (the load could
 * not even be offered: every in-flight slot was waiting).
 */
export function judgeStep(recorder: SeriesRecorder, multiple: number, rateRps: number, peakConnections: number | undefined, budgets: Pick<BudgetLimits, 'errorRatePct' | 'queryP95Ms' | 'peakConnections'>): Capacity['steps'][number] {
  const window = recorder.startWindow();
  const requests = window.requests;
  const errorRatePct = requests > 0 ? (window.errors / requests) * 100 : 0;
  const p95Ms = requests > 0 ? window.histogram.getValueAtPercentile(95) / 1000 : 0;
  let broke: string | undefined;
  if (requests === 0) broke = 'no request completed';
  else if (errorRatePct >= budgets.errorRatePct) broke = `error rate ${errorRatePct.toFixed(2)} % (budget < ${budgets.errorRatePct} %)`;
  else if (p95Ms >= budgets.queryP95Ms) broke = `p95 ${p95Ms.toFixed(1)} ms (budget < ${budgets.queryP95Ms} ms)${slowestJourneys(window.journeys, budgets.queryP95Ms)}`;
  else if (peakConnections !== undefined && peakConnections >= budgets.peakConnections) broke = `peak connections ${peakConnections} (alert line ${budgets.peakConnections})`;
  else if (window.offered > 0 && window.dropped / window.offered > MAX_DROPPED_SHARE) broke = `${window.dropped} of ${window.offered} iterations dropped (every slot busy)`;
  return {
    multiple,
    rateRps,
    requests,
    errorRatePct,
    p95Ms,
    ...(peakConnections !== undefined ? { peakConnections } : {}),
    dropped: window.dropped,
    status: broke ? 'fail' : 'pass',
    ...(broke ? { broke } : {}),
  };
}

/** ", slowest: gom-submissions p95 1,212 ms, dashboard p95 640 ms": the step's journeys over the budget, worst first, at most three. */
function slowestJourneys(journeys: ReadonlyMap<string, LatencyHistogram>, budgetMs: number): string {
  const over = [...journeys]
    .map(([name, histogram]) => ({ name, p95Ms: histogram.getValueAtPercentile(95) / 1000 }))
    .filter((journey) => journey.p95Ms >= budgetMs)
    .sort((a, b) => b.p95Ms - a.p95Ms || a.name.localeCompare(b.name))
    .slice(0, 3);
  return over.length > 0 ? `; slowest: ${over.map((journey) => `${journey.name} p95 ${formatMs(journey.p95Ms)} ms`).join(', ')}` : '';
}

/** The finding: the highest multiple held, the first that broke and what broke. */
export function capacityFinding(expectedPeakRps: number, steps: Capacity['steps']): Capacity {
  const firstBroken = steps.find((step) => step.status === 'fail');
  const held = steps.filter((step) => step.status === 'pass' && (!firstBroken || step.multiple < firstBroken.multiple)).at(-1);
  return {
    expectedPeakRps,
    heldMultiple: held?.multiple ?? null,
    brokeAtMultiple: firstBroken?.multiple ?? null,
    ...(firstBroken?.broke ? { broke: firstBroken.broke } : {}),
    steps,
  };
}

/** "holds 7× the launch peak (238 req/s); breaks at 10×: p95 …" */
export function describeCapacity(capacity: Capacity): string {
  const rate = (multiple: number) => `${Math.round(multiple * capacity.expectedPeakRps)} req/s`;
  const held = capacity.heldMultiple === null ? 'holds less than the lowest step' : `holds ${capacity.heldMultiple}× the launch peak (${rate(capacity.heldMultiple)})`;
  const broke = capacity.brokeAtMultiple === null ? 'no budget broke up to the last step' : `breaks at ${capacity.brokeAtMultiple}× (${rate(capacity.brokeAtMultiple)}): ${capacity.broke}`;
  return `${held}; ${broke}`;
}
