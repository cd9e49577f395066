import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busiestOrder, openSupabaseJsFixture, type SupabaseJsFixture } from '../../helpers/supabaseJsFixture.ts';

/**
 * The launch mix's read shapes (gomflow-traffic §6.2, names mapped per §0.5: users → profiles,
 * gom_id → user_id, full_name → name) sent by the official supabase-js over HTTP to the local
 * /rest/v1, each against the same rows read by hand-written SQL.
 */
describe('supabase-js reads against the local /rest/v1', () => {
  let f: SupabaseJsFixture;
  let service: SupabaseClient;
  let gom: SupabaseClient;
  let gomId: string;
  let order: { id: string; currency: string };
  const json = async (text: string, values: unknown[] = []) => (await f.sql<{ j: unknown }>(text, values))[0]!.j;

  beforeAll(async () => {
    f = await openSupabaseJsFixture('sbjs_reads');
    ({ order, gomId, gom, service } = await busiestOrder(f));
  });

  afterAll(async () => {
    await f?.close();
  });

  it('OV1: the order by id with submissions(count) and the GOM name through a hinted embed, as an object', async () => {
    const { data, error, status } = await gom.from('orders').select('*, submission_count:submissions(count), gom_name:profiles!orders_user_id_fkey(name)').eq('id', order.id).single();
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual(
      await json(
        `SELECT to_jsonb(o) || jsonb_build_object('submission_count', jsonb_build_array(jsonb_build_object('count', (SELECT count(*) FROM submissions s WHERE s.order_id = o.id))),
                'gom_name', jsonb_build_object('name', p.name)) AS j FROM orders o JOIN profiles p ON p.user_id = o.user_id WHERE o.id = $1`,
        [order.id],
      ),
    );
  });

  it('BR1: the public list as anon, newest first, a page of 50 with count; submissions(count) is 0 under RLS', async () => {
    const now = '2026-11-20T14:00:00Z';
    const { data, count, status } = await f
      .client()
      .from('orders')
      .select('id,title,description,price,currency,deadline,min_orders,max_orders,is_active,created_at,user_id,submission_count:submissions(count)', { count: 'exact' })
      .eq('is_active', true)
      .gt('deadline', now)
      .order('created_at', { ascending: false })
      .order('id')
      .range(0, 49);
    const expected = await json(
      `SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'title', title, 'description', description, 'price', price, 'currency', currency, 'deadline', deadline,
              'min_orders', min_orders, 'max_orders', max_orders, 'is_active', is_active, 'created_at', created_at, 'user_id', user_id,
              'submission_count', jsonb_build_array(jsonb_build_object('count', 0))) ORDER BY created_at DESC, id), '[]') AS j
         FROM (SELECT * FROM orders WHERE is_active AND deadline > $1 ORDER BY created_at DESC, id LIMIT 50) o`,
      [now],
    );
    const [{ n }] = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE is_active AND deadline > $1`, [now])) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    expect(data).toEqual(expected);
    expect(count).toBe(n);
    expect(status).toBe(n > 50 ? 206 : 200);
  });

  it('N1 / N2 / N3 / OV2 / SB1: the user-owned lookups by id, single and maybeSingle', async () => {
    const prefs = await gom.from('notification_preferences').select('*').eq('user_id', gomId).maybeSingle();
    expect(prefs.data).not.toBeNull();
    expect(prefs.data).toEqual(await json(`SELECT to_jsonb(n) AS j FROM notification_preferences n WHERE user_id = $1`, [gomId]));
    const profile = await gom.from('profiles').select('email, name').eq('user_id', gomId).single();
    expect(profile.data).toEqual(await json(`SELECT jsonb_build_object('email', email, 'name', name) AS j FROM profiles WHERE user_id = $1`, [gomId]));
    const [holder] = await f.sql<{ user_id: string }>(`SELECT user_id FROM user_devices WHERE is_active GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1`);
    const devices = await service.from('user_devices').select('fcm_token').eq('user_id', holder!.user_id).eq('is_active', true).order('fcm_token');
    expect((devices.data ?? []).length).toBeGreaterThan(0);
    expect(devices.data).toEqual(await json(`SELECT jsonb_agg(jsonb_build_object('fcm_token', fcm_token) ORDER BY fcm_token) AS j FROM user_devices WHERE user_id = $1 AND is_active`, [holder!.user_id]));
    const owner = await gom.from('orders').select('user_id, is_active').eq('id', order.id).single();
    expect(owner.data).toEqual(await json(`SELECT jsonb_build_object('user_id', user_id, 'is_active', is_active) AS j FROM orders WHERE id = $1`, [order.id]));
    const whole = await gom.from('orders').select('*').eq('id', order.id).single();
    expect(whole.data).toEqual(await json(`SELECT to_jsonb(o) AS j FROM orders o WHERE id = $1`, [order.id]));
  });

  it('PM1 / M3a / PG1: a submission with its order and the GOM nested two levels down', async () => {
    const [sub] = await f.sql<{ id: string; payment_reference: string }>(`SELECT id, payment_reference FROM submissions WHERE order_id = $1 ORDER BY id LIMIT 1`, [order.id]);
    const byRef = await gom.from('submissions').select('*, order:orders(title, price, currency, gom_name:profiles!orders_user_id_fkey(name))').eq('payment_reference', sub!.payment_reference).single();
    expect(byRef.data).toEqual(
      await json(
        `SELECT to_jsonb(s) || jsonb_build_object('order', jsonb_build_object('title', o.title, 'price', o.price, 'currency', o.currency, 'gom_name', jsonb_build_object('name', p.name))) AS j
           FROM submissions s JOIN orders o ON o.id = s.order_id JOIN profiles p ON p.user_id = o.user_id WHERE s.id = $1`,
        [sub!.id],
      ),
    );
    const owner = await gom.from('submissions').select('*, order:orders!submissions_order_id_fkey(user_id)').eq('id', sub!.id).single();
    expect(owner.data).toEqual(await json(`SELECT to_jsonb(s) || jsonb_build_object('order', jsonb_build_object('user_id', $2::uuid)) AS j FROM submissions s WHERE id = $1`, [sub!.id, gomId]));
    const full = await service.from('submissions').select('*, order:orders(*)').eq('id', sub!.id).single();
    expect(full.data).toEqual(await json(`SELECT to_jsonb(s) || jsonb_build_object('order', to_jsonb(o)) AS j FROM submissions s JOIN orders o ON o.id = s.order_id WHERE s.id = $1`, [sub!.id]));
  });

  it('SA1 / SA3 / SA4 / SB5b: pending-submission scans with their order, band filters, ilike and not', async () => {
    const withOrder = `coalesce(jsonb_agg(to_jsonb(s) || jsonb_build_object('order', to_jsonb(o)) ORDER BY s.created_at DESC, s.id), '[]') AS j`;
    const sa1 = await service.from('submissions').select('*, order:orders(*)').eq('status', 'pending').eq('order_id', order.id).order('created_at', { ascending: false }).order('id').limit(100);
    expect((sa1.data ?? []).length).toBeGreaterThan(0);
    expect(sa1.data).toEqual(await json(`SELECT ${withOrder} FROM (SELECT * FROM submissions WHERE status = 'pending' AND order_id = $1 ORDER BY created_at DESC, id LIMIT 100) s JOIN orders o ON o.id = s.order_id`, [order.id]));

    const [band] = await f.sql<{ currency: string; amount: string }>(`SELECT currency::text, total_amount AS amount FROM submissions WHERE status = 'pending' ORDER BY id LIMIT 1`);
    const [low, high] = [Number(band!.amount) * 0.95, Number(band!.amount) * 1.05];
    const sa3 = await service.from('submissions').select('*, order:orders(*)').eq('currency', band!.currency).gte('total_amount', low).lte('total_amount', high).eq('status', 'pending').order('created_at', { ascending: false }).order('id');
    expect((sa3.data ?? []).length).toBeGreaterThan(0);
    expect(sa3.data).toEqual(await json(`SELECT ${withOrder} FROM submissions s JOIN orders o ON o.id = s.order_id WHERE s.currency = $1 AND s.total_amount >= $2 AND s.total_amount <= $3 AND s.status = 'pending'`, [band!.currency, low, high]));

    const sa4 = await service.from('submissions').select('*, order:orders(*)').eq('status', 'pending').ilike('buyer_name', '*an*').order('created_at', { ascending: false }).order('id').limit(50);
    expect((sa4.data ?? []).length).toBeGreaterThan(0);
    expect(sa4.data).toEqual(await json(`SELECT ${withOrder} FROM (SELECT * FROM submissions WHERE status = 'pending' AND buyer_name ILIKE '%an%' ORDER BY created_at DESC, id LIMIT 50) s JOIN orders o ON o.id = s.order_id`));

    const sb5b = await service.from('submissions').select('quantity').eq('order_id', order.id).not('status', 'eq', 'cancelled').order('id');
    expect(sb5b.data).toEqual(await json(`SELECT coalesce(jsonb_agg(jsonb_build_object('quantity', quantity) ORDER BY id), '[]') AS j FROM submissions WHERE order_id = $1 AND status <> 'cancelled'`, [order.id]));
  });

  it('SB2 / M2: count exact with head: no rows, the count of what RLS lets the GOM see', async () => {
    const { data, count, status } = await gom.from('submissions').select('*', { count: 'exact', head: true }).eq('order_id', order.id);
    const [{ n }] = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE order_id = $1`, [order.id])) as [{ n: number }];
    expect(n).toBeGreaterThan(1);
    expect([data, count, status]).toEqual([null, n, 200]);
  });

  it('BT1 / D3 / D4: orders!inner filtered on the embedded owner and on embedded columns', async () => {
    const bt1 = await gom.from('submissions').select('*, order:orders!inner(id,title,user_id)').eq('order.user_id', gomId).eq('status', 'pending').order('created_at', { ascending: false }).order('id').range(0, 19);
    expect((bt1.data ?? []).length).toBeGreaterThan(0);
    expect(bt1.data).toEqual(
      await json(
        `SELECT coalesce(jsonb_agg(j ORDER BY created_at DESC, id), '[]') AS j FROM (
           SELECT to_jsonb(s) || jsonb_build_object('order', jsonb_build_object('id', o.id, 'title', o.title, 'user_id', o.user_id)) AS j, s.created_at, s.id
             FROM submissions s JOIN orders o ON o.id = s.order_id WHERE o.user_id = $1 AND s.status = 'pending' ORDER BY s.created_at DESC, s.id LIMIT 20) x`,
        [gomId],
      ),
    );
    const cutoff = '2026-11-19T14:00:00Z';
    const d4 = await gom.from('submissions').select('id, order:orders!inner(user_id, deadline)').eq('order.user_id', gomId).gt('order.deadline', '2026-01-01T00:00:00Z').eq('status', 'pending').or(`last_reminder_sent.is.null,last_reminder_sent.lt.${cutoff}`).order('id').limit(100);
    expect((d4.data ?? []).length).toBeGreaterThan(0);
    expect(d4.data).toEqual(
      await json(
        `SELECT coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'order', jsonb_build_object('user_id', o.user_id, 'deadline', o.deadline)) ORDER BY s.id), '[]') AS j
           FROM (SELECT s.* FROM submissions s JOIN orders o ON o.id = s.order_id WHERE o.user_id = $1 AND o.deadline > '2026-01-01T00:00:00Z' AND s.status = 'pending'
                   AND (s.last_reminder_sent IS NULL OR s.last_reminder_sent < $2) ORDER BY s.id LIMIT 100) s JOIN orders o ON o.id = s.order_id`,
        [gomId, cutoff],
      ),
    );
  });

  it('BR2 / D2: the order_summaries view, own and active orders, newest first', async () => {
    const br2 = await gom.from('order_summaries').select('*').eq('user_id', gomId).eq('is_active', true).order('created_at', { ascending: false }).order('id').range(0, 9);
    expect((br2.data ?? []).length).toBeGreaterThan(0);
    expect(br2.data).toEqual(await json(`SELECT coalesce(jsonb_agg(to_jsonb(v) ORDER BY created_at DESC, id), '[]') AS j FROM (SELECT * FROM order_summaries WHERE user_id = $1 AND is_active ORDER BY created_at DESC, id LIMIT 10) v`, [gomId]));
    const d2 = await gom.from('order_summaries').select('*').eq('user_id', gomId).order('created_at', { ascending: false }).order('id').limit(5);
    expect(d2.data).toEqual(await json(`SELECT coalesce(jsonb_agg(to_jsonb(v) ORDER BY created_at DESC, id), '[]') AS j FROM (SELECT * FROM order_summaries WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 5) v`, [gomId]));
  });

  it('D1 / SB3: rpc get_user_dashboard_stats and generate_payment_reference', async () => {
    const d1 = await gom.rpc('get_user_dashboard_stats', { user_uuid: gomId });
    expect(d1.error).toBeNull();
    expect(d1.data).toEqual(await json(`SELECT get_user_dashboard_stats($1)::jsonb AS j`, [gomId]));
    const sb3 = await gom.rpc('generate_payment_reference', { country_prefix: 'PH' });
    expect(sb3.error).toBeNull();
    expect(sb3.data).toMatch(/^PH-[0-9A-F]{8}$/);
    expect(await f.sql(`SELECT 1 FROM submissions WHERE payment_reference = $1`, [sb3.data])).toEqual([]);
  });

  it('H1 / AN1 / M1: select=count, a time-window scan, a page of one order’s submissions with count', async () => {
    const h1 = await service.from('orders').select('count').limit(1).single();
    expect(h1.data).toEqual({ count: Number((await f.sql<{ n: string }>(`SELECT count(*) AS n FROM orders`))[0]!.n) });
    const [{ t }] = (await f.sql<{ t: string }>(`SELECT to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t FROM analytics_events`)) as [{ t: string }];
    const an1 = await service.from('analytics_events').select('*').gte('created_at', new Date(Date.parse(t) - 3_600_000).toISOString()).lt('created_at', t).order('id');
    expect((an1.data ?? []).length).toBeGreaterThan(0);
    expect(an1.data).toEqual(await json(`SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY id), '[]') AS j FROM analytics_events e WHERE created_at >= $1::timestamptz - interval '1 hour' AND created_at < $1`, [t]));
    const m1 = await gom.from('submissions').select('id,quantity,buyer_name,status,created_at', { count: 'exact' }).eq('order_id', order.id).order('created_at', { ascending: false }).order('id').range(1, 3);
    const [{ n }] = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE order_id = $1`, [order.id])) as [{ n: number }];
    expect([m1.count, m1.status]).toEqual([n, 206]);
    expect(m1.data).toEqual(await json(`SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'quantity', quantity, 'buyer_name', buyer_name, 'status', status, 'created_at', created_at) ORDER BY created_at DESC, id), '[]') AS j FROM (SELECT * FROM submissions WHERE order_id = $1 ORDER BY created_at DESC, id OFFSET 1 LIMIT 3) s`, [order.id]));
  });
});
