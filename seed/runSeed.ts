import type pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { hashKeys } from '../generators/random.ts';
import type { AnalyticsMode, EntityCounts, SeedContext, TableSpec } from '../generators/types.ts';
import { cleanRun } from './cleanRun.ts';
import { abortError, type CopyResult } from './copyTable.ts';
import { indexDefinitions, indexDifference, type IndexDefinition } from './indexDefinitions.ts';
import { loadTables, type LoadEvents } from './loadTables.ts';
import { loadWithoutIndexes } from './loadWithoutIndexes.ts';
import { claimRun, releaseRun } from './runLock.ts';
import { countRunRows, seededTables } from './runRows.ts';
import { finishSeedRun, getSeedRun, runIdOf, startSeedRun } from './seedRuns.ts';

export interface SeedRequest {
  seed: number;
  /** Preset name, or "custom" for explicit counts. */
  scale: string;
  counts: EntityCounts;
  analytics: AnalyticsMode;
  referenceDate: Date;
  parallel: number;
  /**
   * Allow the fast path (loadWithoutIndexes) when every seeded table is empty. Only for the
   * local target: it locks the tables exclusively and drops and rebuilds their indexes, which
   * nobody else's database should have done to it.
   */
  fastPath: boolean;
  signal: AbortSignal;
  events: LoadEvents;
}

export interface SeedOutcome {
  runId: string;
  context: SeedContext;
  tables: CopyResult[];
  totalRows: number;
  totalMs: number;
  /** Set when the fast path loaded the run: the indexes it rebuilt, the foreign keys it checked after the load, and how long that and ANALYZE took. */
  fast?: { indexes: number; foreignKeys: number; rebuildMs: number };
}

// Where callers have always found it; the run records own it now.
export { runIdOf } from './seedRuns.ts';

/** The run tag is a pure function of what was asked, so the same request gives the same ids. */
export function seedRunTag(seed: number, counts: EntityCounts, referenceDate: Date, analytics: AnalyticsMode): number {
  return hashKeys(seed, JSON.stringify(counts), referenceDate.toISOString(), analytics);
}

/**
 * Seeds one run: claims it (a second seed of the same run gets E_SEED_BUSY and touches
 * nothing), records it, loads every table in foreign-key order — on the fast path when allowed
 * and the tables are empty, else table by table — and ANALYZEs what it wrote. If anything
 * fails or the signal aborts, it stops every connection still writing, deletes what was
 * committed, counts the run's rows to prove none is left, marks the run failed and throws.
 */
