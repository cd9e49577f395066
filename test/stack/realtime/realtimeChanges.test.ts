import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { startTestApi, type LocalApiHarness } from '../../helpers/localApiHarness.ts';
import { realtimeClient, socketBarrier, subscribed } from '../../helpers/realtimeClients.ts';
import { waitFor } from '../../helpers/seedSessions.ts';
import { seedTiny } from '../../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';

type Change = { eventType: string; new: Record<string, unknown>; old: Record<string, unknown>; errors: unknown; table: string; commit_timestamp: string };

/** postgres_changes through supabase-js: Realtime's delivery rules (filters, per-subscriber RLS, replica identity, publication). */
describe('local /realtime/v1 postgres_changes with supabase-js', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;
  let gom: SupabaseClient;
  let otherGom: SupabaseClient;
  let service: SupabaseClient;
  let orderA: { id: string; currency: string };
  let orderB: { id: string };
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await db.client.query(text, values)).rows as T[];
  let reference = 0;
  /** A submission inserted as service_role (the table owner), like the order service's writes. */
  const insertSubmission = async (orderId: string, currency: string) =>
    (await sql<{ id: string }>(`INSERT INTO submissions (order_id, buyer_name, buyer_phone, quantity, total_amount, currency, payment_reference) VALUES ($1, 'RT Buyer', '+639170000000', 2, 500.50, $2, $3) RETURNING id`, [orderId, currency, `RT-${++reference}`]))[0]!.id;
  const signedIn = async (email: string) => {
    const client = realtimeClient(h);
    const { error } = await client.auth.signInWithPassword({ email, password: SEED_PASSWORD });
    if (error) throw error;
    return client;
  };
  const listen = async (client: SupabaseClient, name: string, filter: Record<string, string>) => {
    const got: Change[] = [];
    const channel = client.channel(name).on('postgres_changes', { event: '*', schema: 'public', ...filter } as { event: '*'; schema: string }, (payload) => got.push(payload as unknown as Change));
    await subscribed(channel);
    return { got, channel };
  };

  beforeAll(async () => {
    db = await createTestDatabase('rt_changes');
    await seedTiny(db.url, 31);
    // The publication switch for this test only (its own cloned database, dropped afterwards).
    await sql(`ALTER PUBLICATION supabase_realtime ADD TABLE submissions, orders`);
    await sql(`ALTER PUBLICATION supabase_realtime DROP TABLE orders`);
    h = await startTestApi(db.url);
    const goms = await sql<{ email: string; id: string; currency: string }>(
      `SELECT DISTINCT ON (o.user_id) u.email, o.id, o.currency::text AS currency FROM orders o JOIN auth.users u ON u.id = o.user_id ORDER BY o.user_id, o.id LIMIT 2`,
    );
    orderA = goms[0]!;
    orderB = goms[1]!;
    gom = await signedIn(goms[0]!.email);
    otherGom = await signedIn(goms[1]!.email);
    service = realtimeClient(h, { key: h.keys.serviceRoleKey });
  });

  let apiClosed = false;

  afterAll(async () => {
    for (const client of [gom, otherGom, service]) await client?.removeAllChannels();
    if (!apiClosed) await h?.api.close();
    await db?.drop();
  });

  it("a GOM receives the INSERT on their order; another user (RLS) and a filter on another order do not", async () => {
    const own = await listen(gom, 'order-a-submissions', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const stranger = await listen(otherGom, 'order-a-watch', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const otherOrder = await listen(service, 'order-b-submissions', { table: 'submissions', filter: `order_id=eq.${orderB.id}` });
    const id = await insertSubmission(orderA.id, orderA.currency);
    await waitFor('the GOM to receive the INSERT', async () => own.got.length > 0);
    expect(own.got).toHaveLength(1);
    expect(own.got[0]).toMatchObject({ eventType: 'INSERT', table: 'submissions', errors: null, old: {} });
    expect(own.got[0]!.new).toMatchObject({ id, order_id: orderA.id, buyer_name: 'RT Buyer', quantity: 2, total_amount: 500.5, currency: orderA.currency, status: 'pending', reminder_count: 0 });
    expect(own.got[0]!.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await socketBarrier(otherGom);
    await socketBarrier(service);
    expect(stranger.got).toEqual([]);
    expect(otherOrder.got).toEqual([]);
    // The RLS check ran for both subscriptions that passed the filter, in the database.
    expect(h.api.realtime.stats().rlsChecks).toBeGreaterThanOrEqual(2);
    for (const channel of [own.channel, stranger.channel, otherOrder.channel]) await channel.unsubscribe();
  });

  it('an UPDATE carries old as the replica identity gives it: the key by default, the whole row with FULL', async () => {
    const { got, channel } = await listen(gom, 'order-a-updates', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const id = await insertSubmission(orderA.id, orderA.currency);
    await sql(`UPDATE submissions SET status = 'paid' WHERE id = $1`, [id]);
    await sql(`ALTER TABLE submissions REPLICA IDENTITY FULL`);
    await sql(`UPDATE submissions SET quantity = 3 WHERE id = $1`, [id]);
    await sql(`ALTER TABLE submissions REPLICA IDENTITY DEFAULT`);
    await waitFor('both UPDATEs', async () => got.filter((c) => c.eventType === 'UPDATE').length === 2);
    const [first, second] = got.filter((c) => c.eventType === 'UPDATE');
    expect(first!.old).toEqual({ id });
    expect(first!.new).toMatchObject({ id, status: 'paid', quantity: 2 });
    expect(second!.old).toMatchObject({ id, status: 'paid', quantity: 2, buyer_name: 'RT Buyer' });
    expect(second!.new).toMatchObject({ id, status: 'paid', quantity: 3 });
    await channel.unsubscribe();
  });

  it('a DELETE on a table with RLS sends only the primary key, even with REPLICA IDENTITY FULL', async () => {
    const { got, channel } = await listen(gom, 'order-a-deletes', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const id = await insertSubmission(orderA.id, orderA.currency);
    await sql(`ALTER TABLE submissions REPLICA IDENTITY FULL`);
    await sql(`DELETE FROM submissions WHERE id = $1`, [id]);
    await sql(`ALTER TABLE submissions REPLICA IDENTITY DEFAULT`);
    await waitFor('the DELETE', async () => got.some((c) => c.eventType === 'DELETE'));
    expect(got.find((c) => c.eventType === 'DELETE')).toMatchObject({ old: { id }, new: {} });
    await channel.unsubscribe();
  });

  it('unsubscribing stops delivery', async () => {
    const kept = await listen(service, 'order-a-kept', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const left = await listen(gom, 'order-a-left', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    await insertSubmission(orderA.id, orderA.currency);
    await waitFor('both to receive the first INSERT', async () => kept.got.length === 1 && left.got.length === 1);
    expect(await left.channel.unsubscribe()).toBe('ok');
    await insertSubmission(orderA.id, orderA.currency);
    await waitFor('the kept channel to receive the second INSERT', async () => kept.got.length === 2);
    await socketBarrier(gom);
    expect(left.got).toHaveLength(1);
    await kept.channel.unsubscribe();
  });

  it('a table outside the publication produces nothing', async () => {
    const orders = await listen(service, 'all-orders', { table: 'orders' });
    const sentinel = await listen(service, 'order-a-sentinel', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const readBefore = h.api.realtime.stats().changesRead;
    await sql(`UPDATE orders SET title = title || ' (rt)' WHERE id = $1`, [orderA.id]);
    await insertSubmission(orderA.id, orderA.currency);
    await waitFor('the sentinel INSERT', async () => sentinel.got.length === 1);
    expect(orders.got).toEqual([]);
    // Only the submission left the slot: the orders UPDATE was never decoded for Realtime.
    expect(h.api.realtime.stats().changesRead - readBefore).toBe(1);
    for (const channel of [orders.channel, sentinel.channel]) await channel.unsubscribe();
  });

  it('an access_token update changes the claims the RLS check uses', async () => {
    const watcher = await listen(otherGom, 'order-a-token', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    const control = await listen(service, 'order-a-control', { table: 'submissions', filter: `order_id=eq.${orderA.id}` });
    await insertSubmission(orderA.id, orderA.currency);
    await waitFor('the control to receive the first INSERT', async () => control.got.length === 1);
    await socketBarrier(otherGom);
    expect(watcher.got).toEqual([]);
    // The socket now acts as the order's GOM: the next RLS check runs with their claims.
    const { data } = await gom.auth.getSession();
    await otherGom.realtime.setAuth(data.session!.access_token);
    await socketBarrier(otherGom);
    const id = await insertSubmission(orderA.id, orderA.currency);
    await waitFor('the watcher to receive the second INSERT', async () => watcher.got.length === 1);
    expect(watcher.got[0]!.new).toMatchObject({ id });
    for (const channel of [watcher.channel, control.channel]) await channel.unsubscribe();
  });

  it('refuses a join with a bad token as Realtime does (join error)', async () => {
    const client = realtimeClient(h);
    await client.realtime.setAuth('not-a-jwt');
    await expect(subscribed(client.channel('bad-token').on('postgres_changes', { event: '*', schema: 'public', table: 'submissions' }, () => undefined))).rejects.toThrow(/InvalidJWTToken/);
    await client.removeAllChannels();
  });

  it('drops its replication slot when the server closes', async () => {
    const slot = h.api.realtime.slotName;
    expect(await sql(`SELECT temporary FROM pg_replication_slots WHERE slot_name = $1`, [slot])).toEqual([{ temporary: true }]);
    for (const client of [gom, otherGom, service]) await client.removeAllChannels();
    await h.api.close();
    apiClosed = true;
    expect(await sql(`SELECT slot_name FROM pg_replication_slots WHERE starts_with(slot_name, 'gomflow_rt_') AND database = current_database()`)).toEqual([]);
  });
});
