import type pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { hashKeys } from '../generators/random.ts';
import type { AnalyticsMode, EntityCounts, SeedContext, TableSpec } from '../generators/types.ts';
import { cleanRun } from './cleanRun.ts';
import type { CopyResult } from './copyTable.ts';
import { loadTables, type LoadEvents } from './loadTables.ts';
import { finishSeedRun, getSeedRun, startSeedRun } from './seedRuns.ts';

export interface SeedRequest {
  seed: number;
  /** Preset name, or "custom" for explicit counts. */
  scale: string;
  counts: EntityCounts;
  analytics: AnalyticsMode;
  referenceDate: Date;
  parallel: number;
  signal: AbortSignal;
  events: LoadEvents;
}

export interface SeedOutcome {
  runId: string;
  context: SeedContext;
  tables: CopyResult[];
  totalRows: number;
  totalMs: number;
}

/** The run tag is a pure function of what was asked, so the same request gives the same ids. */
export function seedRunTag(seed: number, counts: EntityCounts, referenceDate: Date, analytics: AnalyticsMode): number {
  return hashKeys(seed, JSON.stringify(counts), referenceDate.toISOString(), analytics);
}

export function runIdOf(runTag: number): string {
  return runTag.toString(16).padStart(8, '0');
}

/**
 * Seeds one run: records it, streams every table in foreign-key order, ANALYZEs what it
 * wrote. If anything fails or the signal aborts, it deletes every row the run wrote, marks
 * the run failed and throws, so no partial run is ever left behind.
 */
export async function runSeed(connect: () => Promise<pg.Client>, specs: readonly TableSpec[], request: SeedRequest): Promise<SeedOutcome> {
  const runTag = seedRunTag(request.seed, request.counts, request.referenceDate, request.analytics);
  const runId = runIdOf(runTag);
  const context: SeedContext = { seed: request.seed, runTag, referenceDate: request.referenceDate, counts: request.counts, analytics: request.analytics };
  const control = await connect();
  const started = performance.now();
  try {
    // ANALYZE of a big table may outlast the checklist's 30 s statement timeout.
    await control.query('SET statement_timeout = 0');
    const existing = await getSeedRun(control, runId);
    if (existing?.status === 'complete') {
      throw new GomflowError('E_SEED_EXISTS', `this seed (--seed ${request.seed}, scale ${request.scale}) is already loaded as run ${runId}; run \`gomflow-load seed clean --run ${runId}\` first, or pick another --seed`);
    }
    // A run that died without cleaning up (killed process, lost machine) is removed first.
    if (existing?.status === 'running' || existing?.status === 'failed') await cleanRun(control, runTag, specs);
    await startSeedRun(control, { id: runId, seed: request.seed, scale: request.scale, referenceDate: request.referenceDate });
    let tables: CopyResult[] = [];
    try {
      tables = await loadTables(specs, context, { connect, parallel: request.parallel, signal: request.signal, events: request.events });
      for (const result of tables) await control.query(`ANALYZE ${result.table}`);
      await control.query('ANALYZE public.notification_preferences');
    } catch (error) {
      throw await undoRun(control, runTag, runId, specs, error, request.signal);
    }
    const counts = Object.fromEntries(tables.map((t) => [t.table, t.rows]));
    await finishSeedRun(control, runId, 'complete', counts);
    const totalRows = tables.reduce((sum, t) => sum + t.rows, 0);
    return { runId, context, tables, totalRows, totalMs: performance.now() - started };
  } finally {
    await control.end().catch(() => undefined);
  }
}

async function undoRun(control: pg.Client, runTag: number, runId: string, specs: readonly TableSpec[], cause: unknown, signal: AbortSignal): Promise<GomflowError> {
  const reason = signal.aborted ? 'interrupted' : `failed: ${(cause as Error).message?.split('\n')[0] ?? String(cause)}`;
  try {
    const removed = await cleanRun(control, runTag, specs);
    await finishSeedRun(control, runId, 'failed', {}, reason);
    return new GomflowError(signal.aborted ? 'E_ABORTED' : 'E_SEED_FAILED', `seed run ${runId} ${reason}; removed the ${removed} rows it had written, the database is as before`, { cause });
  } catch (cleanupError) {
    return new GomflowError(
      'E_SEED_FAILED',
      `seed run ${runId} ${reason}, and removing its rows failed too (${(cleanupError as Error).message}); run \`gomflow-load seed clean --run ${runId}\``,
      { cause },
    );
  }
}
