import { GomflowError } from '../core/errors.ts';
import type { RealtimeResult } from '../results/realtimeModel.ts';
import type { BudgetLimits, ScenarioResult, TimelinePoint } from '../results/resultsModel.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { DEFAULT_FANOUT_KNOBS, runRealtimeFanout, type FanoutOutcome } from './drivers/realtime/realtimeFanout.ts';
import { hasRestEndpoint, openRestEndpoint, signInsOf } from './drivers/rest/restEndpoint.ts';
import type { LoadChoice } from './loadStage.ts';
import type { LoadStageEvents } from './withScenario.ts';

/** The scenarios of the realtime subscriber driver. */
export const REALTIME_SCENARIOS = ['realtime-fanout'] as const;

export function isRealtimeScenario(name: string): boolean {
  return (REALTIME_SCENARIOS as readonly string[]).includes(name);
}

/**
 * realtime-fanout as a load stage: the target's /realtime/v1 (the local API server, started
 * for the command as the REST driver does when `db up` has not; or SUPABASE_URL), the
 * subscribers and the changes of one run, its section of results.json.
 */
export async function realtimeStage(stage: StageContext & { events: LoadStageEvents }, choice: LoadChoice): Promise<ScenarioResult> {
  const { session, config, events } = stage;
  if (!hasRestEndpoint(session.target)) throw new GomflowError('E_USAGE', `target ${session.target.kind} has no /realtime/v1; run ${choice.scenario} with --target local or supabase`);
  const k = choice.knobs;
  const knobs = { ...DEFAULT_FANOUT_KNOBS, ...(k.subscribers ? { subscribers: Math.ceil(k.subscribers) } : {}), ...(k.joinRate ? { joinRate: k.joinRate } : {}), ...(k.rate ? { changeRate: k.rate } : {}), ...(k.durationMs ? { durationMs: k.durationMs } : {}) };
  events.note(`${choice.scenario}: ${knobs.subscribers} subscribers joining at ${knobs.joinRate}/s, ${knobs.changeRate} submissions/s to the hot order for ${knobs.durationMs / 1000} s`);
  const startedAt = new Date();
  const endpoint = await openRestEndpoint(session.target, config);
  let outcome: FanoutOutcome;
  try {
    outcome = await runRealtimeFanout({
      control: session.client,
      databaseUrl: session.target.url,
      endpoint,
      knobs,
      signal: stage.signal,
      keep: choice.keep,
      onTick: (point) => events.scenarioTick?.(choice.scenario, { t: point.t, requests: point.delivered, errors: 0, p50Ms: point.p50Ms, p95Ms: point.p95Ms, p99Ms: point.p99Ms }),
    });
  } finally {
    await endpoint.release();
  }
  if (outcome.realtime.publication.added.length > 0) events.note(`${choice.scenario}: added ${outcome.realtime.publication.added.join(', ')} to ${outcome.realtime.publication.name} for the run and put the publication back as it was`);
  const signIns = signInsOf(endpoint);
  const result = { ...summarizeRealtime(choice.scenario, startedAt, outcome, config.budgets, session.target.kind === 'local'), ...(signIns ? { signIns } : {}) };
  choice.onResult?.(result);
  if (outcome.stoppedEarly === 'interrupted') throw new GomflowError('E_ABORTED', 'the load scenario was interrupted');
  return result;
}

/**
 * The scenario's section: a request is an owed delivery, an error a missing one (the error-rate
 * budget applies to them), latency is delivery latency. Duplicates, deliveries RLS should have
 * stopped and changes that failed to commit fail it outright; so do join failures at or over
 * the error-rate budget.
 */
export function summarizeRealtime(name: string, startedAt: Date, outcome: FanoutOutcome, budgets: Pick<BudgetLimits, 'errorRatePct'>, localStack: boolean): ScenarioResult {
  const rt = outcome.realtime;
  const errorRatePct = rt.expectedDeliveries > 0 ? (rt.missing / rt.expectedDeliveries) * 100 : 0;
  const reasons: string[] = [];
  if (rt.expectedDeliveries > 0 && errorRatePct >= budgets.errorRatePct) reasons.push(`missing deliveries ${rt.missing} of ${rt.expectedDeliveries} = ${errorRatePct.toFixed(2)} % (budget < ${budgets.errorRatePct} %)`);
  reasons.push(...deliveryFaults(rt, budgets));
  if (rt.changesFailed > 0) reasons.push(`${rt.changesFailed} changes failed to commit (first: ${outcome.changeError})`);
  const status = rt.expectedDeliveries === 0 ? 'skip' : reasons.length > 0 ? 'fail' : 'pass';
  const timeline: TimelinePoint[] = rt.timeline.map((point) => ({ t: point.t, requests: point.delivered, errors: 0, p50Ms: point.p50Ms, p95Ms: point.p95Ms, p99Ms: point.p99Ms }));
  return {
    name,
    engine: 'node',
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(outcome.durationMs),
    requests: rt.expectedDeliveries,
    errors: rt.missing,
    errorRatePct,
    latency: rt.latency,
    timeline,
    status,
    ...(status === 'skip' ? { detail: 'no delivery was owed (no subscriber joined before a change)' } : reasons.length > 0 ? { detail: reasons.join('; ') } : {}),
    ...(localStack ? { localStack } : {}),
    realtime: rt,
    ...(outcome.stoppedEarly ? { stoppedEarly: outcome.stoppedEarly } : {}),
    writes: outcome.writes,
  };
}

/** What fails a scenario with subscribers outright, whatever its error rate: duplicates, deliveries RLS or the filter should have stopped, join failures at or over the error-rate budget. */
export function deliveryFaults(rt: RealtimeResult, budgets: Pick<BudgetLimits, 'errorRatePct'>): string[] {
  const planned = Object.values(rt.subscribers).reduce((sum, n) => sum + n, 0);
  const faults: string[] = [];
  if (rt.duplicates > 0) faults.push(`${rt.duplicates} duplicate deliveries`);
  if (rt.leaked > 0) faults.push(`${rt.leaked} deliveries to subscribers RLS or their filter excludes`);
  if (planned > 0 && (rt.joinFailures / planned) * 100 >= budgets.errorRatePct) faults.push(`${rt.joinFailures} of ${planned} subscribers could not join`);
  return faults;
}
