import path from 'node:path';
import { loadCatalog } from '../bench/loadCatalog.ts';
import type { TimelinePoint } from '../results/resultsModel.ts';
import type { SeedStageEvents } from '../seed/seedStage.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { openPgDriver } from './drivers/pg/pgDriver.ts';
import { perVuConnections } from './drivers/pg/perVuConnections.ts';
import type { Iterate } from './engine/journey.ts';
import type { LoadModel } from './engine/loadModel.ts';
import { runLoad, type LoadRunOutcome } from './engine/runLoad.ts';
import type { SeriesRecorder } from './engine/seriesRecorder.ts';
import { serverSampler } from './sampling/serverSampler.ts';
import type { ScenarioPlan } from './workloads/namedScenarios.ts';
import type { WorkloadJourney } from './workloads/workload.ts';

/** What the load stage tells as it goes, besides notes: each interval of the series. */
export type LoadStageEvents = SeedStageEvents & {
  scenarioTick?(scenario: string, point: TimelinePoint): void;
};

export interface OnceOptions {
  model: LoadModel;
  keep: boolean;
  abortOnFail: boolean;
  seed?: number;
  recorder?: SeriesRecorder;
  timeOffsetMs?: number;
}

export interface OnceOutcome {
  outcome: LoadRunOutcome;
  journeys: WorkloadJourney[];
  writes?: { runId: string; rows: number; kept: boolean };
}

/**
 * One scenario run, k6's lifecycle: setup (sample data, record the run its writes carry, open
 * the pool), the iterations, teardown — always, also after Ctrl-C or a lost target — which
 * ends the connections and removes exactly the rows written (or keeps them).
 */
export async function runScenarioOnce(stage: StageContext & { events: LoadStageEvents }, plan: ScenarioPlan, options: OnceOptions): Promise<OnceOutcome> {
  const { session, config, events } = stage;
  const catalog = await loadCatalog(config.bench.catalogDir ? path.resolve(stage.cwd, config.bench.catalogDir) : undefined);
  let iterate: Iterate;
  let journeys: WorkloadJourney[];
  let teardown: () => Promise<OnceOutcome['writes']>;
  if (plan.connections === 'per-vu') {
    const journey = plan.journeys[0]!;
    const query = journey.kind === 'read' ? catalog.find((candidate) => candidate.name === journey.query) : undefined;
    if (!query) throw new Error(`the connections scenario needs the catalog query ${journey.kind === 'read' ? journey.query : '?'}`);
    const driver = perVuConnections(session.target.url, query);
    iterate = driver.iterate;
    journeys = plan.journeys;
    teardown = async () => (await driver.close(), undefined);
  } else {
    const driver = await openPgDriver(session.client, plan.journeys, { scenario: plan.name, url: session.target.url, pool: config.pool, catalog, seed: options.seed });
    for (const line of driver.missing) events.note(`${plan.name}: left out ${line}`);
    iterate = driver.iterate;
    journeys = driver.journeys;
    teardown = async () => {
      const rows = await driver.teardown(session.client, options.keep);
      return driver.rows ? { runId: driver.rows.runId, rows, kept: options.keep } : undefined;
    };
  }
  let outcome: LoadRunOutcome | undefined;
  let writes: OnceOutcome['writes'];
  try {
    outcome = await runLoad({
      model: options.model,
      journeys,
      iterate,
      signal: stage.signal,
      sample: serverSampler(session.client),
      abortOnFail: options.abortOnFail ? { errorRatePct: config.budgets.errorRatePct, peakConnections: config.budgets.peakConnections } : undefined,
      onTick: (point) => events.scenarioTick?.(plan.name, point),
      seed: options.seed,
      recorder: options.recorder,
      timeOffsetMs: options.timeOffsetMs,
    });
  } finally {
    try {
      writes = await teardown();
    } catch (error) {
      // The target is gone or refused: say which rows remain and how to remove them; the run's own error follows.
      events.note(`${plan.name}: could not remove the rows it wrote (${(error as Error).message}); remove them with seed clean once the server is back (seed list shows the run)`);
    }
  }
  return { outcome, journeys, ...(writes ? { writes } : {}) };
}
