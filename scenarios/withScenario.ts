import path from 'node:path';
import { loadCatalog } from '../bench/loadCatalog.ts';
import type { ScenarioResult, TimelinePoint } from '../results/resultsModel.ts';
import type { SeedStageEvents } from '../seed/seedStage.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { GomflowError } from '../core/errors.ts';
import { openPgDriver } from './drivers/pg/pgDriver.ts';
import { warmPool } from './drivers/pg/pgPool.ts';
import { perVuConnections } from './drivers/pg/perVuConnections.ts';
import { openRestDriver } from './drivers/rest/restDriver.ts';
import { openRestEndpoint, signInsOf } from './drivers/rest/restEndpoint.ts';
import { openStorageDriver } from './drivers/storage/storageDriver.ts';
import type { StorageResult } from '../results/storageModel.ts';
import type { Via } from './chooseVia.ts';
import { openLaunchCompanions, type CompanionChoice, type LaunchCompanions } from './launchCompanions.ts';
import type { Iterate } from './engine/journey.ts';
import type { LoadModel } from './engine/loadModel.ts';
import { runLoad, type LoadRunOutcome } from './engine/runLoad.ts';
import type { SeriesRecorder } from './engine/seriesRecorder.ts';
import { serverSampler } from './sampling/serverSampler.ts';
import type { ScenarioPlan } from './workloads/namedScenarios.ts';
import type { EndpointResult } from '../results/resultsModel.ts';
import type { WorkloadJourney } from './workloads/workload.ts';
import type { CatalogQuery } from '../bench/catalogQuery.ts';
import { prepareCapture } from './diagnostics/planCapture.ts';
import { watchScenario, type ScenarioDiagnostics } from './diagnostics/watchScenario.ts';

/** What the load stage tells as it goes, besides notes: each interval of the series. */
export type LoadStageEvents = SeedStageEvents & {
  scenarioTick?(scenario: string, point: TimelinePoint): void;
};

export interface SessionOptions {
  keep: boolean;
  abortOnFail: boolean;
  seed?: number;
  /** How the load reaches the database (chooseVia). Default pg. */
  via?: Via;
  /** launch-drop via REST: dashboards through /realtime/v1 and proofs through /storage/v1 following the submissions. */
  companions?: CompanionChoice;
  /** Settings the pg driver's connections start with (libpq options: the plan capture's auto_explain). */
  sessionOptions?: string;
}

export interface RunOptions {
  model: LoadModel;
  recorder?: SeriesRecorder;
  timeOffsetMs?: number;
}

/** A scenario set up and ready to run (one or more times: capacity steps share the warm pool). */
export interface ScenarioSession {
  journeys: WorkloadJourney[];
  catalog: readonly CatalogQuery[];
  via: Via;
  /** The REST driver's per-endpoint numbers so far, and whether its endpoint was the local test stack. */
  rest?: { endpoints(): EndpointResult[]; localStack(): boolean };
  /** The Storage driver's numbers (uploads); complete once the teardown has removed or kept the objects. */
  storage?: { result(durationMs: number): StorageResult; localStack(): boolean };
  /** What signing the personas in through /auth/v1 cost (supabase without SUPABASE_JWT_SECRET); undefined when none signed in. */
  signIns?: () => ScenarioResult['signIns'];
  /** The Realtime and Storage drivers following the REST driver's submissions (launch-drop). */
  companions?: LaunchCompanions;
  run(options: RunOptions): Promise<LoadRunOutcome>;
  /** Always called: ends the connections, removes exactly the rows written (or keeps them). */
  teardown(): Promise<ScenarioWrites | undefined>;
}

export interface ScenarioWrites {
  runId: string;
  rows: number;
  kept: boolean;
}

/**
 * k6's lifecycle, setup half: sample the data, record the run its writes carry, open (and
 * warm to pool.min) the app's pool — or, for the connections scenario, a connection per user.
 */
