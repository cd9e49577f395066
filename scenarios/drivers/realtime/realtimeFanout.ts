import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { GomflowError } from '../../../core/errors.ts';
import { rngFor, type Random } from '../../../generators/random.ts';
import { summarize } from '../../../results/histogram.ts';
import type { RealtimePoint, RealtimeResult } from '../../../results/realtimeModel.ts';
import type { RealtimeStats } from '../../../stack/realtime/realtimeHub.ts';
import { sleep } from '../../engine/sleep.ts';
import { ScenarioRows } from '../pg/scenarioRows.ts';
import { loadWriteData } from '../pg/writeData.ts';
import { personaTokens } from '../rest/personaTokens.ts';
import type { RestEndpoint } from '../rest/restEndpoint.ts';
import { makeChanges } from './changeMaker.ts';
import { DeliveryLedger } from './deliveryLedger.ts';
import { switchPublication } from './publicationSwitch.ts';
import { SubscriberPool, type SubscriberSpec } from './subscriberPool.ts';

// The knobs are data both engines read (the k6 script too): they live with the workloads.
export { DEFAULT_FANOUT_KNOBS, type FanoutKnobs } from '../../workloads/fanoutKnobs.ts';
import type { FanoutKnobs } from '../../workloads/fanoutKnobs.ts';

export interface FanoutInput {
  /** The owner's connection: personas, the publication switch, the scenario's run record and clean-up. */
  control: pg.Client;
  /** Where the changes are written (a connection of its own). */
  databaseUrl: string;
  endpoint: RestEndpoint;
  knobs: FanoutKnobs;
  signal: AbortSignal;
  keep: boolean;
  /** The local server's counters, when it runs in this process: the RLS cost per change. */
  serverStats?: () => RealtimeStats;
  onTick?: (point: RealtimePoint) => void;
  seed?: number;
}

export interface FanoutOutcome {
  realtime: RealtimeResult;
  durationMs: number;
  writes: { runId: string; rows: number; kept: boolean };
  stoppedEarly?: string;
  /** The first change whose statement failed, when one did. */
  changeError?: string;
}

/**
 * realtime-fanout: one hot order, its GOM's dashboard and N watchers subscribed to
 * `submissions` filtered by `order_id` (GOMFLOW's `order-<id>-submissions`, gomflow-traffic §2),
 * joining while submissions pour in. Watchers are the GOM's other dashboards and, a share of
 * them, other users whom RLS ("Order owners can view submissions") excludes. Teardown always
 * runs: sockets closed, rows removed (or kept), the publication put back.
 */
