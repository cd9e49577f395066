import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { runBench } from '../../bench/runBench.ts';
import type { ScenarioResult } from '../../results/resultsModel.ts';
import type { StageContext } from '../../stack/stageContext.ts';
import type { WorkloadJourney } from '../workloads/workload.ts';

/** A short benchmark: enough for a p95 and a plan beside the loaded figures, not a full bench run. */
const SETTINGS = { iterations: 10, warmup: 2, explainRuns: 1, timeCapMs: 2_000 };

/**
 * The idle side of "p95 4 ms idle → 180 ms at 30 req/s": each read journey over budget has its
 * catalog query benchmarked, as `bench` does, on the server the load just left, so the report
 * can put the idle plan and p95 beside the loaded ones even when the run has no bench section.
 */
export async function withIdleBenchmarks(stage: StageContext, result: ScenarioResult, journeys: readonly WorkloadJourney[], catalog: readonly CatalogQuery[]): Promise<ScenarioResult> {
  const over = new Set((result.journeys ?? []).filter((journey) => journey.status === 'fail').map((journey) => journey.name));
  const reads = journeys.filter((journey) => journey.kind === 'read' && over.has(journey.name));
  const queries = catalog.filter((query) => reads.some((journey) => journey.kind === 'read' && journey.query === query.name));
  if (queries.length === 0 || !result.journeys) return result;
  const { results } = await runBench(stage.session.client, queries, { settings: SETTINGS, budgets: stage.config.budgets, thresholds: stage.config.bench.plan, topStatements: 0, signal: stage.signal });
  return {
    ...result,
    journeys: result.journeys.map((journey) => {
      const declared = reads.find((read) => read.name === journey.name);
      if (!declared || declared.kind !== 'read') return journey;
      const runs = results.filter((run) => run.name === declared.query && run.latency.count > 0);
      const run = runs.find((candidate) => candidate.role === declared.role && candidate.paramClass === 'hot') ?? runs.find((candidate) => candidate.role === declared.role) ?? runs[0];
      if (!run) return journey;
      return {
        ...journey,
        idle: { role: run.role, paramClass: run.paramClass, iterations: run.iterations, p95Ms: run.latency.p95Ms, ...(run.executionMs !== undefined ? { executionMs: run.executionMs } : {}), findings: run.findings, ...(run.plan !== undefined ? { plan: run.plan } : {}) },
      };
    }),
  };
}
