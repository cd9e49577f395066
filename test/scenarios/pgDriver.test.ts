import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { loadCatalog } from '../../bench/loadCatalog.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { openPgDriver } from '../../scenarios/drivers/pg/pgDriver.ts';
import { perVuConnections } from '../../scenarios/drivers/pg/perVuConnections.ts';
import { scenarioSummaryLines } from '../../reports/terminal/scenarioLines.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import { serverSampler } from '../../scenarios/sampling/serverSampler.ts';
import { summarizeScenario } from '../../scenarios/summarizeScenario.ts';
import { BULK_JOBS } from '../../scenarios/workloads/bulkJobs.ts';
import { LAUNCH_MIX_JOURNEYS } from '../../scenarios/workloads/launchMix.ts';
import type { WorkloadJourney } from '../../scenarios/workloads/workload.ts';
import { rowsOfRun, seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const pool = { min: 0, max: 2, idleTimeoutMs: 10_000 };
const slowQuery: CatalogQuery = { name: 'slow_hot', file: 'slow_hot.sql', journey: 'test', roles: ['service_role'], params: [], samplers: {}, budget: {}, sql: 'SELECT pg_sleep(0.05)' };
/** The mix without think time: these tests measure the driver, not users' pauses. */
const noThink = (journeys: WorkloadJourney[]) => journeys.map((journey) => ({ ...journey, thinkTimeMs: 0 }));
const slowJourney: WorkloadJourney = { kind: 'read', name: 'slow', patterns: [], weight: 1, query: 'slow_hot', role: 'service_role', hotShare: 0 };

/** The pg driver through the engine, against a tiny seed. */
describe('pg driver', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('load');
    await seedTiny(db.url, 5);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a slowed server: the open model queues (latency from intended start grows, iterations dropped), the closed model stays flat', async () => {
    const run = async (model: Parameters<typeof runLoad>[0]['model']) => {
      const driver = await openPgDriver(db.client, [slowJourney], { scenario: 'queueing', url: db.url, pool, catalog: [slowQuery] });
      try {
        return await runLoad({ model, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, tickMs: 250 });
      } finally {
        await driver.teardown(db.client, false);
      }
    };
    // Two pooled connections × 50 ms = 40/s at most; 80/s offered.
    const open = await run({ kind: 'open', startRate: 80, stages: [{ durationMs: 1500, rate: 80 }], maxInFlight: 12 });
    const closed = await run({ kind: 'closed', vus: 2, durationMs: 1500 });
    expect(open.recorder.dropped).toBeGreaterThan(0);
    expect(closed.recorder.dropped).toBe(0);
    // Twelve iterations queued behind two connections wait about six sleeps: far above one sleep.
    expect(open.recorder.total.maxValue / 1000).toBeGreaterThan(150);
    expect(open.recorder.timeline.some((point) => (point.poolWaitMaxMs ?? 0) > 100)).toBe(true);
    // The closed model never asks more than the pool can give: latency stays near one sleep.
    expect(closed.recorder.total.getValueAtPercentile(50) / 1000).toBeLessThan(open.recorder.total.getValueAtPercentile(50) / 1000);
    expect(closed.recorder.errors + open.recorder.errors).toBe(0);
  });

  it('pool wait: a pool of one, three users sleeping 50 ms each: every checkout timed, into the series and the summary', async () => {
    const driver = await openPgDriver(db.client, [slowJourney], { scenario: 'poolwait', url: db.url, pool: { ...pool, max: 1 }, catalog: [slowQuery] });
    const outcome = await runLoad({ model: { kind: 'closed', vus: 3, durationMs: 10_000, maxIterations: 9 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, tickMs: 100 }).finally(() =>
      driver.teardown(db.client, false),
    );
    const summary = summarizeScenario({ name: 'poolwait', startedAt: new Date(), model: { kind: 'closed', vus: 3, durationMs: 10_000 }, journeys: driver.journeys, outcome, budgets: { errorRatePct: 1, peakConnections: 80, queryP95Ms: 1000 } });
    expect(outcome.recorder.errors).toBe(0);
    expect(summary.poolWait!.count).toBe(9);
    // Three users on one connection: most checkouts wait one or two sleeps of the others.
    expect(summary.poolWait!.p50Ms).toBeGreaterThan(30);
    expect(summary.poolWait!.maxMs).toBeGreaterThan(80);
    expect(summary.poolWaitMaxMs).toBe(summary.poolWait!.maxMs);
    expect(outcome.recorder.timeline.some((point) => (point.poolWaitMs ?? 0) > 30)).toBe(true);
    expect(scenarioSummaryLines(summary).join('\n')).toMatch(/pool wait p50 \d+(\.\d+)? p95 [\d.]+ max [\d.]+ ms over 9 checkouts/);
  });

  it('writes carry their run and are removed exactly: fingerprints after equal those before', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const writes = noThink(LAUNCH_MIX_JOURNEYS.filter((journey) => journey.kind === 'write'));
    const driver = await openPgDriver(db.client, writes, { scenario: 'cleanup', url: db.url, pool, catalog: await loadCatalog() });
    // Two writers: a submission is paid or reviewed only once its submit committed (the webhook's
    // insert into payment_transactions failed its foreign key when it came first).
    const outcome = await runLoad({ model: { kind: 'closed', vus: 2, durationMs: 10_000, maxIterations: 60 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal });
    expect(outcome.recorder.errorsByClass).toEqual({});
    expect(new Set(outcome.recorder.journeySummaries().map((journey) => journey.name)).size).toBeGreaterThanOrEqual(4);
    const written = await rowsOfRun(db.client, driver.rows!.runTag);
    expect(written).toBeGreaterThan(0);
    const removed = await driver.teardown(db.client, false);
    expect(removed).toBe(written);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
    const { rows } = await db.client.query('SELECT status FROM gomflow_loadtest.seed_runs WHERE id = $1', [driver.rows!.runId]);
    expect(rows[0]?.status).toBe('cleaned');
  });

  it('bulk jobs (reminder scan, cleanup_old_data, aggregation) run beside the traffic and leave nothing behind', async () => {
    const tables = [...seededTables(ALL_TABLE_SPECS), 'public.analytics_aggregations'];
    const before = await tableFingerprints(db.client, tables);
    const driver = await openPgDriver(db.client, BULK_JOBS, { scenario: 'bulk', url: db.url, pool, catalog: [] });
    const outcome = await runLoad({ model: { kind: 'closed', vus: 2, durationMs: 10_000, maxIterations: 30 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal }).finally(() => driver.teardown(db.client, false));
    expect(outcome.recorder.errors).toBe(0);
    expect(outcome.recorder.journeys.size).toBe(3);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
  });

  it('reads run as the journey persona through the request context, and the sampler sees the connections', async () => {
    const catalog = await loadCatalog();
    const reads = noThink(LAUNCH_MIX_JOURNEYS.filter((journey) => journey.kind === 'read'));
    // Warmed to two connections before the clock, so every sample during the run sees them.
    const driver = await openPgDriver(db.client, reads, { scenario: 'reads', url: db.url, pool: { ...pool, min: 2 }, catalog });
    try {
      expect(driver.missing).toEqual([]);
      const outcome = await runLoad({ model: { kind: 'closed', vus: 2, durationMs: 10_000, maxIterations: 200 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, sample: serverSampler(db.client), tickMs: 200 });
      expect(outcome.recorder.errors).toBe(0);
      expect(outcome.peakConnections).toBeGreaterThanOrEqual(2);
      expect(outcome.recorder.timeline.some((point) => point.server !== undefined)).toBe(true);
    } finally {
      await driver.teardown(db.client, false);
    }
  });

  it('connections past the limit: refusals classified as too-many-clients, the run ends normally', async () => {
    const role = `load_limited_${db.name}`;
    await db.client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited' CONNECTION LIMIT 3 IN ROLE service_role`);
    try {
      const url = new URL(db.url);
      url.username = role;
      url.password = 'limited';
      const driver = perVuConnections(url.toString(), { ...slowQuery, sql: 'SELECT 1' });
      const journey = { ...slowJourney, thinkTimeMs: 20 };
      const outcome = await runLoad({ model: { kind: 'closed', vus: 6, durationMs: 800 }, journeys: [journey], iterate: driver.iterate, signal: new AbortController().signal }).finally(driver.close);
      expect(outcome.recorder.errorsByClass['too-many-clients']).toBeGreaterThan(0);
      expect(outcome.recorder.requests).toBeGreaterThan(outcome.recorder.errors);
      expect(outcome.lostError).toBeUndefined();
      // Each user's pool of one: every iteration checks out once, refusals included.
      expect(outcome.recorder.poolWait.totalCount).toBe(outcome.recorder.requests);
      expect(outcome.recorder.poolWait.maxValue).toBeGreaterThan(0);
      // The same refusals on a supabase target are the compute size's limit: counted as quota.
      const onSupabase = perVuConnections(url.toString(), { ...slowQuery, sql: 'SELECT 1' });
      const quota = await runLoad({ model: { kind: 'closed', vus: 6, durationMs: 500 }, journeys: [journey], iterate: onSupabase.iterate, signal: new AbortController().signal, target: 'supabase' }).finally(onSupabase.close);
      expect(quota.recorder.errorsByClass.quota).toBeGreaterThan(0);
      expect(quota.recorder.errorsByClass['too-many-clients']).toBeUndefined();
    } finally {
      await db.client.query(`DROP ROLE ${role}`);
    }
  });
});