export async function runRealtimeFanout(input: FanoutInput): Promise<FanoutOutcome> {
  const { control, knobs, signal } = input;
  const random = rngFor(input.seed ?? 1, 'realtime-fanout');
  const data = await loadWriteData(control);
  const hot = data.hotOrders[0];
  if (!hot) throw new GomflowError('E_SEED_UNKNOWN', 'realtime-fanout needs an active order to pour submissions into; seed the target first (gomflow-load seed)');
  const owner = (await control.query<{ user_id: string }>(`${INTERNAL_MARK} SELECT user_id::text FROM public.orders WHERE id = $1`, [hot.id])).rows[0]!.user_id;
  const others = data.users.filter((user) => user !== owner);
  const specs = planSubscribers(hot.id, owner, others, knobs, random);
  const tokens = await personaTokens(control, input.endpoint, [...new Set(specs.map((spec) => spec.accessToken))]);
  for (const spec of specs) spec.accessToken = tokens.get(spec.accessToken)!;
  const publication = await switchPublication(control, [
    { schema: 'public', table: 'orders' },
    { schema: 'public', table: 'submissions' },
  ]);
  let rows: ScenarioRows | undefined;
  let writer: pg.Client | undefined;
  let pool: SubscriberPool | undefined;
  let restored = false;
  let removed = 0;
  try {
    rows = await ScenarioRows.open(control, 'realtime-fanout');
    writer = new pg.Client({ connectionString: input.databaseUrl, application_name: 'gomflow realtime changes' });
    writer.on('error', () => undefined);
    await writer.connect();
    const ledger = new DeliveryLedger(specs);
    pool = new SubscriberPool(specs, ledger, { url: input.endpoint.url, apikey: input.endpoint.anonKey, joinRate: knobs.joinRate, signal });
    const state = { rows, data: { hotOrders: [hot], orders: [hot], users: data.users }, random, hotShare: 1, submissions: [] };
    const start = performance.now();
    const timeline: RealtimePoint[] = [];
    let peakConnected = 0;
    const base = input.serverStats?.();
    let lastStats = base;
    const tick = () => {
      const point = ledger.flush(performance.now() - start);
      peakConnected = Math.max(peakConnected, pool!.connected);
      const stats = input.serverStats?.();
      const processed = stats && lastStats ? stats.changesRead - stats.changesSkipped - (lastStats.changesRead - lastStats.changesSkipped) : 0;
      const rls = stats && lastStats && processed > 0 ? { rlsChecksPerChange: (stats.rlsChecks - lastStats.rlsChecks) / processed, rlsMsPerChange: (stats.rlsMs - lastStats.rlsMs) / processed } : {};
      lastStats = stats;
      const full: RealtimePoint = { ...point, connected: pool!.connected, ...rls };
      timeline.push(full);
      input.onTick?.(full);
    };
    const ticker = setInterval(tick, 1000);
    let made;
    try {
      // The GOM's dashboard first: the changes start once it is subscribed, the watchers keep joining.
      const joining = pool.joinAll();
      if (knobs.changesAfterJoins) await joining;
      while (specs[0]!.subscribedAt === undefined && pool.joinFailures === 0 && !signal.aborted) await sleep(5, signal);
      made = await makeChanges(writer, state, ledger, { rate: knobs.changeRate, durationMs: knobs.durationMs, signal });
      await joining;
      const graceEnd = performance.now() + knobs.graceMs;
      while (performance.now() < graceEnd && !signal.aborted && ledger.totals().missing > 0) await sleep(50, signal);
    } finally {
      clearInterval(ticker);
    }
    tick();
    const durationMs = performance.now() - start;
    const totals = ledger.totals();
    const final = base ? since(base, input.serverStats!()) : undefined;
    const joins = { failures: pool.joinFailures, reasons: pool.failureReasons, timeToSubscribe: summarize(pool.timeToSubscribe) };
    pool.close();
    pool = undefined;
    await writer.end().catch(() => undefined);
    writer = undefined;
    removed = input.keep ? await rows.keep(control) : await rows.remove(control);
    await publication.restore();
    restored = true;
    const processed = final ? final.changesRead - final.changesSkipped : 0;
    const realtime: RealtimeResult = {
      subscribers: countBy(specs.map((spec) => spec.kind)),
      joined: specs.filter((spec) => spec.subscribedAt !== undefined).length,
      joinFailures: joins.failures,
      joinFailureReasons: joins.reasons,
      peakConnected,
      timeToSubscribe: joins.timeToSubscribe,
      changes: made.made,
      changesFailed: made.failed,
      expectedDeliveries: totals.expected,
      delivered: totals.delivered,
      missing: totals.missing,
      duplicates: totals.duplicates,
      leaked: totals.leaked,
      latency: totals.latency,
      messagesPerSecond: durationMs > 0 ? (totals.delivered * 1000) / durationMs : 0,
      graceMs: knobs.graceMs,
      ...(final ? { server: { changesRead: final.changesRead, changesSkipped: final.changesSkipped, rlsChecks: final.rlsChecks, rlsMs: final.rlsMs, rlsMsPerChange: processed > 0 ? final.rlsMs / processed : 0, rlsMsPerCheck: final.rlsChecks > 0 ? final.rlsMs / final.rlsChecks : 0 } } : {}),
      publication: { name: publication.publication, added: publication.added, restored: true },
      timeline,
    };
    return { realtime, durationMs, writes: { runId: rows.runId, rows: removed, kept: input.keep }, ...(signal.aborted ? { stoppedEarly: 'interrupted' } : {}), ...(made.firstError ? { changeError: made.firstError } : {}) };
  } finally {
    pool?.close();
    await writer?.end().catch(() => undefined);
    if (!restored) {
      if (rows && !input.keep) await rows.remove(control).catch(() => undefined);
      await publication.restore();
    }
  }
}

/** The GOM's dashboard first, then the watchers: the GOM's other dashboards, and a share of other users RLS excludes. Tokens are named by sub until minted. */
function planSubscribers(orderId: string, owner: string, others: readonly string[], knobs: FanoutKnobs, random: Random): SubscriberSpec[] {
  const binding = { event: '*' as const, schema: 'public', table: 'submissions', filter: `order_id=eq.${orderId}` };
  const channel = `order-${orderId}-submissions`;
  return Array.from({ length: Math.max(1, knobs.subscribers) }, (_, index) => {
    const excluded = index > 0 && others.length > 0 && random.chance(knobs.excludedShare);
    const kind = index === 0 ? 'gom-dashboard' : excluded ? 'excluded-user' : 'watcher';
    return { kind, channel, binding, accessToken: excluded ? random.pick(others) : owner, expects: !excluded };
  });
}

/** How many subscribers of each kind. */
export function countBy(kinds: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The server's counters over this run only (its hub may have served earlier runs). */
function since(base: RealtimeStats, now: RealtimeStats): RealtimeStats {
  return { ...now, changesRead: now.changesRead - base.changesRead, changesSkipped: now.changesSkipped - base.changesSkipped, rlsChecks: now.rlsChecks - base.rlsChecks, rlsMs: now.rlsMs - base.rlsMs, deliveries: now.deliveries - base.deliveries };
}
