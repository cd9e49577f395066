import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { configSchema } from '../../core/config/configSchema.ts';
import { prepareCapture } from '../../scenarios/diagnostics/planCapture.ts';
import { watchScenario, type ScenarioDiagnostics } from '../../scenarios/diagnostics/watchScenario.ts';
import { openPgDriver } from '../../scenarios/drivers/pg/pgDriver.ts';
import { warmPool } from '../../scenarios/drivers/pg/pgPool.ts';
import { runLoad, type LoadRunOutcome } from '../../scenarios/engine/runLoad.ts';
import { summarizeScenario } from '../../scenarios/summarizeScenario.ts';
import { attachDiagnostics } from '../../scenarios/diagnostics/watchScenario.ts';
import { scenarioUnderLoad } from '../../reports/html/scenarioUnderLoad.ts';
import { journeysUnderLoad } from '../../reports/journeyUnderLoad.ts';
import { ScenarioResultSchema } from '../../results/resultsModel.ts';
import type { WorkloadJourney } from '../../scenarios/workloads/workload.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const query = (name: string, sql: string): CatalogQuery => ({ name, file: `${name}.sql`, journey: 'test', roles: ['service_role'], params: [], samplers: {}, budget: {}, sql });
const read = (name: string, catalogQuery: string): WorkloadJourney => ({ kind: 'read', name, patterns: [], weight: 1, query: catalogQuery, role: 'service_role', hotShare: 0 });
const job = (name: string, sql: string): WorkloadJourney => ({ kind: 'job', name, patterns: [], weight: 1, sql });

/** The pg driver under the engine with the scenario watched as withScenario watches it: capture prepared, then the load, then the server's view. */
async function runWatched(
  db: TestDatabase,
  journeys: WorkloadJourney[],
  catalog: CatalogQuery[],
  capture: { minDurationMs: number; sampleRate: number },
  vus: number,
  iterations: number,
): Promise<ScenarioDiagnostics & { outcome: LoadRunOutcome; journeys: WorkloadJourney[] }> {
  const config = configSchema.parse({ capture });
  const setup = await prepareCapture(db.client, config, 'pg');
  expect(setup.status, setup.status === 'on' ? '' : setup.reason).toBe('on');
  const driver = await openPgDriver(db.client, journeys, { scenario: 'capture', url: db.url, pool: { min: 0, max: vus, idleTimeoutMs: 10_000 }, catalog, sessionOptions: setup.status === 'on' ? setup.sessionOptions : undefined });
  const watch = await watchScenario(db.client, { journeys: driver.journeys, catalog, capture: setup, thresholds: config.bench.plan });
  let outcome: LoadRunOutcome;
  try {
    // As withScenario does: the pool is open before the clock starts (a connection's start, auto_explain loaded, is not a request's latency).
    await warmPool(driver.pool, vus);
    outcome = await runLoad({ model: { kind: 'closed', vus, durationMs: 20_000, maxIterations: iterations }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, tickMs: 250 });
    expect(outcome.recorder.errors).toBe(0);
  } finally {
    await driver.teardown(db.client, false);
  }
  return { ...(await watch.stop()), outcome, journeys: driver.journeys };
}