export async function runSeed(connect: () => Promise<pg.Client>, specs: readonly TableSpec[], request: SeedRequest): Promise<SeedOutcome> {
  const runTag = seedRunTag(request.seed, request.counts, request.referenceDate, request.analytics);
  const runId = runIdOf(runTag);
  const context: SeedContext = { seed: request.seed, runTag, referenceDate: request.referenceDate, counts: request.counts, analytics: request.analytics };
  const control = await connect();
  const started = performance.now();
  let claimed = false;
  try {
    // The process id lets a second seed of this run say who holds it.
    await control.query(`SELECT set_config('application_name', $1, false)`, [`gomflow-load seed, pid ${process.pid}`]);
    await claimRun(control, runTag);
    claimed = true;
    // ANALYZE of a big table may outlast the checklist's 30 s statement timeout.
    await control.query('SET statement_timeout = 0');
    const existing = await getSeedRun(control, runId);
    if (existing?.status === 'complete') {
      throw new GomflowError('E_SEED_EXISTS', `this seed (--seed ${request.seed}, scale ${request.scale}) is already loaded as run ${runId}; run \`gomflow-load seed clean --run ${runId}\` first, or pick another --seed`);
    }
    // A run that died without cleaning up (killed process, lost machine) is removed first.
    if (existing?.status === 'running' || existing?.status === 'failed') await cleanRun(control, runTag, specs);
    const indexesBefore = request.fastPath ? await indexDefinitions(control, seededTables(specs)) : undefined;
    await startSeedRun(control, { id: runId, seed: request.seed, scale: request.scale, referenceDate: request.referenceDate });
    let tables: CopyResult[];
    let fast: SeedOutcome['fast'];
    try {
      const loaded = request.fastPath ? await loadWithoutIndexes(connect, specs, context, request) : undefined;
      if (loaded) {
        tables = loaded.tables;
        fast = { indexes: loaded.indexes, foreignKeys: loaded.foreignKeys, rebuildMs: loaded.rebuildMs };
      } else {
        tables = await loadTables(specs, context, { connect, parallel: request.parallel, signal: request.signal, events: request.events });
        for (const result of tables) await control.query(`ANALYZE ${result.table}`);
        await control.query('ANALYZE public.notification_preferences');
      }
      // An interruption that came after the last statement still means: leave nothing behind.
      if (request.signal.aborted) throw abortError(request.signal);
    } catch (error) {
      throw await undoRun(control, { runTag, runId, specs, indexesBefore }, error, request.signal);
    }
    const counts = Object.fromEntries(tables.map((t) => [t.table, t.rows]));
    await finishSeedRun(control, runId, 'complete', counts);
    const totalRows = tables.reduce((sum, t) => sum + t.rows, 0);
    return { runId, context, tables, totalRows, totalMs: performance.now() - started, ...(fast ? { fast } : {}) };
  } finally {
    if (claimed) await releaseRun(control, runTag).catch(() => undefined);
    await control.end().catch(() => undefined);
  }
}

interface RunToUndo {
  runTag: number;
  runId: string;
  specs: readonly TableSpec[];
  /** The seeded tables' indexes before a fast-path load, to prove they are all back. */
  indexesBefore: IndexDefinition[] | undefined;
}

/**
 * Puts the database back and says so only once it has checked: cleanRun stops the run's
 * writers before deleting (a COPY still running on the server would otherwise commit after the
 * delete), then the run's rows are counted across every table, and the indexes compared.
 */
async function undoRun(control: pg.Client, run: RunToUndo, cause: unknown, signal: AbortSignal): Promise<GomflowError> {
  const { runTag, runId, specs } = run;
  const reason = signal.aborted ? 'interrupted' : `failed: ${(cause as Error).message?.split('\n')[0] ?? String(cause)}`;
  const cleanCommand = `\`gomflow-load seed clean --run ${runId}\``;
  try {
    const removed = await cleanRun(control, runTag, specs);
    const left = await countRunRows(control, runTag, specs);
    const indexes = run.indexesBefore ? indexDifference(run.indexesBefore, await indexDefinitions(control, seededTables(specs))) : undefined;
    await finishSeedRun(control, runId, 'failed', {}, reason);
    if (left > 0) {
      return new GomflowError('E_SEED_FAILED', `seed run ${runId} ${reason}; removed ${removed} rows it had written, but ${left} rows of the run are still there; run ${cleanCommand}`, { cause });
    }
    if (indexes) {
      return new GomflowError('E_SEED_FAILED', `seed run ${runId} ${reason}; no row of it is left, but the seeded tables' indexes are not as before: ${indexes}; re-create them or run \`gomflow-load db reset\``, { cause });
    }
    const checked = run.indexesBefore ? 'counted 0 left and every index in place' : 'counted 0 left';
    return new GomflowError(signal.aborted ? 'E_ABORTED' : 'E_SEED_FAILED', `seed run ${runId} ${reason}; removed the ${removed} rows it had written, ${checked}: the database is as before`, { cause });
  } catch (cleanupError) {
    return new GomflowError('E_SEED_FAILED', `seed run ${runId} ${reason}, and removing its rows failed too (${(cleanupError as Error).message}); run ${cleanCommand}`, { cause });
  }
}
