import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { rngFor } from '../../generators/random.ts';
import { makeChanges } from '../../scenarios/drivers/realtime/changeMaker.ts';
import { DeliveryLedger, type LedgerSubscriber } from '../../scenarios/drivers/realtime/deliveryLedger.ts';
import { PhoenixSocket } from '../../scenarios/drivers/realtime/phoenixSocket.ts';
import { switchPublication } from '../../scenarios/drivers/realtime/publicationSwitch.ts';
import { ScenarioRows } from '../../scenarios/drivers/pg/scenarioRows.ts';
import { loadWriteData } from '../../scenarios/drivers/pg/writeData.ts';
import { sleep } from '../../scenarios/engine/sleep.ts';
import { mintAccessToken } from '../../stack/auth/mintAccessToken.ts';
import type { LocalApi } from '../../stack/server/startLocalApi.ts';

export interface RlsCost {
  subscriptions: number;
  changes: number;
  /** The server's RLS time per change and per check (its counters), ms. */
  perChangeMs: number;
  perCheckMs: number;
  checks: number;
  /** Owed deliveries (one per change, carrying every binding id) not received. */
  missing: number;
}

/**
 * The server's per-subscriber RLS cost at N subscriptions on one filter, without N sockets
 * in the process whose awaits the server times: ONE socket joins with N identical
 * postgres_changes bindings (each its own subscription, so each change costs N checks, as N
 * subscribers would), `changes` submissions go to the hot order, and the server's counters
 * give the database time. Rows removed, publication put back.
 */
export async function rlsCostRun(control: pg.Client, databaseUrl: string, api: LocalApi, keys: { anonKey: string }, secret: string, subscriptions: number, changes: number): Promise<RlsCost> {
  const data = await loadWriteData(control);
  const hot = data.hotOrders[0]!;
  const owner = (await control.query<{ user_id: string }>('SELECT user_id::text FROM public.orders WHERE id = $1', [hot.id])).rows[0]!.user_id;
  const token = await mintAccessToken({ id: owner }, { secret, issuer: `${api.url}/auth/v1` });
  const publication = await switchPublication(control, [{ schema: 'public', table: 'submissions' }]);
  const rows = await ScenarioRows.open(control, 'bench-realtime-rls');
  const writer = new pg.Client({ connectionString: databaseUrl });
  let socket: PhoenixSocket | undefined;
  try {
    await writer.connect();
    const subscriber: LedgerSubscriber = { expects: true };
    const ledger = new DeliveryLedger([subscriber]);
    socket = await PhoenixSocket.open(api.url, keys.anonKey, {
      onPush: (_topic, event, payload) => {
        const id = (payload.data as { record?: { id?: unknown } } | undefined)?.record?.id;
        if (event === 'postgres_changes' && typeof id === 'string') ledger.received(0, id, performance.now());
      },
      onClose: () => undefined,
    });
    const binding = { event: '*' as const, schema: 'public', table: 'submissions', filter: `order_id=eq.${hot.id}` };
    const reply = await socket.join('rls-cost', { postgres_changes: Array.from({ length: subscriptions }, () => binding) }, token, 60_000);
    if (reply.status !== 'ok') throw new Error(`join with ${subscriptions} bindings: ${reply.status} ${JSON.stringify(reply.response).slice(0, 200)}`);
    subscriber.subscribedAt = performance.now();
    const before = api.realtime.stats();
    const state = { rows, data: { hotOrders: [hot], orders: [hot], users: data.users }, random: rngFor(1, 'bench-realtime-rls'), hotShare: 1, submissions: [] };
    const signal = new AbortController().signal;
    await makeChanges(writer, state, ledger, { rate: 2, durationMs: (changes / 2) * 1000, signal });
    const deadline = performance.now() + 120_000;
    while (ledger.totals().missing > 0 && performance.now() < deadline) await sleep(50, signal);
    await api.realtime.idle();
    const after = api.realtime.stats();
    const checks = after.rlsChecks - before.rlsChecks;
    const processed = after.changesRead - after.changesSkipped - (before.changesRead - before.changesSkipped);
    const rlsMs = after.rlsMs - before.rlsMs;
    return { subscriptions, changes: processed, perChangeMs: processed > 0 ? rlsMs / processed : 0, perCheckMs: checks > 0 ? rlsMs / checks : 0, checks, missing: ledger.totals().missing };
  } finally {
    socket?.close();
    await writer.end().catch(() => undefined);
    await rows.remove(control);
    await publication.restore();
  }
}
