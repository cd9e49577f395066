import path from 'node:path';
import { loadCatalog, selectQueries } from './loadCatalog.ts';
import { runBench, type BenchEvents, type BenchOutcome } from './runBench.ts';
import type { WhatIf } from './whatIf.ts';
import type { CommandContext } from '../scripts/commands/_shared.ts';
import type { TargetSession } from '../stack/targetSession.ts';

export interface BenchChoice {
  /** --only: comma-separated catalog names; all when undefined. */
  only?: string | undefined;
  /** --iterations; config bench.iterations when undefined. */
  iterations?: number | undefined;
  whatIf?: WhatIf | undefined;
  events?: BenchEvents | undefined;
}

/**
 * The query benchmarks of a command (bench, and the rehearsal): the configured catalog, the
 * configured iterations, warm-up, cap, thresholds and budgets, on the session's connection.
 * The data must already be there (see ensureBenchData).
 */
export async function benchQueries(ctx: CommandContext, session: TargetSession, choice: BenchChoice = {}): Promise<BenchOutcome> {
  const { bench, budgets } = ctx.config;
  const catalog = await loadCatalog(bench.catalogDir ? path.resolve(ctx.cwd, bench.catalogDir) : undefined);
  return runBench(session.client, selectQueries(catalog, choice.only), {
    settings: { iterations: choice.iterations ?? bench.iterations, warmup: bench.warmup, explainRuns: bench.explainRuns, timeCapMs: bench.timeCapMs },
    budgets,
    thresholds: bench.plan,
    topStatements: bench.topStatements,
    ...(choice.whatIf ? { whatIf: choice.whatIf } : {}),
    ...(choice.events ? { events: choice.events } : {}),
  });
}
