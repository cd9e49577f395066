import { cleanRun } from './cleanRun.ts';
import { defaultParallelTables } from './loadTables.ts';
import { runIdOf, runSeed, seedRunTag } from './runSeed.ts';
import { finishSeedRun, getSeedRun, listSeedRuns } from './seedRuns.ts';
import type { ResolvedScale } from '../generators/resolveScale.ts';
import { ALL_TABLE_SPECS } from '../generators/tables.ts';
import type { SeedSection } from '../results/resultsModel.ts';
import { connectTarget } from '../stack/target.ts';
import { formatRate, seedProgress } from '../scripts/progress/seedProgress.ts';
import { note, type CommandContext } from '../scripts/commands/_shared.ts';
import type { TargetSession } from '../stack/targetSession.ts';

export interface SeedChoice {
  scale: ResolvedScale;
  seed: number;
  referenceDate: Date;
  /** Remove earlier runs first, and keep this exact run if it is already loaded. */
  replace: boolean;
}

/**
 * Seeds one run with progress on stderr, Ctrl-C turned into a clean abort, and returns the
 * seed section of results.json — or undefined when --replace kept an identical loaded run.
 */
export async function seedData(ctx: CommandContext, session: TargetSession, choice: SeedChoice): Promise<SeedSection | undefined> {
  const { scale, seed, referenceDate } = choice;
  const day = referenceDate.toISOString().slice(0, 10);
  const runId = runIdOf(seedRunTag(seed, scale.counts, referenceDate));
  if (choice.replace) {
    for (const run of await listSeedRuns(session.client)) {
      if ((run.id === runId && run.status === 'complete') || run.status === 'cleaned') continue;
      const removed = await cleanRun(session.client, Number.parseInt(run.id, 16), ALL_TABLE_SPECS);
      await finishSeedRun(session.client, run.id, 'cleaned', run.counts);
      note(`removed earlier seed run ${run.id} (${removed.toLocaleString('en-US')} rows)`);
    }
    if ((await getSeedRun(session.client, runId))?.status === 'complete') {
      note(`seed run ${runId} (seed ${seed}, scale ${scale.name}, ${day}) is already loaded; kept it`);
      return undefined;
    }
  }
  note(`seeding ${scale.name} (seed ${seed}, reference date ${day}) into ${session.target.where}…`);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  const progress = seedProgress();
  try {
    const outcome = await runSeed(() => connectTarget(session.target), ALL_TABLE_SPECS, {
      seed,
      scale: scale.name,
      counts: scale.counts,
      referenceDate,
      parallel: ctx.config.seed.parallel ?? defaultParallelTables(),
      fastPath: session.target.kind === 'local',
      signal: controller.signal,
      events: progress,
    });
    progress.stop();
    const fast = outcome.fast
      ? `, fast path: ${outcome.fast.foreignKeys} foreign keys checked, ${outcome.fast.indexes} indexes rebuilt and ANALYZE in ${(outcome.fast.rebuildMs / 1000).toFixed(1)} s`
      : '';
    note(
      `seed run ${outcome.runId}: ${outcome.totalRows.toLocaleString('en-US')} rows in ${outcome.tables.length} tables, ${(outcome.totalMs / 1000).toFixed(1)} s (${formatRate(outcome.totalRows, outcome.totalMs)} rows/s${fast}); users sign in with password gomflow-seed-password`,
    );
    return {
      runId: outcome.runId,
      seed,
      scale: scale.name,
      referenceDate: referenceDate.toISOString(),
      tables: outcome.tables.map((t) => ({ table: t.table, rows: t.rows, ms: t.ms, rowsPerSecond: t.ms > 0 ? (t.rows * 1000) / t.ms : 0 })),
      totalRows: outcome.totalRows,
      totalMs: outcome.totalMs,
    };
  } finally {
    progress.stop();
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
