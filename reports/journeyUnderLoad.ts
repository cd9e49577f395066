import { scanLabels } from '../bench/planNode.ts';
import { formatMs, formatPct, formatRate } from '../core/format.ts';
import type { CapturedPlan, JourneyResult, JourneyWaits, QueryResult, ScenarioResult } from '../results/resultsModel.ts';

/** A journey of a scenario read with what the server said about it and its idle benchmark. */
export interface JourneyUnderLoad {
  journey: JourneyResult;
  /** Its catalog query idle: the run's bench section when it has the query, else the short benchmark taken after the scenario. */
  idle?: { p95Ms: number; plan?: unknown };
  /** Its slowest captured plans, slowest first. */
  plans: CapturedPlan[];
  /** One line: "p95 4 ms idle → 180 ms at 30 req/s; plan unchanged; 70 % waiting on Lock:transactionid behind payment-webhook". */
  line: string;
}

/** A wait profile's largest share that is a wait (not CPU): "70 % waiting on Lock:transactionid behind payment-webhook"; else the CPU share. Pure. */
export function describeWaits(waits: JourneyWaits | undefined): string | undefined {
  if (!waits || waits.samples === 0) return undefined;
  const ranked = Object.entries(waits.events).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const waiting = ranked.find(([event]) => event !== 'CPU');
  if (!waiting) return `${formatPct(100)} of ${waits.samples} samples on CPU (no wait)`;
  const [event, n] = waiting;
  const blockers = Object.entries(waits.blockedBy).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const behind = event.startsWith('Lock:') && blockers.length > 0 ? ` behind ${blockers[0]![0]}` : '';
  return `${formatPct((100 * n) / waits.samples)} of ${waits.samples} samples waiting on ${event}${behind}`;
}

/**
 * Each journey of the scenario beside its idle benchmark: p95 idle → under load at the
 * journey's rate, whether the captured plan's scans are the idle plan's, and where its time
 * went. Over-budget journeys first, then those with captured plans. Pure.
 */
export function journeysUnderLoad(scenario: ScenarioResult, queries: readonly QueryResult[]): JourneyUnderLoad[] {
  const seconds = scenario.durationMs / 1000;
  return (scenario.journeys ?? [])
    .map((journey) => {
      const idle = idleRun(journey, queries);
      const plans = (scenario.capture?.plans ?? []).filter((plan) => plan.journey === journey.name);
      const parts: string[] = [];
      const rate = seconds > 0 ? ` at ${formatRate(journey.requests / seconds, 'req')}` : '';
      parts.push(idle ? `p95 ${formatMs(idle.p95Ms)} ms idle → ${formatMs(journey.latency.p95Ms)} ms${rate}` : `p95 ${formatMs(journey.latency.p95Ms)} ms${rate} (no idle benchmark in this run)`);
      if (plans.length > 0 && idle?.plan !== undefined) {
        const before = scanLabels(idle.plan);
        const after = scanLabels(plans[0]!.plan);
        parts.push(before.join() === after.join() ? 'plan unchanged' : `plan changed: ${before.join(', ') || '?'} → ${after.join(', ') || '?'}`);
      } else if (plans.length > 0) parts.push(`${plans.length} plan${plans.length === 1 ? '' : 's'} captured`);
      const waits = describeWaits(journey.waits);
      if (waits) parts.push(waits);
      return { journey, ...(idle ? { idle } : {}), plans, line: parts.join('; ') };
    })
    .filter((entry) => entry.journey.status === 'fail' || entry.plans.length > 0)
    .sort((a, b) => Number(b.journey.status === 'fail') - Number(a.journey.status === 'fail') || b.journey.latency.p95Ms - a.journey.latency.p95Ms);
}

/** What stands for the journey idle: its catalog query in the bench section (hot parameters first), else its own idle run. */
function idleRun(journey: JourneyResult, queries: readonly QueryResult[]): JourneyUnderLoad['idle'] {
  const runs = journey.catalogQuery ? queries.filter((query) => query.name === journey.catalogQuery && query.latency.count > 0) : [];
  const bench = runs.find((query) => query.paramClass === 'hot') ?? runs[0];
  if (bench) return { p95Ms: bench.latency.p95Ms, ...(bench.plan !== undefined ? { plan: bench.plan } : {}) };
  return journey.idle ? { p95Ms: journey.idle.p95Ms, ...(journey.idle.plan !== undefined ? { plan: journey.idle.plan } : {}) } : undefined;
}
