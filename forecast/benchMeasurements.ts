import type { Results, TargetFacts } from '../results/resultsModel.ts';
import type { BenchMeasurements } from './forecastHeadroom.ts';

/**
 * A recorded run's query benchmarks with their volume: the submissions the bench stage counted
 * (dataVolume), or for runs recorded before it counted, the public.submissions rows of the seed
 * the same run loaded. Otherwise the volume is unknown and the reason is returned instead.
 */
export function benchMeasurements(results: Results): BenchMeasurements | { reason: string } {
  const runId = results.run.id;
  if (!results.queries.some((query) => query.iterations > 0)) return { reason: 'no query benchmarks' };
  if (results.dataVolume && results.dataVolume.submissions > 0) {
    return { runId, volume: results.dataVolume.submissions, volumeSource: 'bench', scale: results.dataVolume.scale, queries: results.queries };
  }
  const seeded = results.seed?.tables.find((table) => table.table === 'public.submissions');
  if (seeded && seeded.rows > 0) return { runId, volume: seeded.rows, volumeSource: 'seed', scale: results.seed!.scale, queries: results.queries };
  return { reason: 'the submissions count its benchmarks ran on is not recorded' };
}

/** What identifies the system a run measured. */
export type TargetIdentity = Pick<TargetFacts, 'kind' | 'host' | 'database'>;

/** Two runs measured the same system: same target kind, host (as recorded, redacted) and database. */
export function sameTarget(x: TargetIdentity, y: TargetIdentity): boolean {
  return x.kind === y.kind && x.host === y.host && x.database === y.database;
}