describe('plans under load', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('plans');
    await db.client.query(`CREATE TABLE public.plan_items (id int PRIMARY KEY, code text NOT NULL, n int NOT NULL DEFAULT 0)`);
    await db.client.query(`INSERT INTO public.plan_items (id, code) SELECT i, 'c' || i FROM generate_series(1, 20000) i`);
    await db.client.query(`CREATE INDEX plan_items_code ON public.plan_items (code)`);
    await db.client.query(`GRANT SELECT, UPDATE ON public.plan_items TO service_role`);
    await db.client.query(`ANALYZE public.plan_items`);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a statement slowed by pg_sleep is captured for its journey only, the others leave no plan', async () => {
    const catalog = [query('sleepy', 'SELECT pg_sleep(0.12)'), query('quick', `SELECT id FROM public.plan_items WHERE id = 7`)];
    const diagnostics = await runWatched(db, [read('sleeper', 'sleepy'), read('quick-read', 'quick')], catalog, { minDurationMs: 100, sampleRate: 1 }, 2, 10);
    const { capture } = diagnostics;
    expect(capture.status).toBe('captured');
    expect(capture.plans.length).toBeGreaterThan(0);
    expect(new Set(capture.plans.map((plan) => plan.journey))).toEqual(new Set(['sleeper']));
    expect(capture.logged['quick-read']).toBeUndefined();
    expect(capture.plans[0]!.durationMs).toBeGreaterThanOrEqual(100);
    expect(capture.plans[0]!.query).toContain('pg_sleep');
    // pg_stat_statements over the window: both statements, named by their catalog query.
    const sleepy = diagnostics.statements.top.find((statement) => statement.catalogQuery === 'sleepy');
    expect(sleepy?.calls).toBeGreaterThan(0);
    expect(sleepy!.meanExecMs).toBeGreaterThanOrEqual(100);
    expect(diagnostics.statements.top.some((statement) => statement.catalogQuery === 'quick')).toBe(true);
    // Into the results model and the report: the journey over budget comes with its plan.
    const summary = summarizeScenario({ name: 'capture', startedAt: new Date(), model: { kind: 'closed', vus: 2, durationMs: 20_000 }, journeys: diagnostics.journeys, outcome: diagnostics.outcome, budgets: { errorRatePct: 1, peakConnections: 80, queryP95Ms: 100 } });
    const result = ScenarioResultSchema.parse(attachDiagnostics(summary, diagnostics, diagnostics.journeys));
    const [slowest, ...others] = journeysUnderLoad(result, []);
    expect(slowest!.journey).toMatchObject({ name: 'sleeper', status: 'fail', catalogQuery: 'sleepy' });
    expect(slowest!.line).toMatch(/\(no idle benchmark in this run\); \d plans? captured; [\d.]+ % of \d+ samples waiting on Timeout:PgSleep$/);
    expect(others).toEqual([]);
    expect(scenarioUnderLoad(result, [])).toContain('pg_sleep');
  });

  it('with its index dropped, the captured plan of the journey reads as a seq scan', async () => {
    await db.client.query(`DROP INDEX public.plan_items_code`);
    const catalog = [query('by_code', `SELECT id FROM public.plan_items WHERE code = 'c4242'`)];
    const { capture } = await runWatched(db, [read('code-lookup', 'by_code')], catalog, { minDurationMs: 0, sampleRate: 1 }, 1, 3);
    const plan = capture.plans.find((candidate) => candidate.journey === 'code-lookup');
    expect(plan?.findings[0]).toMatchObject({ kind: 'seqScan', node: 'Seq Scan on plan_items' });
  });

  it('two journeys on one hot row: the lock wait is the waiter\'s, behind the holder', async () => {
    const holder = job('holder', `WITH u AS (UPDATE public.plan_items SET n = n + 1 WHERE id = 1 RETURNING n) SELECT pg_sleep(0.2), n FROM u`);
    const waiter = job('waiter', `UPDATE public.plan_items SET n = n + 1 WHERE id = 1`);
    const bystander = job('bystander', `UPDATE public.plan_items SET n = n + 1 WHERE id = 2`);
    const { waits } = await runWatched(db, [holder, waiter, bystander], [], { minDurationMs: 1000, sampleRate: 0 }, 4, 24);
    const waiting = waits.get('waiter');
    expect(waiting?.events['Lock:transactionid']).toBeGreaterThan(0);
    expect(waiting!.blockedBy['holder']).toBeGreaterThan(0);
    expect(waits.get('bystander')?.events['Lock:transactionid'] ?? 0).toBe(0);
    // The holder is mostly in its own sleep (Timeout:PgSleep), not waiting on the lock.
    const held = waits.get('holder')!;
    expect(held.events['Timeout:PgSleep']).toBeGreaterThan(held.events['Lock:transactionid'] ?? 0);
  });
});
