import { queryKey, queryLabel } from './evaluateBudgets.ts';
import type { Results, ScenarioResult } from '../results/resultsModel.ts';

/** How much slower p95 may get before it counts as a regression: both limits must be exceeded. */
export interface RegressionTolerance {
  /** Relative growth of p95 beyond which it regressed, percent. Default 20. */
  pct: number;
  /** Absolute growth of p95 from which it regressed, ms. Default 5. */
  ms: number;
}

/** p95 +20 % and at least +5 ms: small queries jitter by a few ms without being slower. */
export const DEFAULT_TOLERANCE: RegressionTolerance = { pct: 20, ms: 5 };

/** A p95 before and after. */
export interface LatencyChange {
  /** Baseline p95, ms. */
  beforeMs: number;
  /** This run's p95, ms. */
  afterMs: number;
  /** afterMs - beforeMs. */
  deltaMs: number;
  /** Growth in percent of beforeMs; null when the baseline was 0. */
  deltaPct: number | null;
  /** Slower beyond the tolerance. */
  regression: boolean;
  /** Faster beyond the tolerance (mirror of regression). */
  improvement: boolean;
}

/** How one query or scenario compares with the baseline. */
export interface BaselineEntry {
  /** Query key (see queryKey) or scenario name. */
  key: string;
  /** What to call it. */
  label: string;
  kind: 'query' | 'scenario';
  /** In both runs ("changed"), only in this one ("new") or only in the baseline ("gone"). */
  presence: 'changed' | 'new' | 'gone';
  /** p95 change, when in both runs and both measured something. */
  p95?: LatencyChange;
  /** Scenario throughput before and after, requests/s. */
  throughput?: { before: number; after: number };
  /** Scenario error rate before and after, percent. */
  errorRatePct?: { before: number; after: number };
}

/** This run against a baseline run. */
export interface BaselineComparison {
  baselineRunId: string;
  baselineFinishedAt: string;
  tolerance: RegressionTolerance;
  /** Queries then scenarios, each in this run's order, then what only the baseline had. */
  entries: BaselineEntry[];
  /** The entries whose p95 regressed. */
  regressions: BaselineEntry[];
}

/** Regressed when p95 grew by more than `pct` percent AND by at least `ms` milliseconds. */
export function compareLatency(beforeMs: number, afterMs: number, tolerance: RegressionTolerance = DEFAULT_TOLERANCE): LatencyChange {
  const deltaMs = afterMs - beforeMs;
  const deltaPct = beforeMs > 0 ? (deltaMs / beforeMs) * 100 : null;
  const beyond = (ms: number, pct: number | null) => ms >= tolerance.ms && (pct === null || pct > tolerance.pct);
  return {
    beforeMs,
    afterMs,
    deltaMs,
    deltaPct,
    regression: beyond(deltaMs, deltaPct),
    improvement: deltaPct !== null && beyond(-deltaMs, -deltaPct),
  };
}

/** Matches queries by name, role and parameter class and scenarios by name, and compares their p95. */
export function compareToBaseline(current: Results, baseline: Results, tolerance: RegressionTolerance = DEFAULT_TOLERANCE): BaselineComparison {
  const entries: BaselineEntry[] = [];
  const oldQueries = new Map(baseline.queries.map((query) => [queryKey(query), query]));
  for (const query of current.queries) {
    const key = queryKey(query);
    const before = oldQueries.get(key);
    oldQueries.delete(key);
    const entry: BaselineEntry = { key, label: queryLabel(query), kind: 'query', presence: before ? 'changed' : 'new' };
    if (before && before.latency.count > 0 && query.latency.count > 0) entry.p95 = compareLatency(before.latency.p95Ms, query.latency.p95Ms, tolerance);
    entries.push(entry);
  }
  const oldScenarios = new Map(baseline.scenarios.map((scenario) => [scenario.name, scenario]));
  for (const scenario of current.scenarios) {
    const before = oldScenarios.get(scenario.name);
    oldScenarios.delete(scenario.name);
    const entry: BaselineEntry = { key: scenario.name, label: scenario.name, kind: 'scenario', presence: before ? 'changed' : 'new' };
    if (before && before.latency.count > 0 && scenario.latency.count > 0) {
      entry.p95 = compareLatency(before.latency.p95Ms, scenario.latency.p95Ms, tolerance);
      entry.throughput = { before: throughput(before.requests, before.durationMs), after: throughput(scenario.requests, scenario.durationMs) };
      entry.errorRatePct = { before: before.errorRatePct, after: scenario.errorRatePct };
    }
    entries.push(entry);
    entries.push(...journeyEntries(scenario, before, tolerance));
  }
  for (const [key, query] of oldQueries) entries.push({ key, label: queryLabel(query), kind: 'query', presence: 'gone' });
  for (const [key] of oldScenarios) entries.push({ key, label: key, kind: 'scenario', presence: 'gone' });
  return {
    baselineRunId: baseline.run.id,
    baselineFinishedAt: baseline.run.finishedAt,
    tolerance,
    entries,
    regressions: entries.filter((entry) => entry.p95?.regression),
  };
}

/**
 * Each journey of a scenario against the same journey of the baseline's scenario, by p95 with
 * the queries' tolerance, so --fail-on-regression catches one slower journey under load.
 */
function journeyEntries(scenario: ScenarioResult, before: ScenarioResult | undefined, tolerance: RegressionTolerance): BaselineEntry[] {
  const old = new Map((before?.journeys ?? []).map((journey) => [journey.name, journey]));
  return (scenario.journeys ?? []).map((journey) => {
    const previous = old.get(journey.name);
    const entry: BaselineEntry = { key: `${scenario.name}:${journey.name}`, label: `${scenario.name} · ${journey.name}`, kind: 'scenario', presence: previous ? 'changed' : 'new' };
    if (previous && previous.latency.count > 0 && journey.latency.count > 0) {
      entry.p95 = compareLatency(previous.latency.p95Ms, journey.latency.p95Ms, tolerance);
      entry.errorRatePct = { before: pct(previous.errors, previous.requests), after: pct(journey.errors, journey.requests) };
    }
    return entry;
  });
}

function pct(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/** Requests per second over a duration in ms; 0 for an empty duration. */
export function throughput(requests: number, durationMs: number): number {
  return durationMs > 0 ? (requests * 1000) / durationMs : 0;
}
