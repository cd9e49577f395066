import type pg from 'pg';
import type { SeedSection } from '../results/resultsModel.ts';
import type { ResolvedScale } from '../generators/resolveScale.ts';
import type { AnalyticsMode } from '../generators/types.ts';
import { runIdOf, seedRunTag } from './runSeed.ts';
import { completeSeeds, listSeedRuns, type SeedRunRecord } from './seedRuns.ts';

/**
 * The recorded seed run `run` reuses instead of seeding again: the newest complete one that the
 * same seed, scale (its entity counts) and analytics mode made, whatever its reference date. The
 * run id is a hash of exactly those and the reference date, so recomputing it with the record's
 * date proves the match; a run of another scale or seed never passes.
 */
export async function reusableSeedRun(client: pg.Client, want: { seed: number; scale: ResolvedScale; analytics: AnalyticsMode }): Promise<SeedRunRecord | undefined> {
  const runs = completeSeeds(await listSeedRuns(client));
  const made = (run: SeedRunRecord) => run.id === runIdOf(seedRunTag(want.seed, want.scale.counts, run.referenceDate, want.analytics));
  return runs.filter(made).at(-1);
}

/** The seed section of a run that reused recorded data: what is there, marked as not loaded (nor timed) in this run. */
export function reusedSeedSection(run: SeedRunRecord): SeedSection {
  const totalRows = Object.values(run.counts).reduce((sum, rows) => sum + rows, 0);
  return { runId: run.id, seed: run.seed, scale: run.scale ?? 'unknown', referenceDate: run.referenceDate.toISOString(), tables: [], totalRows, totalMs: 0, reused: true };
}