export async function openScenario(stage: StageContext & { events: LoadStageEvents }, plan: ScenarioPlan, options: SessionOptions): Promise<ScenarioSession> {
  const { session, config, events } = stage;
  const catalog = await loadCatalog(config.bench.catalogDir ? path.resolve(stage.cwd, config.bench.catalogDir) : undefined);
  let iterate: Iterate;
  let journeys: WorkloadJourney[];
  let teardown: () => Promise<ScenarioWrites | undefined>;
  let rest: ScenarioSession['rest'];
  let storage: ScenarioSession['storage'];
  let signIns: ScenarioSession['signIns'];
  let companions: LaunchCompanions | undefined;
  const writesOf = (rows: { runId: string } | undefined, n: number) => (rows ? { runId: rows.runId, rows: n, kept: options.keep } : undefined);
  if (plan.journeys.every((journey) => journey.kind === 'storage')) {
    const endpoint = await openRestEndpoint(session.target, config);
    try {
      const connections = plan.model.kind === 'open' ? plan.model.maxInFlight : plan.model.vus;
      const driver = await openStorageDriver(session.client, plan.journeys, { scenario: plan.name, endpoint, connections, seed: options.seed });
      for (const line of driver.missing) events.note(`${plan.name}: left out ${line}`);
      iterate = driver.iterate;
      journeys = driver.journeys;
      storage = { result: driver.result, localStack: () => driver.client.localStack };
      signIns = () => signInsOf(endpoint);
      teardown = async () => {
        try {
          return writesOf(driver.rows, await driver.teardown(session.client, options.keep));
        } finally {
          await endpoint.release();
        }
      };
    } catch (error) {
      await endpoint.release();
      throw error;
    }
  } else if (options.via === 'rest') {
    const endpoint = await openRestEndpoint(session.target, config);
    let opened: LaunchCompanions | undefined;
    try {
      const connections = plan.model.kind === 'open' ? plan.model.maxInFlight : plan.model.vus;
      if (options.companions) opened = companions = await openLaunchCompanions(session.client, endpoint, options.companions, { scenario: plan.name, signal: stage.signal, seed: options.seed, target: session.target.kind });
      const driver = await openRestDriver(session.client, plan.journeys, { scenario: plan.name, endpoint, catalog, connections, seed: options.seed, ...(opened ? { onSubmit: opened.watcher } : {}) });
      for (const line of driver.missing) events.note(`${plan.name}: left out ${line}`);
      iterate = driver.iterate;
      journeys = driver.journeys;
      rest = { endpoints: () => driver.client.endpoints.results(), localStack: () => driver.client.localStack };
      signIns = () => signInsOf(endpoint);
      teardown = async () => {
        try {
          // Sockets closed before the rows go, so the dashboards see no clean-up deletes.
          await opened?.teardown(session.client, options.keep);
        } finally {
          try {
            return writesOf(driver.rows, await driver.teardown(session.client, options.keep));
          } finally {
            await endpoint.release();
          }
        }
      };
    } catch (error) {
      await opened?.teardown(session.client, false).catch(() => undefined);
      await endpoint.release();
      throw error;
    }
  } else if (plan.connections === 'per-vu') {
    const journey = plan.journeys[0]!;
    const query = journey.kind === 'read' ? catalog.find((candidate) => candidate.name === journey.query) : undefined;
    if (!query) throw new Error(`the connections scenario needs the catalog query ${journey.kind === 'read' ? journey.query : '?'}`);
    const driver = perVuConnections(session.target.url, query, options.sessionOptions);
    iterate = driver.iterate;
    journeys = plan.journeys;
    teardown = async () => (await driver.close(), undefined);
  } else {
    const driver = await openPgDriver(session.client, plan.journeys, { scenario: plan.name, url: session.target.url, pool: config.pool, catalog, seed: options.seed, sessionOptions: options.sessionOptions });
    for (const line of driver.missing) events.note(`${plan.name}: left out ${line}`);
    iterate = driver.iterate;
    journeys = driver.journeys;
    teardown = async () => writesOf(driver.rows, await driver.teardown(session.client, options.keep));
    await warmPool(driver.pool, config.pool.min).catch(() => undefined);
  }
  if (journeys.length === 0) {
    await teardown().catch(() => undefined);
    throw new GomflowError('E_SEED_UNKNOWN', `${plan.name}: no journey has data to run on ${session.target.where}; seed it first (gomflow-load seed)`);
  }
  return {
    journeys,
    catalog,
    via: options.via ?? 'pg',
    ...(rest ? { rest } : {}),
    ...(storage ? { storage } : {}),
    ...(signIns ? { signIns } : {}),
    ...(companions ? { companions } : {}),
    teardown,
    run: (run) =>
      runLoad({
        model: run.model,
        journeys,
        iterate,
        signal: stage.signal,
        sample: serverSampler(session.client),
        abortOnFail: options.abortOnFail ? { errorRatePct: config.budgets.errorRatePct, peakConnections: config.budgets.peakConnections } : undefined,
        onTick: (point) => events.scenarioTick?.(plan.name, point),
        seed: options.seed,
        target: session.target.kind,
        recorder: run.recorder,
        timeOffsetMs: run.timeOffsetMs,
      }),
  };
}

/**
 * Runs `work` with a set-up scenario and always tears it down; a failed teardown is told, the
 * run's own error wins. The server is watched over the work (statements, waits per journey,
 * plans auto_explain captured where the target lets it: diagnostics).
 */
export async function withScenario<T>(
  stage: StageContext & { events: LoadStageEvents },
  plan: ScenarioPlan,
  options: SessionOptions,
  work: (scenario: ScenarioSession) => Promise<T>,
): Promise<{ value: T; writes?: ScenarioWrites; diagnostics?: ScenarioDiagnostics }> {
  const { session, config } = stage;
  const driver = plan.journeys.every((journey) => journey.kind === 'storage') ? 'storage' : (options.via ?? 'pg');
  const capture = await prepareCapture(session.client, config, driver);
  if (capture.status === 'unavailable') stage.events.note(`${plan.name}: plans not captured: ${capture.reason}`);
  const scenario = await openScenario(stage, plan, { ...options, ...(capture.status === 'on' ? { sessionOptions: capture.sessionOptions } : {}) });
  let writes: ScenarioWrites | undefined;
  let value: T;
  let diagnostics: ScenarioDiagnostics | undefined;
  try {
    const watch = await watchScenario(session.client, { journeys: scenario.journeys, catalog: scenario.catalog, capture, thresholds: config.bench.plan });
    try {
      value = await work(scenario);
    } finally {
      diagnostics = await watch.stop().catch((error: Error) => (stage.events.note(`${plan.name}: the server's view of the run could not be read (${error.message})`), undefined));
    }
  } finally {
    try {
      writes = await scenario.teardown();
    } catch (error) {
      stage.events.note(`${plan.name}: could not remove the rows it wrote (${(error as Error).message}); remove them with seed clean once the server is back (seed list shows the run)`);
    }
  }
  return { value, ...(writes ? { writes } : {}), ...(diagnostics ? { diagnostics } : {}) };
}
