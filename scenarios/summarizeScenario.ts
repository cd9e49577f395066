import type { BudgetLimits, JourneyResult, ScenarioResult } from '../results/resultsModel.ts';
import { summarize } from '../results/histogram.ts';
import type { LoadRunOutcome } from './engine/runLoad.ts';
import type { LoadModel } from './engine/loadModel.ts';
import { peakRate } from './engine/loadModel.ts';
import type { WorkloadJourney } from './workloads/workload.ts';

export interface SummaryInput {
  name: string;
  startedAt: Date;
  model: LoadModel;
  journeys: readonly WorkloadJourney[];
  outcome: LoadRunOutcome;
  budgets: Pick<BudgetLimits, 'errorRatePct' | 'peakConnections' | 'queryP95Ms'>;
  /** What drivers beside the engine add (launch-drop's dashboards: owed deliveries as requests, missing ones as errors, and their own failures). */
  alongside?: { requests: number; errors: number; reasons: string[] };
}

/**
 * The scenario's section of results.json: totals, per-journey p95 against its budget, the
 * series. It fails when its error rate, its peak connections or a journey's p95 is over
 * budget, or when abort-on-fail stopped it; why is said in `detail`.
 */
export function summarizeScenario(input: SummaryInput): ScenarioResult {
  const { outcome, budgets } = input;
  const { recorder } = outcome;
  const journeys: JourneyResult[] = recorder.journeySummaries().map((summary) => {
    const declared = input.journeys.find((journey) => journey.name === summary.name);
    const budgetP95Ms = declared?.budgetP95Ms ?? budgets.queryP95Ms;
    const status = summary.latency.count === 0 ? 'skip' : summary.latency.p95Ms < budgetP95Ms ? 'pass' : 'fail';
    return { name: summary.name, patterns: declared?.patterns ?? [], requests: summary.requests, errors: summary.errors, latency: summary.latency, budgetP95Ms, status };
  });
  const requests = recorder.requests + (input.alongside?.requests ?? 0);
  const errors = recorder.errors + (input.alongside?.errors ?? 0);
  const errorRatePct = requests > 0 ? (errors / requests) * 100 : 0;
  const reasons: string[] = [];
  if (requests > 0 && errorRatePct >= budgets.errorRatePct) reasons.push(`error rate ${errorRatePct.toFixed(2)} % (budget < ${budgets.errorRatePct} %)`);
  if (outcome.peakConnections !== undefined && outcome.peakConnections >= budgets.peakConnections) reasons.push(`peak connections ${outcome.peakConnections} (alert line ${budgets.peakConnections})`);
  const slow = journeys.filter((journey) => journey.status === 'fail');
  if (slow.length > 0) reasons.push(`p95 over budget: ${slow.map((journey) => `${journey.name} ${journey.latency.p95Ms.toFixed(1)} ms`).join(', ')}`);
  if (outcome.stoppedEarly?.startsWith('abort on fail')) reasons.push(outcome.stoppedEarly);
  reasons.push(...(input.alongside?.reasons ?? []));
  const status = requests === 0 ? 'skip' : reasons.length > 0 ? 'fail' : 'pass';
  // Absent rather than 0 when no checkout was made: nothing was measured.
  const poolWait = recorder.poolWait.totalCount > 0 ? summarize(recorder.poolWait) : undefined;
  const model = input.model.kind === 'open' ? { kind: 'open' as const, peakRateRps: peakRate(input.model) } : { kind: 'closed' as const, vus: input.model.vus };
  return {
    name: input.name,
    engine: 'node',
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(outcome.durationMs),
    requests,
    errors,
    errorRatePct,
    latency: summarize(recorder.total),
    timeline: recorder.timeline,
    ...(outcome.peakConnections !== undefined ? { peakConnections: outcome.peakConnections } : {}),
    status,
    ...(status === 'skip' ? { detail: 'no request completed' } : reasons.length > 0 ? { detail: reasons.join('; ') } : {}),
    model,
    errorsByClass: { ...recorder.errorsByClass },
    droppedIterations: recorder.dropped,
    ...(poolWait ? { poolWaitMaxMs: poolWait.maxMs, poolWait } : {}),
    journeys,
    ...(outcome.stoppedEarly ? { stoppedEarly: outcome.stoppedEarly } : {}),
  };
}
