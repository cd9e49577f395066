/**
 * npm run bench:capture [-- --clients N] [--seconds S] [--rounds N]
 *
 * What live plan capture costs the load: the pg driver's closed model at full speed on the local
 * target (a scratch database, dropped afterwards), with capture off, on at the default sample
 * rate, and on at every statement (sample rate 1), taken in turn `rounds` times (each round
 * starting with the next mode, so a busy spell on the shared machine does not always land on the
 * same one); each figure is the median throughput, and the cost the median of the rounds' ratios. auto_explain instruments the sampled statements (ANALYZE timing,
 * buffers) whether or not they end up logged, so the threshold is the query budget and the
 * cost measured is the instrumentation's, as in a real scenario where few statements are slow.
 */
import { parseArgs } from 'node:util';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { prepareCapture } from '../../scenarios/diagnostics/planCapture.ts';
import { openPgDriver } from '../../scenarios/drivers/pg/pgDriver.ts';
import { warmPool } from '../../scenarios/drivers/pg/pgPool.ts';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { createReadFixture, openScratchDatabase, type ScratchDatabase } from './scratchDatabase.ts';

const { values } = parseArgs({ options: { clients: { type: 'string' }, seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' } } });
for (const [flag, value] of Object.entries(values)) {
  if (value !== undefined && !(Number(value) > 0)) {
    process.stderr.write(`bench:capture: --${flag} must be a positive number, got '${value}'\n`);
    process.exit(2);
  }
}
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const clients = Number(values.clients ?? config.pool.max);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const ROWS = 50_000;
// A read with some plan under it (an index range and a sort), so the instrumentation has nodes to time.
const READ = 'SELECT id, payload FROM public.capturebench_rows WHERE id BETWEEN $1 AND $1 + 40 ORDER BY payload';
const query: CatalogQuery = { name: 'capturebench_read', file: 'capturebench', journey: 'bench', roles: ['service_role'], params: ['id'], samplers: { typical: `SELECT id FROM public.capturebench_rows ORDER BY id LIMIT 5000` }, budget: {}, sql: READ };
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
let scratch: ScratchDatabase | undefined;

try {
  scratch = await openScratchDatabase(target, 'capture');
  const { url, control } = scratch;
  const journey = await createReadFixture(control, 'capturebench_rows', ROWS, query.name);
  const modes = [
    { label: 'capture off', capture: { enabled: false } },
    { label: `capture on, sample rate ${config.capture.sampleRate}`, capture: { enabled: true, sampleRate: config.capture.sampleRate } },
    { label: 'capture on, sample rate 1 (every statement)', capture: { enabled: true, sampleRate: 1 } },
  ];
  process.stderr.write(`bench:capture — ${clients} clients, ${seconds} s per run, ${rounds} rounds, PostgreSQL on ${target.where}\n`);
  const tps = modes.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < modes.length; step++) {
      const index = (round + step) % modes.length;
      const mode = modes[index]!;
      const setup = await prepareCapture(control, { ...config, capture: { ...config.capture, ...mode.capture } }, 'pg');
      if (mode.capture.enabled && setup.status !== 'on') throw new Error(`capture is not available here: ${setup.reason ?? setup.status}`);
      const sessionOptions = setup.status === 'on' ? setup.sessionOptions : undefined;
      const driver = await openPgDriver(control, [journey], { scenario: 'capture', url, pool: { ...config.pool, min: clients }, poolMax: clients, catalog: [query], sessionOptions });
      try {
        await warmPool(driver.pool, clients);
        const outcome = await runLoad({ model: { kind: 'closed', vus: clients, durationMs: seconds * 1000 }, journeys: driver.journeys, iterate: driver.iterate, signal: new AbortController().signal, gracefulStopMs: 5000 });
        if (outcome.recorder.errors > 0) throw new Error(`${outcome.recorder.errors} requests failed with ${mode.label}`);
        tps[index]!.push((outcome.recorder.requests * 1000) / outcome.durationMs);
      } finally {
        await driver.teardown(control, false);
      }
      process.stderr.write(`  round ${round + 1}: ${mode.label}: ${tps[index]!.at(-1)!.toFixed(0)} tx/s\n`);
    }
  }
  const median = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  };
  console.log(`throughput, closed model, ${clients} clients, ${rounds} rounds of ${seconds} s taken in turn (median; each round in brackets)`);
  for (const [index, mode] of modes.entries()) {
    const ratios = tps[index]!.map((value, round) => value / tps[0]![round]!);
    const cost = index === 0 ? '' : ` → ${((median(ratios) - 1) * 100).toFixed(1)} % against capture off (median of the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join(', ')})`;
    console.log(`  ${mode.label}: ${median(tps[index]!).toFixed(0)} tx/s [${tps[index]!.map((v) => v.toFixed(0)).join(', ')}]${cost}`);
  }
} finally {
  await scratch?.drop();
  await running.release();
}
