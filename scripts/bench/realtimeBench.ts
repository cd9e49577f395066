/**
 * npm run bench:realtime [-- --levels 100,1000,5000] [--rls-levels 10,100,1000] [--changes 10]
 *
 * On the local target, in a scratch database (tiny seed) dropped afterwards:
 * (a) realtime-fanout at N subscribers (raw Phoenix sockets from this one process) against the
 *     local API server in a process of its own, stopped afterwards: every owed delivery
 *     accounted for (missing, duplicates, deliveries RLS should have stopped), delivery latency
 *     p50/p99 (send → commit → receipt), time to subscribe, this process's peak RSS.
 * (b) the per-subscriber RLS cost: the server in this process, one socket joined with N
 *     bindings on one filter (N subscriptions, N checks per change, without N sockets here for
 *     the server's timed awaits to wait behind), database time per change from its counters;
 *     Supabase documents the cost as linear in N.
 * Changes start once all N have joined. Each run's rows are removed and the publication put back.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { runRealtimeFanout, DEFAULT_FANOUT_KNOBS, type FanoutOutcome, type FanoutKnobs } from '../../scenarios/drivers/realtime/realtimeFanout.ts';
import { generateJwtSecret } from '../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../stack/auth/mintApiKeys.ts';
import { ensureRunning, resolveTarget } from '../../stack/target.ts';
import { startLocalApi } from '../../stack/server/startLocalApi.ts';
import { rlsCostRun, type RlsCost } from './rlsCostRun.ts';
import { openScratchDatabase, seedScratchTiny, type ScratchDatabase } from './scratchDatabase.ts';
import { spawnLocalApi } from './spawnLocalApi.ts';
import { execFileSync } from 'node:child_process';

const { values } = parseArgs({ options: { levels: { type: 'string', default: '100,1000,5000' }, 'rls-levels': { type: 'string', default: '10,100,1000' }, changes: { type: 'string', default: '10' } } });
const levels = values.levels.split(',').map(Number);
const rlsLevels = values['rls-levels'].split(',').map(Number);
const changes = Number(values.changes);
const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

// Each subscriber is one socket here and one in the server: the soft limit must hold the largest N plus the pools.
const fdLimit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const needed = Math.max(...levels) + 256;
if (fdLimit < needed) {
  say(`bench:realtime: the open-file limit is ${fdLimit}, ${needed} needed for ${Math.max(...levels)} sockets; raise it (ulimit -n ${needed}) and run again`);
  process.exit(2);
}

const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
let stopApi: (() => Promise<void>) | undefined;
let scratch: ScratchDatabase | undefined;

try {
  scratch = await openScratchDatabase(target, 'realtime');
  const { url, control } = scratch;
  say(`bench:realtime — seeding tiny into the scratch database ${scratch.name}…`);
  await seedScratchTiny(scratch);
  const secret = generateJwtSecret();
  const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
  const endpointOf = (apiUrl: string) => ({ url: apiUrl, ...keys, jwtSecret: secret, release: async () => undefined });
  const knobsAt = (subscribers: number, excludedShare: number): FanoutKnobs => ({
    ...DEFAULT_FANOUT_KNOBS,
    subscribers,
    joinRate: 1000,
    changeRate: 2,
    durationMs: (changes / 2) * 1000,
    excludedShare,
    // At 5,000 subscribers the server runs 5,000 RLS checks per change on one connection: give the queue time to drain.
    graceMs: 180_000,
    changesAfterJoins: true,
  });
  let peakRss = 0;
  const fanout = (apiUrl: string, knobs: FanoutKnobs): Promise<FanoutOutcome> =>
    runRealtimeFanout({ control, databaseUrl: url, endpoint: endpointOf(apiUrl), knobs, signal: new AbortController().signal, keep: false, onTick: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)) });
  say('bench:realtime — on a 2-core machine shared with other work: expect noise');

  const api = await spawnLocalApi(url, secret, config.pool);
  stopApi = api.stop;
  console.log(`(a) delivery at N subscribers on one hot order (raw Phoenix vsn 2.0.0 sockets from one process; server in its own process)`);
  for (const n of levels) {
    say(`(a) ${n} subscribers (10 % of them users RLS excludes), ${changes} changes at 2/s once all have joined…`);
    peakRss = 0;
    const { realtime: rt, writes } = await fanout(api.url, knobsAt(n, 0.1));
    const accounted = rt.delivered + rt.missing === rt.expectedDeliveries ? 'every owed delivery accounted for' : 'ACCOUNTING MISMATCH';
    console.log(
      `  N=${String(n).padStart(5)}  joined ${rt.joined} (failures ${rt.joinFailures}), subscribe p50 ${rt.timeToSubscribe.p50Ms.toFixed(1)} p99 ${rt.timeToSubscribe.p99Ms.toFixed(1)} ms; ` +
        `${rt.delivered}/${rt.expectedDeliveries} delivered, missing ${rt.missing}, duplicates ${rt.duplicates}, to RLS-excluded ${rt.leaked} (${accounted}); ` +
        `latency p50 ${rt.latency.p50Ms.toFixed(1)} p99 ${rt.latency.p99Ms.toFixed(1)} max ${rt.latency.maxMs.toFixed(1)} ms; peak RSS ${mb(peakRss)}; rows removed ${writes.rows}`,
    );
  }
  await api.stop();
  stopApi = undefined;

  say('(b) RLS cost per change: one socket with N bindings on one filter, the server in this process (its counters read)…');
  const local = await startLocalApi({ databaseUrl: url, jwtSecret: secret, port: 0, pool: config.pool, realtime: { eventsPerSecond: 10_000 }, log: say });
  stopApi = local.close;
  const costs: RlsCost[] = [];
  for (const n of rlsLevels) costs.push(await rlsCostRun(control, url, local, keys, secret, n, changes));
  await local.close();
  stopApi = undefined;

  console.log(`(b) the server's RLS database time per change (its counters: set_config + the prepared EXISTS per subscription), N subscriptions matching one filter`);
  for (const c of costs) console.log(`  N=${String(c.subscriptions).padStart(5)}  ${c.perChangeMs.toFixed(2)} ms per change, ${(c.perCheckMs * 1000).toFixed(0)} µs per subscription check (${c.checks} checks over ${c.changes} changes; ${c.missing} deliveries missing)`);
  const first = costs[0]!;
  const last = costs.at(-1)!;
  const growth = last.subscriptions / first.subscriptions;
  console.log(`  growth ${first.subscriptions}→${last.subscriptions} subscriptions (${growth.toFixed(0)}×): time per change ${(last.perChangeMs / first.perChangeMs).toFixed(1)}× (linear would be ${growth.toFixed(0)}×)`);
} finally {
  await stopApi?.().catch(() => undefined);
  await scratch?.drop();
  await running.release();
}

