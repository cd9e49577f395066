import { formatCount, formatDuration, perSecond } from '../core/format.ts';
import type { ResolvedScale } from '../generators/resolveScale.ts';
import type { AnalyticsMode } from '../generators/types.ts';
import { ALL_TABLE_SPECS } from '../generators/tables.ts';
import type { SeedSection } from '../results/resultsModel.ts';
import type { StageContext, StageEvents } from '../stack/stageContext.ts';
import { connectTarget } from '../stack/target.ts';
import { cleanRun } from './cleanRun.ts';
import { defaultParallelTables, type LoadEvents } from './loadTables.ts';
import { runIdOf, runSeed, seedRunTag } from './runSeed.ts';
import { finishSeedRun, getSeedRun, listSeedRuns } from './seedRuns.ts';

export interface SeedChoice {
  scale: ResolvedScale;
  seed: number;
  analytics: AnalyticsMode;
  referenceDate: Date;
  /** Remove earlier runs first, and keep this exact run if it is already loaded. */
  replace: boolean;
}

/** The seed stage tells notes and per-table progress. */
export type SeedStageEvents = StageEvents & LoadEvents;

/**
 * The seed stage: one run of generated rows, streamed in with COPY; an abort (Ctrl-C) undoes
 * it. Returns the seed section of results.json, or undefined when --replace kept an identical
 * loaded run.
 */
export async function seedStage(stage: StageContext & { events: SeedStageEvents }, choice: SeedChoice): Promise<SeedSection | undefined> {
  const { session, events } = stage;
  const { scale, seed, referenceDate, analytics } = choice;
  const day = referenceDate.toISOString().slice(0, 10);
  const runId = runIdOf(seedRunTag(seed, scale.counts, referenceDate, analytics));
  if (choice.replace) {
    for (const run of await listSeedRuns(session.client)) {
      if ((run.id === runId && run.status === 'complete') || run.status === 'cleaned') continue;
      const removed = await cleanRun(session.client, Number.parseInt(run.id, 16), ALL_TABLE_SPECS);
      await finishSeedRun(session.client, run.id, 'cleaned', run.counts);
      events.note(`removed earlier seed run ${run.id} (${formatCount(removed)} rows)`);
    }
    if ((await getSeedRun(session.client, runId))?.status === 'complete') {
      events.note(`seed run ${runId} (seed ${seed}, scale ${scale.name}, ${day}) is already loaded; kept it`);
      return undefined;
    }
  }
  events.note(`seeding ${scale.name} (seed ${seed}, reference date ${day}, analytics ${analytics}) into ${session.target.where}…`);
  const outcome = await runSeed(() => connectTarget(session.target), ALL_TABLE_SPECS, {
    seed,
    scale: scale.name,
    counts: scale.counts,
    referenceDate,
    analytics,
    parallel: stage.config.seed.parallel ?? defaultParallelTables(),
    // Load first, index after: only where the target is ours (and only into empty tables, see runSeed).
    fastPath: session.target.kind === 'local',
    signal: stage.signal,
    events,
  });
  if (outcome.fast) {
    events.note(`fast path: ${outcome.fast.foreignKeys} foreign keys checked, ${outcome.fast.indexes} indexes rebuilt and ANALYZE in ${formatDuration(outcome.fast.rebuildMs)}`);
  }
  return {
    runId: outcome.runId,
    seed,
    scale: scale.name,
    referenceDate: referenceDate.toISOString(),
    tables: outcome.tables.map((t) => ({ table: t.table, rows: t.rows, ms: t.ms, rowsPerSecond: perSecond(t.rows, t.ms) })),
    totalRows: outcome.totalRows,
    totalMs: outcome.totalMs,
  };
}
