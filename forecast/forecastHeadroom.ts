import { WHAT_IF_SUFFIX } from '../bench/runBench.ts';
import type { ForecastQuery, ForecastSection, QueryResult } from '../results/resultsModel.ts';
import { crossingVolume } from './crossingVolume.ts';
import { fitPowerLaw } from './fitPowerLaw.ts';

/** One run's query benchmarks and the volume they ran at. */
export interface BenchMeasurements {
  runId: string;
  volume: number;
  volumeSource: 'bench' | 'seed';
  scale?: string | undefined;
  queries: readonly QueryResult[];
}

export interface HeadroomInput {
  /** The run forecast from ("today"). */
  today: BenchMeasurements;
  /** Earlier runs at other volumes (already matched to today's target). */
  earlier: readonly BenchMeasurements[];
  /** Forecast up to this multiple of today's volume. Default 1000. */
  horizonFactor?: number;
}

// Below the smallest measured volume the band is searched this far down, so a wide interval shows its real lower end.
const FLOOR_FACTOR = 10;

/**
 * Per query of today's run: its p95 at each volume (today's, and the newest earlier run at each
 * other volume), the power law through them, and where it crosses the query's own p95 budget.
 * Pure: the caller reads the runs and decides which match.
 */
export function forecastHeadroom({ today, earlier, horizonFactor = 1_000 }: HeadroomInput): ForecastSection {
  const chosen = new Map<number, BenchMeasurements>([[today.volume, today]]);
  const skipped: ForecastSection['skipped'] = [];
  // Newest first, so the first run seen at a volume is the one kept.
  for (const run of [...earlier].sort((a, b) => b.runId.localeCompare(a.runId))) {
    const kept = chosen.get(run.volume);
    if (kept) skipped.push({ runId: run.runId, reason: `same volume as ${kept === today ? 'this run' : `the newer run ${kept.runId}`}` });
    else chosen.set(run.volume, run);
  }
  const runs = [...chosen.values()].sort((a, b) => a.volume - b.volume);
  const horizonVolume = today.volume * horizonFactor;
  const queries = measured(today.queries).map((query) => forecastQuery(query, runs, today, horizonVolume));
  return {
    volumeMeasure: 'submissions',
    todayVolume: today.volume,
    horizonVolume,
    runs: runs.map(({ runId, volume, volumeSource, scale }) => ({ runId, volume, volumeSource, ...(scale ? { scale } : {}) })),
    skipped,
    queries: queries.sort(closestToBreaking),
  };
}

function forecastQuery(query: QueryResult, runs: readonly BenchMeasurements[], today: BenchMeasurements, horizonVolume: number): ForecastQuery {
  const points = runs.flatMap((run) => {
    const same = measured(run.queries).find((other) => keyOf(other) === keyOf(query));
    return same ? [{ runId: run.runId, volume: run.volume, p95Ms: same.latency.p95Ms }] : [];
  });
  const base = { name: query.name, role: query.role, paramClass: query.paramClass, budgetMs: query.budget.p95Ms, points };
  const fit = fitPowerLaw(points);
  if (!fit) {
    const note = points.length < 2 ? 'measured at one volume only: no forecast' : 'a p95 of 0 ms cannot be fitted in log space';
    return { ...base, fit: null, crossing: null, superLinear: false, note };
  }
  const floorVolume = points[0]!.volume / FLOOR_FACTOR;
  const crossing = crossingVolume({ fit, budgetMs: query.budget.p95Ms, todayVolume: today.volume, todayP95Ms: query.latency.p95Ms, horizonVolume, floorVolume });
  const times = (v: number | null) => (v === null ? null : v / today.volume);
  return {
    ...base,
    fit,
    crossing: { ...crossing, multiplier: times(crossing.volume), multiplierLow: times(crossing.low), multiplierHigh: times(crossing.high) },
    superLinear: fit.exponent > 1,
    ...(fit.method === 'exact' ? { note: 'two volumes: the line is exact and has no uncertainty estimate; a third volume gives one' } : {}),
  };
}

/** The queries that were timed (not the pg_stat_statements summary, not what-if re-runs, not unmeasured ones). */
function measured(queries: readonly QueryResult[]): QueryResult[] {
  return queries.filter((q) => q.iterations > 0 && q.latency.count > 0 && !q.name.endsWith(WHAT_IF_SUFFIX));
}

function keyOf(query: QueryResult): string {
  return `${query.name}\u0000${query.role}\u0000${query.paramClass}`;
}

/** Over budget first, then the smallest crossing multiple, then the fastest growth; no forecast last. */
function closestToBreaking(a: ForecastQuery, b: ForecastQuery): number {
  return rank(a) - rank(b) || (a.crossing?.multiplier ?? Infinity) - (b.crossing?.multiplier ?? Infinity) || (b.fit?.exponent ?? -Infinity) - (a.fit?.exponent ?? -Infinity) || a.name.localeCompare(b.name);
}

function rank(query: ForecastQuery): number {
  return { 'over-budget': 0, crosses: 1, 'beyond-range': 2, 'does-not-cross': 3 }[query.crossing?.status ?? 'does-not-cross'] + (query.fit ? 0 : 1);
}
