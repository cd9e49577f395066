import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../bench/loadCatalog.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { parseResults, type Results } from '../../results/resultsModel.ts';
import { openRestDriver } from '../../scenarios/drivers/rest/restDriver.ts';
import type { RestEndpoint } from '../../scenarios/drivers/rest/restEndpoint.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import { LAUNCH_MIX_JOURNEYS } from '../../scenarios/workloads/launchMix.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { createRestHandler } from '../../stack/rest/createRestHandler.ts';
import { startLocalApi, type LocalApi } from '../../stack/server/startLocalApi.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

function writtenResults(result: CliResult): { results: Results; dir: string } {
  const file = /results: +(\S+results\.json)/.exec(result.stderr)?.[1];
  expect(file, result.stderr).toBeDefined();
  const resolved = path.resolve(ROOT, file!);
  return { results: parseResults(JSON.parse(readFileSync(resolved, 'utf8'))), dir: path.dirname(resolved) };
}

/**
 * The REST driver against the local Supabase-compatible server (the real PostgREST layer) on
 * port 0 over a tiny seed, reached as a supabase target would be: SUPABASE_URL and its keys.
 */
describe('REST driver', () => {
  let db: TestDatabase;
  let api: LocalApi;
  let secret: string;
  let keys: { anonKey: string; serviceRoleKey: string };
  const env = () => ({ DATABASE_URL: db.url, SUPABASE_URL: api.url, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey, SUPABASE_JWT_SECRET: secret });
  const load = (args: string[]) => runCli(['load', ...args, '--target', 'supabase', '--confirm-target', `127.0.0.1/${db.name}`], env());

  beforeAll(async () => {
    db = await createTestDatabase('restload');
    await seedTiny(db.url, 21);
    secret = generateJwtSecret();
    keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
    api = await startLocalApi({ databaseUrl: db.url, jwtSecret: secret, port: 0, pool: { min: 0, max: 4, idleTimeoutMs: 1000 }, rest: (pool: pg.Pool) => createRestHandler(pool, { schemas: ['public'] }), log: () => undefined });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('smoke via REST: per-endpoint rows with the database share in results.json, the report and the closing lines; marked as the local test stack; its writes removed exactly', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const result = await load(['smoke', '--duration', '3s', '--rate', '25', '--via', 'rest']);
    expect([0, 1], result.stderr).toContain(result.code);
    const { results, dir } = writtenResults(result);
    const [scenario] = results.scenarios;
    expect(scenario).toMatchObject({ name: 'smoke', via: 'rest', localStack: true });
    expect(results.run.target.localStack).toBe(true);
    expect(scenario!.errors, JSON.stringify(scenario!.errorsByClass)).toBe(0);
    const endpoints = new Map(scenario!.endpoints!.map((endpoint) => [endpoint.endpoint, endpoint]));
    expect([...endpoints.keys()]).toEqual(expect.arrayContaining(['GET orders', 'GET submissions']));
    const orders = endpoints.get('GET orders')!;
    expect(orders.latency.count).toBe(orders.requests);
    expect(orders.serverTiming!.requests).toBe(orders.requests);
    expect(orders.serverTiming!.dbMeanMs).toBeGreaterThan(0);
    expect(orders.serverTiming!.dbSharePct + orders.serverTiming!.restSharePct).toBeLessThanOrEqual(100);
    // Every request of the run is on some endpoint; multi-request writes add more than one each.
    expect(scenario!.endpoints!.reduce((sum, endpoint) => sum + endpoint.requests, 0)).toBeGreaterThanOrEqual(scenario!.requests);
    expect(scenario!.writes).toMatchObject({ kept: false });
    expect(scenario!.writes!.rows).toBeGreaterThan(0);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/<td>GET orders<\/td>/);
    expect(html).toMatch(/REST \(\/rest\/v1, as the app sends it\).*against the local stand-in stack/);
    expect(result.stderr).toMatch(/\n {2}GET orders +\d+ req/);
  });

  it('--via pg on the same target still runs the pg driver: no endpoints, nothing marked as the local stack', async () => {
    const result = await load(['smoke', '--duration', '2s', '--rate', '20', '--via', 'pg']);
    expect([0, 1], result.stderr).toContain(result.code);
    const { results } = writtenResults(result);
    expect(results.scenarios[0]).toMatchObject({ via: 'pg' });
    expect(results.scenarios[0]!.endpoints).toBeUndefined();
    expect(results.run.target.localStack).toBe(false);
    expect(results.scenarios[0]!.requests).toBeGreaterThan(0);
  });

  it('--via rest on a scenario without a REST form is a usage error (exit 2)', async () => {
    const result = await load(['connections', '--via', 'rest']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/runs through the pg driver only.*\[E_USAGE\]/);
  });

  it('answered 401 (tokens signed with another secret): errors of class http-4xx, none in the latency', async () => {
    const endpoint: RestEndpoint = { url: api.url, anonKey: keys.anonKey, serviceRoleKey: keys.serviceRoleKey, jwtSecret: generateJwtSecret(), release: async () => undefined };
    const journeys = LAUNCH_MIX_JOURNEYS.filter((journey) => journey.name === 'gom-orders').map((journey) => ({ ...journey, thinkTimeMs: 0 }));
    const driver = await openRestDriver(db.client, journeys, { scenario: 'unauthorised', endpoint, catalog: await loadCatalog(), connections: 2 });
    try {
      const outcome = await runLoad({ model: { kind: 'closed', vus: 2, durationMs: 10_000, maxIterations: 10 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal });
      expect(outcome.recorder.requests).toBe(10);
      expect(outcome.recorder.errorsByClass).toEqual({ 'http-4xx': 10 });
      expect(outcome.recorder.total.totalCount).toBe(0);
      const [gomOrders] = driver.client.endpoints.results();
      expect(gomOrders).toMatchObject({ endpoint: 'GET order_summaries', requests: 10, errors: 10, errorsByClass: { 'http-4xx': 10 } });
      expect(gomOrders!.latency.count).toBe(0);
    } finally {
      await driver.teardown(db.client, false);
    }
  });
});
