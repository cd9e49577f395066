/**
 * npm run bench:load [-- --clients N] [--seconds S] [--rounds N] [--rate R]
 *
 * The pg driver of the load scenarios against pgbench running the same statements (BEGIN READ
 * ONLY, the request context's set_config, a primary-key read, ROLLBACK) with the same client
 * count, on the local target, in a scratch database dropped afterwards. Two references:
 * pgbench -M prepared sending the statements one round trip each (the reference), and
 * pgbench -M prepared sending them between \startpipeline and \endpipeline, one round trip, as
 * the driver does (like for like). TPS ratios (closed model; the three run in turn, `rounds`
 * times, and each figure is the median: the CPU is shared with other work, and taking the three
 * side by side keeps a busy spell from landing on one alone), then p50/p99 at a fixed rate below
 * saturation (open model vs the pipelined pgbench -R, both from the scheduled start). Without
 * pgbench it says so and measures nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { createLatencyHistogram, recordMs } from '../../results/histogram.ts';
import { openPgDriver } from '../../scenarios/drivers/pg/pgDriver.ts';
import { warmPool } from '../../scenarios/drivers/pg/pgPool.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import type { LoadModel } from '../../scenarios/engine/loadModel.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { findPgbench, readPgbenchLatencies, runPgbench } from './pgbench.ts';
import { createReadFixture, openScratchDatabase, type ScratchDatabase } from './scratchDatabase.ts';

const { values } = parseArgs({ options: { clients: { type: 'string' }, seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' }, rate: { type: 'string' } } });
const pgbench = findPgbench();
if (!pgbench) {
  process.stderr.write('bench:load: pgbench not found (looked at $PGBENCH, /usr/bin/pgbench and PATH); no ratio measured. Install the PostgreSQL client tools to compare.\n');
  process.exit(3);
}
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const clients = Number(values.clients ?? config.pool.max);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
for (const [flag, value] of Object.entries(values)) {
  if (value !== undefined && !(Number(value) > 0)) {
    process.stderr.write(`bench:load: --${flag} must be a positive number, got '${value}'\n`);
    process.exit(2);
  }
}
const ROWS = 10_000;
// What the driver's request context sends for this read (pickRead: GET /rest/v1/<query name>, tagged with its journey), here as literals.
const SET_CONTEXT = `SELECT set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true), set_config('request.method', 'GET', true), set_config('request.path', '/rest/v1/loadbench_read', true), set_config('request.headers', '{}', true), set_config('application_name', 'gomflow:read', true)`;
const READ = 'SELECT id, payload FROM public.loadbench_rows WHERE id = $1';
const query: CatalogQuery = { name: 'loadbench_read', file: 'loadbench', journey: 'bench', roles: ['service_role'], params: ['id'], samplers: { typical: `SELECT id FROM public.loadbench_rows ORDER BY id LIMIT ${ROWS}` }, budget: {}, sql: READ };
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
const work = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-load-'));
let scratch: ScratchDatabase | undefined;

try {
  scratch = await openScratchDatabase(target, 'load');
  const { url, control } = scratch;
  const journey = await createReadFixture(control, 'loadbench_rows', ROWS, query.name);
  const statements = ['BEGIN READ ONLY;', `${SET_CONTEXT};`, `${READ.replace('$1', ':id')};`, 'ROLLBACK;'];
  writeFileSync(path.join(work, 'read.sql'), [`\\set id random(1, ${ROWS})`, ...statements, ''].join('\n'));
  writeFileSync(path.join(work, 'pipelined.sql'), [`\\set id random(1, ${ROWS})`, '\\startpipeline', ...statements, '\\endpipeline', ''].join('\n'));
  process.stderr.write(`bench:load — ${clients} clients, ${seconds} s per run, PostgreSQL on ${target.where}, ${pgbench}\n`);

  const driverRun = async (model: LoadModel) => {
    const driver = await openPgDriver(control, [journey], { scenario: 'bench', url, pool: { ...config.pool, min: clients }, poolMax: clients, catalog: [query] });
    try {
      // pgbench connects before its clock starts too (tps "without initial connection time").
      await warmPool(driver.pool, clients);
      return await runLoad({ model, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, gracefulStopMs: 5000 });
    } finally {
      await driver.teardown(control, false);
    }
  };

  const pgbenchArgs = (script: string, ...more: string[]) => ['-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), ...more, '-f', script];
  process.stderr.write(`1/2 throughput, closed model: pg driver, pgbench pipelined, pgbench one round trip per statement, in turn, ${rounds} rounds…\n`);
  const measured: { driver: number; pipelined: number; stepwise: number; errors: number; cpuUs: number; sysUs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpuBefore = process.cpuUsage();
    const closed = await driverRun({ kind: 'closed', vus: clients, durationMs: seconds * 1000 });
    const cpu = process.cpuUsage(cpuBefore);
    const driver = (closed.recorder.requests * 1000) / closed.durationMs;
    const pipelined = (await runPgbench(pgbench, url, pgbenchArgs('pipelined.sql'), work)).tps;
    const stepwise = (await runPgbench(pgbench, url, pgbenchArgs('read.sql'), work)).tps;
    measured.push({ driver, pipelined, stepwise, errors: closed.recorder.errors, cpuUs: (cpu.user + cpu.system) / closed.recorder.requests, sysUs: cpu.system / closed.recorder.requests });
  }
  const median = (pick: (round: (typeof measured)[number]) => number) => {
    const sorted = measured.map(pick).sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  };
  const driverTps = median((round) => round.driver);
  const rate = values.rate ? Number(values.rate) : Math.max(10, Math.round(Math.min(driverTps, median((round) => round.pipelined)) * 0.3));

  process.stderr.write(`2/2 latency at ${rate} tx/s (${values.rate ? '--rate' : '30 % of the lower throughput'}), open model vs pipelined pgbench -R…\n`);
  const open = await driverRun({ kind: 'open', startRate: rate, stages: [{ durationMs: seconds * 1000, rate }], maxInFlight: 100 });
  await runPgbench(pgbench, url, pgbenchArgs('pipelined.sql', '-R', String(rate), '-l', '--log-prefix=pgb'), work);
  const pgbHist = createLatencyHistogram();
  for (const ms of readPgbenchLatencies(work, 'pgb')) recordMs(pgbHist, ms);
  const at = (h: typeof pgbHist, p: number) => h.getValueAtPercentile(p) / 1000;

  const each = (pick: (round: (typeof measured)[number]) => number, digits: number) => measured.map((round) => pick(round).toFixed(digits)).join(', ');
  console.log(`\nthroughput, closed model, ${clients} clients, ${rounds} rounds of ${seconds} s taken in turn (median; each round in brackets); target ≥ 0.6×`);
  console.log(`  pg driver, one round trip per request: ${driverTps.toFixed(0)} tx/s [${each((r) => r.driver, 0)}]; its CPU ${median((r) => r.cpuUs).toFixed(0)} µs per transaction (${median((r) => r.sysUs).toFixed(0)} µs of it in the kernel)`);
  console.log(`  pgbench -M prepared, pipelined, one round trip (like for like): ${median((r) => r.pipelined).toFixed(0)} tx/s → ratio ${median((r) => r.driver / r.pipelined).toFixed(2)}× [${each((r) => r.driver / r.pipelined, 2)}]`);
  console.log(`  pgbench -M prepared, one round trip per statement (the issue's reference, 4 round trips): ${median((r) => r.stepwise).toFixed(0)} tx/s → ratio ${median((r) => r.driver / r.stepwise).toFixed(2)}× [${each((r) => r.driver / r.stepwise, 2)}]`);
  console.log(`errors: pg driver ${measured.reduce((sum, r) => sum + r.errors, 0) + open.recorder.errors}`);
  for (const p of [50, 99]) {
    const ours = at(open.recorder.total, p);
    const theirs = at(pgbHist, p);
    console.log(`p${p} at ${rate} tx/s: pg driver ${ours.toFixed(2)} ms, pipelined pgbench -R ${theirs.toFixed(2)} ms → ${(((ours - theirs) / theirs) * 100).toFixed(0)} % (target within ±10 %)`);
  }
} finally {
  await scratch?.drop();
  rmSync(work, { recursive: true, force: true });
  await running.release();
}
