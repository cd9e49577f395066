import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { summarize } from '../../../results/histogram.ts';
import type { RealtimePoint, RealtimeResult } from '../../../results/realtimeModel.ts';
import { sleep } from '../../engine/sleep.ts';
import { loadWriteData } from '../pg/writeData.ts';
import { personaTokens } from '../rest/personaTokens.ts';
import type { RestEndpoint } from '../rest/restEndpoint.ts';
import type { SubmissionSent } from '../rest/restWrites.ts';
import { DeliveryLedger } from './deliveryLedger.ts';
import { countBy } from './realtimeFanout.ts';
import { switchPublication, type PublicationSwitch } from './publicationSwitch.ts';
import { SubscriberPool, type SubscriberSpec } from './subscriberPool.ts';

export interface DashboardWatchOptions {
  /** GOM dashboards: the hot order's GOM first, then other GOMs' busiest orders. */
  dashboards: number;
  joinRate: number;
  signal: AbortSignal;
}

/** GOM dashboards on their orders' submissions while launch-drop runs, fed by the REST driver's submits. */
export interface DashboardWatch {
  /** The REST driver's submits: entered in the ledger with their order and send time, dropped when they fail. */
  sending(submission: SubmissionSent): void;
  failed(submission: SubmissionSent): void;
  /** Starts the delivery series (one point a second) on the scenario's clock. */
  start(): void;
  /** After the load: waits up to graceMs for owed deliveries, ends the series and the sockets; the scenario's realtime section. */
  finish(graceMs: number): Promise<RealtimeResult>;
  /** Always called: sockets closed, publication put back exactly (safe twice). */
  close(): Promise<void>;
}

/**
 * Opens the dashboards (GOMFLOW's `order-<id>-submissions`, gomflow-traffic §2, each as its
 * order's GOM) after switching the publication as realtime-fanout does, and waits until they
 * have joined, so every submission the drop sends after that is owed to its order's dashboard.
 */
export async function openDashboardWatch(control: pg.Client, endpoint: RestEndpoint, options: DashboardWatchOptions): Promise<DashboardWatch> {
  const data = await loadWriteData(control);
  const candidates = [...data.hotOrders, ...data.orders.filter((order) => !data.hotOrders.includes(order))].map((order) => order.id);
  const { rows } = await control.query<{ id: string; owner: string }>(`${INTERNAL_MARK} SELECT id::text, user_id::text AS owner FROM public.orders WHERE id = ANY($1::uuid[])`, [candidates]);
  const ownerOf = new Map(rows.map((row) => [row.id, row.owner]));
  const specs = pickDashboards(candidates, ownerOf, options.dashboards);
  const tokens = await personaTokens(control, endpoint, [...new Set(specs.map((spec) => spec.accessToken))]);
  for (const spec of specs) spec.accessToken = tokens.get(spec.accessToken)!;
  const publication: PublicationSwitch = await switchPublication(control, [
    { schema: 'public', table: 'orders' },
    { schema: 'public', table: 'submissions' },
  ]);
  const ledger = new DeliveryLedger(specs);
  const pool = new SubscriberPool(specs, ledger, { url: endpoint.url, apikey: endpoint.anonKey, joinRate: options.joinRate, signal: options.signal });
  const close = async () => {
    pool.close();
    await publication.restore();
  };
  try {
    await pool.joinAll();
  } catch (error) {
    await close();
    throw error;
  }
  let changes = 0;
  let failed = 0;
  let start = 0;
  let ticker: NodeJS.Timeout | undefined;
  let peakConnected = pool.connected;
  const timeline: RealtimePoint[] = [];
  const tick = () => {
    peakConnected = Math.max(peakConnected, pool.connected);
    timeline.push({ ...ledger.flush(performance.now() - start), connected: pool.connected });
  };
  return {
    sending(submission) {
      changes++;
      ledger.made(submission.id, performance.now(), submission.orderId);
    },
    failed(submission) {
      failed++;
      ledger.cancel(submission.id);
    },
    start() {
      start = performance.now();
      ticker = setInterval(tick, 1000);
    },
    async finish(graceMs) {
      const graceEnd = performance.now() + graceMs;
      while (performance.now() < graceEnd && !options.signal.aborted && ledger.totals().missing > 0) await sleep(50, options.signal);
      clearInterval(ticker);
      tick();
      const durationMs = performance.now() - start;
      const totals = ledger.totals();
      await close();
      return {
        subscribers: countBy(specs.map((spec) => spec.kind)),
        joined: specs.filter((spec) => spec.subscribedAt !== undefined).length,
        joinFailures: pool.joinFailures,
        joinFailureReasons: pool.failureReasons,
        peakConnected,
        timeToSubscribe: summarize(pool.timeToSubscribe),
        changes: changes - failed,
        changesFailed: failed,
        expectedDeliveries: totals.expected,
        delivered: totals.delivered,
        missing: totals.missing,
        duplicates: totals.duplicates,
        leaked: totals.leaked,
        latency: totals.latency,
        messagesPerSecond: durationMs > 0 ? (totals.delivered * 1000) / durationMs : 0,
        graceMs,
        publication: { name: publication.publication, added: publication.added, restored: true },
        timeline,
      };
    },
    async close() {
      clearInterval(ticker);
      await close();
    },
  };
}

/** The hot order's GOM, then one dashboard per other GOM's order (busiest first), then further orders of GOMs already watching. Tokens named by sub until minted. */
function pickDashboards(orders: readonly string[], ownerOf: ReadonlyMap<string, string>, count: number): SubscriberSpec[] {
  const owners = new Set<string>();
  const firstPass = orders.filter((id) => ownerOf.has(id) && !owners.has(ownerOf.get(id)!) && owners.add(ownerOf.get(id)!));
  const chosen = [...firstPass, ...orders.filter((id) => ownerOf.has(id) && !firstPass.includes(id))].slice(0, count);
  return chosen.map((orderId, index) => ({
    kind: index === 0 ? 'gom-dashboard' : 'other-gom-dashboard',
    channel: `order-${orderId}-submissions`,
    binding: { event: '*', schema: 'public', table: 'submissions', filter: `order_id=eq.${orderId}` },
    accessToken: ownerOf.get(orderId)!,
    expects: true,
    key: orderId,
  }));
}
