import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResolvedScale } from '../../generators/resolveScale.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { AnalyticsMode, SeedContext } from '../../generators/types.ts';
import { runSeed, seedRunTag, type SeedOutcome } from '../../seed/runSeed.ts';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { connectTarget, type Target } from '../../stack/target.ts';
import { benchDatabases, type BenchDatabases } from './benchDatabases.ts';
import { psqlCopy, type PsqlCopyTimings } from './psqlCopy.ts';

export const BENCH_REFERENCE_DATE = new Date('2026-11-20T00:00:00Z');

export interface SeedBenchOptions {
  scale: ResolvedScale;
  seed: number;
  analytics: AnalyticsMode;
  /** Tables loaded at once on the normal path. */
  parallel: number;
  signal: AbortSignal;
  /** Progress lines (stderr in the CLI). */
  progress: (line: string) => void;
}

export interface SeedBenchResult extends PsqlCopyTimings {
  scale: string;
  parallel: number;
  /** Our loader keeping every index up to date, `parallel` tables at a time. */
  normal: SeedOutcome;
  /** Our loader's fast path: one transaction, foreign keys checked and secondary indexes rebuilt after the load. */
  fast: SeedOutcome;
  peakRssMb: number;
}

/** What a bench run ends with: its result or its error, and, always, the clean-up line. */
export interface SeedBenchRun {
  result?: SeedBenchResult;
  error?: unknown;
  cleanup: string;
}

/**
 * Seeds the same rows three ways into fresh databases cloned from one template holding the
 * bundled schema — ours on the normal path, ours on the fast path, psql's \copy of files — on
 * the local target. Whatever happens (failure, abort), every database it made and its temporary
 * files are gone when it returns; it never throws.
 */
export async function runSeedBench(target: Target, options: SeedBenchOptions): Promise<SeedBenchRun> {
  const databases = benchDatabases(target);
  const workDir = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-seed-'));
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    const measured = await measure(target, databases, workDir, options);
    return { result: { ...measured, peakRssMb: Math.round(peakRss / 1024 / 1024) }, cleanup: await cleanUp() };
  } catch (error) {
    return { error, cleanup: await cleanUp() };
  }

  async function cleanUp(): Promise<string> {
    clearInterval(rssTimer);
    rmSync(workDir, { recursive: true, force: true });
    return databases.dropAll();
  }
}

async function measure(target: Target, databases: BenchDatabases, workDir: string, options: SeedBenchOptions): Promise<Omit<SeedBenchResult, 'peakRssMb'>> {
  const { scale, seed, analytics, signal, progress } = options;
  const ctx: SeedContext = { seed, runTag: seedRunTag(seed, scale.counts, BENCH_REFERENCE_DATE, analytics), referenceDate: BENCH_REFERENCE_DATE, counts: scale.counts, analytics };
  progress(`bench:seed — scale ${scale.name}, seed ${seed}, PostgreSQL on ${target.where}`);
  const leftovers = await databases.dropLeftovers();
  if (leftovers.length > 0) progress(`dropped what an earlier bench left behind: ${leftovers.join(', ')}`);
  const template = await databases.create('template');
  const admin = await connectTarget(target, template);
  try {
    await applySchema(admin, { source: 'bundled', withShim: true });
  } finally {
    await admin.end();
  }

  const seedInto = async (suffix: string, fastPath: boolean): Promise<SeedOutcome> => {
    signal.throwIfAborted();
    const database = await databases.create(suffix, template);
    const connect = () => connectTarget(target, database);
    const events = { tableStart: () => undefined, tableProgress: () => undefined, tableDone: () => undefined };
    const request = { seed, scale: scale.name, counts: scale.counts, analytics, referenceDate: BENCH_REFERENCE_DATE, parallel: options.parallel, fastPath, signal, events };
    const outcome = await runSeed(connect, ALL_TABLE_SPECS, request);
    await databases.drop(database);
    return outcome;
  };

  progress(`1/3 ours-normal: generate + COPY, every index maintained, ${options.parallel} table(s) at a time…`);
  const normal = await seedInto('normal', false);
  progress('2/3 ours-fast: generate + COPY in one transaction, foreign keys checked and secondary indexes rebuilt after…');
  const fast = await seedInto('fast', true);
  if (!fast.fast) throw new Error('the fast path did not run on an empty database: the bench compares nothing');
  progress('3/3 generate to files, then psql \\copy of the same rows…');
  signal.throwIfAborted();
  const psqlDatabase = await databases.create('psql', template);
  const timings = await psqlCopy(target, psqlDatabase, ALL_TABLE_SPECS, ctx, workDir, signal);
  await databases.drop(psqlDatabase);
  return { ...timings, scale: scale.name, parallel: options.parallel, normal, fast };
}
