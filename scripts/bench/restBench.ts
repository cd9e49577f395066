/**
 * npm run bench:rest [-- --connections N] [--seconds S]
 *
 * On the local target, in a scratch database (tiny seed) dropped afterwards, with the local API
 * server in a process of its own, stopped afterwards:
 * (a) closed-loop throughput on one endpoint (`GET /rest/v1/orders?select=*&id=eq.X`, anon) with
 *     the same connections: wrk, autocannon (the REST driver's closed-loop tool) and the engine's
 *     closed model over the REST driver's undici pool; ratios to wrk (target ≥ 0.9×). Without
 *     wrk it says so and measures no ratio.
 * (b) what the local stack adds: the same request through /rest/v1 and the SQL the REST layer
 *     runs for it through the pg driver, same concurrency (the server's pool size): p50 and
 *     throughput.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { openPgDriver } from '../../scenarios/drivers/pg/pgDriver.ts';
import { warmPool } from '../../scenarios/drivers/pg/pgPool.ts';
import { RestClient } from '../../scenarios/drivers/rest/restClient.ts';
import type { Iterate } from '../../scenarios/engine/journey.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import type { RestRequestShape } from '../../scenarios/workloads/restShapes.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { planRequest } from '../../stack/rest/planRequest.ts';
import { loadSchemaCache } from '../../stack/rest/schemaCache.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { spawnLocalApi } from './spawnLocalApi.ts';
import { findWrk, runWrk } from './wrk.ts';
import { openScratchDatabase, seedScratchTiny, type ScratchDatabase } from './scratchDatabase.ts';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '20' }, seconds: { type: 'string', default: '10' } } });
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const SHAPE: RestRequestShape = { pattern: 'bench', method: 'GET', resource: 'orders', query: 'select=*&id=eq.{order_id}' };
const FIRST_ACTIVE_ORDER = 'SELECT id::text AS order_id FROM public.orders WHERE is_active ORDER BY id LIMIT 1';
const say = (line: string) => process.stderr.write(`${line}\n`);
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
const work = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-rest-'));
let scratch: ScratchDatabase | undefined;
let stopApi: (() => Promise<void>) | undefined;

try {
  scratch = await openScratchDatabase(target, 'rest');
  const { url, control } = scratch;
  say(`bench:rest — seeding tiny into the scratch database ${scratch.name}…`);
  await seedScratchTiny(scratch);
  const orderId = (await control.query<{ order_id: string }>(FIRST_ACTIVE_ORDER)).rows[0]!.order_id;
  const secret = generateJwtSecret();
  const { anonKey } = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
  const api = await spawnLocalApi(url, secret, config.pool);
  stopApi = api.stop;
  const endpointUrl = `${api.url}/rest/v1/orders?select=*&id=eq.${orderId}`;
  const headers = { apikey: anonKey, authorization: `Bearer ${anonKey}` };
  say(`bench:rest — ${connections} connections, ${seconds} s per run, on a 2-core machine shared with other work: expect noise`);

  /** The engine's closed model over the REST driver's client (one journey, no think time). */
  const driverRun = async (vus: number) => {
    const client = new RestClient(api.url, vus);
    const iterate: Iterate = () => client.send(SHAPE, { order_id: orderId }, { apikey: anonKey, bearer: anonKey }).then(() => undefined);
    try {
      const outcome = await runLoad({ model: { kind: 'closed', vus, durationMs: seconds * 1000 }, journeys: [{ name: 'order', patterns: [], weight: 1 }], iterate, signal: new AbortController().signal, gracefulStopMs: 5000 });
      return { rps: (outcome.recorder.requests * 1000) / outcome.durationMs, errors: outcome.recorder.errors, p50: outcome.recorder.total.getValueAtPercentile(50) / 1000 };
    } finally {
      await client.close();
    }
  };

  // Warm the server (JIT, its pool, the plan cache) so the first tool measured is not the cold one.
  await autocannon({ url: endpointUrl, connections, duration: 2, headers });
  say('(a) throughput on one endpoint: wrk, autocannon, the engine over undici…');
  const wrk = findWrk();
  const wrkRun = wrk ? await runWrk(wrk, endpointUrl, headers, connections, seconds, work) : undefined;
  const cannon = await autocannon({ url: endpointUrl, connections, duration: seconds, headers });
  const engine = await driverRun(connections);

  say(`(b) the local stack's overhead: /rest/v1 vs the same SQL through the pg driver, ${config.pool.max} at a time…`);
  const viaRest = await driverRun(config.pool.max);
  const cache = await loadSchemaCache(control, ['public']);
  const plan = planRequest(cache, { method: 'GET', path: '/orders', query: new URLSearchParams(`select=*&id=eq.${orderId}`), headers: {}, body: undefined, auth: { role: 'anon' } });
  if (plan.values.length !== 1) throw new Error(`expected the REST layer's SQL for orders?id=eq.X to take one parameter, got ${plan.values.length}`);
  // The SQL the REST layer sends, run by the pg driver as anon; its one parameter is the same order id, sampled by the same query.
  const query: CatalogQuery = { name: 'restbench_order', file: 'restbench', journey: 'bench', roles: ['anon'], params: ['order_id'], samplers: { typical: FIRST_ACTIVE_ORDER }, budget: {}, sql: plan.text };
  const driver = await openPgDriver(control, [{ kind: 'read', name: 'order', patterns: [], weight: 1, query: query.name, role: 'anon', hotShare: 0 }], { scenario: 'restbench', url, pool: { ...config.pool, min: config.pool.max }, catalog: [query] });
  let viaPg;
  try {
    await warmPool(driver.pool, config.pool.max);
    const outcome = await runLoad({ model: { kind: 'closed', vus: config.pool.max, durationMs: seconds * 1000 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, gracefulStopMs: 5000 });
    viaPg = { rps: (outcome.recorder.requests * 1000) / outcome.durationMs, errors: outcome.recorder.errors, p50: outcome.recorder.total.getValueAtPercentile(50) / 1000 };
  } finally {
    await driver.teardown(control, false);
  }

  const ratio = (rps: number) => (wrkRun ? ` → ${(rps / wrkRun.rps).toFixed(2)}× wrk` : '');
  console.log(`\n(a) GET /rest/v1/orders?select=*&id=eq.X, ${connections} connections, ${seconds} s, closed loop`);
  console.log(wrkRun ? `  wrk          ${wrkRun.rps.toFixed(0)} req/s (non-2xx ${wrkRun.non2xx})` : '  wrk          not found (looked at $WRK, /usr/bin/wrk and PATH; apt-get install wrk): no ratio measured');
  console.log(`  autocannon   ${cannon.requests.average.toFixed(0)} req/s (non-2xx ${cannon.non2xx})${ratio(cannon.requests.average)} (target ≥ 0.9×)`);
  console.log(`  engine+undici ${engine.rps.toFixed(0)} req/s (errors ${engine.errors})${ratio(engine.rps)}`);
  console.log(`(b) the same request at ${config.pool.max} at a time: what /rest/v1 adds to the SQL it runs`);
  console.log(`  /rest/v1     p50 ${viaRest.p50.toFixed(2)} ms, ${viaRest.rps.toFixed(0)} req/s (errors ${viaRest.errors})`);
  console.log(`  pg driver    p50 ${viaPg.p50.toFixed(2)} ms, ${viaPg.rps.toFixed(0)} req/s (errors ${viaPg.errors})`);
  console.log(`  the stack adds ${(viaRest.p50 - viaPg.p50).toFixed(2)} ms at p50; throughput ${(viaRest.rps / viaPg.rps).toFixed(2)}× the pg driver's`);
} finally {
  await stopApi?.().catch(() => undefined);
  await scratch?.drop();
  rmSync(work, { recursive: true, force: true });
  await running.release();
}
