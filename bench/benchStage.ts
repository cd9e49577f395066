import path from 'node:path';
import type { DataVolume, SeedSection } from '../results/resultsModel.ts';
import type { SeedStageEvents } from '../seed/seedStage.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { ensureBenchData } from './ensureBenchData.ts';
import { loadCatalog, selectQueries } from './loadCatalog.ts';
import { runBench, type BenchEvents, type BenchOutcome } from './runBench.ts';
import type { WhatIf } from './whatIf.ts';

export interface BenchChoice {
  /** --only: comma-separated catalog names; all when undefined. */
  only?: string | undefined;
  /** --iterations; config bench.iterations when undefined. */
  iterations?: number | undefined;
  whatIf?: WhatIf | undefined;
  /** --scale: the local target is seeded at this scale first when it is not loaded. */
  scale?: string | undefined;
  /** The "now" of data seeded for the benchmark. */
  referenceDate: Date;
}

export interface BenchStageOutcome extends BenchOutcome {
  /** The seed section, when the stage had to seed first. */
  seed: SeedSection | undefined;
  /** The submissions the queries ran on, counted before they ran (the forecast's volume). */
  dataVolume: DataVolume;
}

/** The bench stage tells notes, seed progress (when it must seed first) and per-task progress. */
export type BenchStageEvents = SeedStageEvents & BenchEvents;

/**
 * The bench stage: makes sure there is data to measure (see ensureBenchData), then runs the
 * configured catalog with the configured iterations, warm-up, cap, plan thresholds and budgets
 * on the session's connection.
 */
export async function benchStage(stage: StageContext & { events: BenchStageEvents }, choice: BenchChoice): Promise<BenchStageOutcome> {
  const { config, cwd, session, events } = stage;
  const { bench, budgets } = config;
  const queries = selectQueries(await loadCatalog(bench.catalogDir ? path.resolve(cwd, bench.catalogDir) : undefined), choice.only);
  const data = await ensureBenchData(stage, choice.scale, choice.referenceDate);
  const iterations = choice.iterations ?? bench.iterations;
  // Exact, not reltuples: an estimate off by a few percent would bend the forecast's fit.
  const counted = await session.client.query<{ n: string }>('SELECT count(*) AS n FROM public.submissions');
  const dataVolume: DataVolume = { submissions: Number(counted.rows[0]!.n), ...(data.scale ? { scale: data.scale } : {}) };
  events.note(
    `bench: ${queries.length} catalog queries${data.scale ? ` on the ${data.scale} seed` : ''} at ${session.target.where}, ${iterations} iterations each${choice.whatIf ? `, what-if ${choice.whatIf.file}` : ''}`,
  );
  const outcome = await runBench(session.client, queries, {
    settings: { iterations, warmup: bench.warmup, explainRuns: bench.explainRuns, timeCapMs: bench.timeCapMs },
    budgets,
    thresholds: bench.plan,
    topStatements: bench.topStatements,
    ...(choice.whatIf ? { whatIf: choice.whatIf } : {}),
    events,
    signal: stage.signal,
  });
  return { ...outcome, seed: data.seed, dataVolume };
}
