import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busiestOrder, openSupabaseJsFixture, type SupabaseJsFixture } from '../../helpers/supabaseJsFixture.ts';

/**
 * supabase-js's modifiers and writes over HTTP: single/maybeSingle as the client reports
 * them, range and counts, each filter builder, and insert/upsert/update/delete/rpc as
 * GOMFLOW sends them — the database state checked with hand-written SQL.
 */
describe('supabase-js modifiers and writes against the local /rest/v1', () => {
  let f: SupabaseJsFixture;
  let service: SupabaseClient;
  let gom: SupabaseClient;
  let gomId: string;
  let order: { id: string; currency: string };
  const ids = async (text: string, values: unknown[] = []) => (await f.sql<{ id: string }>(text, values)).map((row) => row.id);
  const submission = (reference: string) => ({ order_id: order.id, buyer_name: 'Sbjs Buyer', buyer_phone: '+639170000000', quantity: 1, total_amount: 50, currency: order.currency, payment_reference: reference });

  beforeAll(async () => {
    f = await openSupabaseJsFixture('sbjs_modifiers');
    ({ order, gomId, gom, service } = await busiestOrder(f));
  });

  afterAll(async () => {
    await f?.close();
  });

  it('.single() and .maybeSingle() with 0, 1 and 2 rows report data and error as supabase-js does', async () => {
    const nobody = '00000000-0000-0000-0000-000000000000';
    const single0 = await service.from('notification_preferences').select('*').eq('user_id', nobody).single();
    expect([single0.data, single0.status, single0.error?.code, single0.error?.details]).toEqual([null, 406, 'PGRST116', 'The result contains 0 rows']);
    const single2 = await service.from('orders').select('id').order('id').limit(2).single();
    expect([single2.data, single2.status, single2.error?.code, single2.error?.details]).toEqual([null, 406, 'PGRST116', 'The result contains 2 rows']);
    const single1 = await service.from('orders').select('id').eq('id', order.id).single();
    expect([single1.data, single1.error]).toEqual([{ id: order.id }, null]);

    const maybe0 = await service.from('notification_preferences').select('*').eq('user_id', nobody).maybeSingle();
    expect([maybe0.data, maybe0.error, maybe0.status]).toEqual([null, null, 200]);
    const maybe1 = await service.from('orders').select('id').eq('id', order.id).maybeSingle();
    expect([maybe1.data, maybe1.error]).toEqual([{ id: order.id }, null]);
    const maybe2 = await service.from('orders').select('id').order('id').limit(2).maybeSingle();
    expect([maybe2.data, maybe2.status, maybe2.error?.code]).toEqual([null, 406, 'PGRST116']);
  });

  it('.range() with count exact pages as Content-Range says; past the end is 416', async () => {
    const [{ n }] = (await f.sql<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE order_id = $1`, [order.id])) as [{ n: number }];
    const page = await service.from('submissions').select('id', { count: 'exact' }).eq('order_id', order.id).order('id').range(2, 4);
    expect([page.status, page.count]).toEqual([206, n]);
    expect(page.data!.map((row) => row.id)).toEqual(await ids(`SELECT id FROM submissions WHERE order_id = $1 ORDER BY id OFFSET 2 LIMIT 3`, [order.id]));
    const past = await service.from('submissions').select('id', { count: 'exact' }).eq('order_id', order.id).range(n + 10, n + 20);
    expect([past.status, past.error?.code, past.data]).toEqual([416, 'PGRST103', null]);
  });

  it('.order() with nullsFirst, .or(), .in(), .ilike(), .is() and .not() match their SQL', async () => {
    const nulls = await service.from('orders').select('id').order('max_orders', { ascending: false, nullsFirst: true }).order('id').limit(20);
    expect(nulls.data!.map((row) => row.id)).toEqual(await ids(`SELECT id FROM orders ORDER BY max_orders DESC NULLS FIRST, id LIMIT 20`));
    const nullsLast = await service.from('orders').select('id').order('max_orders', { ascending: true, nullsFirst: false }).order('id').limit(20);
    expect(nullsLast.data!.map((row) => row.id)).toEqual(await ids(`SELECT id FROM orders ORDER BY max_orders ASC NULLS LAST, id LIMIT 20`));

    const cases: [string, { data: { id: string }[] | null }, string][] = [
      ['or', await service.from('submissions').select('id').or('status.eq.paid,and(quantity.gte.3,status.eq.pending)').order('id'), `status = 'paid' OR (quantity >= 3 AND status = 'pending')`],
      ['in', await service.from('submissions').select('id').in('status', ['expired', 'cancelled']).order('id'), `status IN ('expired', 'cancelled')`],
      ['ilike', await service.from('submissions').select('id').ilike('buyer_name', '%ma%').order('id'), `buyer_name ILIKE '%ma%'`],
      ['is null', await service.from('submissions').select('id').is('last_reminder_sent', null).order('id'), `last_reminder_sent IS NULL`],
      ['not is null', await service.from('submissions').select('id').not('last_reminder_sent', 'is', null).order('id'), `last_reminder_sent IS NOT NULL`],
      ['not in', await service.from('submissions').select('id').not('status', 'in', '(pending,paid)').order('id'), `status NOT IN ('pending', 'paid')`],
    ];
    for (const [name, result, where] of cases) {
      const expected = await ids(`SELECT id FROM submissions WHERE ${where} ORDER BY id`);
      expect([name, expected.length > 0]).toEqual([name, true]);
      expect([name, result.data?.map((row) => row.id)]).toEqual([name, expected]);
    }
  });

  it('SB4 / SB5c / N6: insert with .select().single() (representation, embeds), without (minimal), and several rows with defaults', async () => {
    const represented = await service.from('submissions').insert(submission('SBJS-INS-1')).select('*, order:orders(title, user:profiles(name))').single();
    expect(represented.status).toBe(201);
    const [row] = await f.sql<{ id: string; title: string; name: string }>(
      `SELECT s.id, o.title, p.name FROM submissions s JOIN orders o ON o.id = s.order_id JOIN profiles p ON p.user_id = o.user_id WHERE s.payment_reference = 'SBJS-INS-1'`,
    );
    expect(represented.data).toMatchObject({ id: row!.id, status: 'pending', reminder_count: 0, order: { title: row!.title, user: { name: row!.name } } });

    const minimal = await service.from('notifications').insert({ user_id: gomId, type: 'order_updated', title: 'Sbjs', message: 'minimal' });
    expect([minimal.status, minimal.data, minimal.error]).toEqual([201, null, null]);
    expect(await f.sql(`SELECT title FROM notifications WHERE message = 'minimal'`)).toEqual([{ title: 'Sbjs' }]);

    // Keys differ between the objects: supabase-js sends `columns`, missing keys take the column default.
    const many = await service.from('submissions').insert([{ ...submission('SBJS-INS-2'), status: 'paid' }, submission('SBJS-INS-3')], { defaultToNull: false }).select('payment_reference, status');
    expect(many.error).toBeNull();
    expect(await f.sql(`SELECT payment_reference, status::text FROM submissions WHERE payment_reference IN ('SBJS-INS-2', 'SBJS-INS-3') ORDER BY 1`)).toEqual([
      { payment_reference: 'SBJS-INS-2', status: 'paid' },
      { payment_reference: 'SBJS-INS-3', status: 'pending' },
    ]);
  });

  it('N7 / AN2: upsert on a composite onConflict merges; ignoreDuplicates keeps the old row and returns only new ones', async () => {
    const device = { user_id: gomId, device_id: 'sbjs-device', device_type: 'ios', fcm_token: 'token-1', is_active: true };
    const first = await gom.from('user_devices').upsert(device, { onConflict: 'user_id,device_id' }).select('fcm_token');
    expect([first.status, first.data]).toEqual([201, [{ fcm_token: 'token-1' }]]);
    const merged = await gom.from('user_devices').upsert({ ...device, fcm_token: 'token-2' }, { onConflict: 'user_id,device_id' }).select('fcm_token');
    expect(merged.data).toEqual([{ fcm_token: 'token-2' }]);
    const ignored = await gom.from('user_devices').upsert([{ ...device, fcm_token: 'token-3' }, { ...device, device_id: 'sbjs-device-2', fcm_token: 'token-3' }], { onConflict: 'user_id,device_id', ignoreDuplicates: true }).select('device_id');
    expect(ignored.data).toEqual([{ device_id: 'sbjs-device-2' }]);
    expect(await f.sql(`SELECT device_id, fcm_token FROM user_devices WHERE device_id LIKE 'sbjs-device%' ORDER BY 1`)).toEqual([
      { device_id: 'sbjs-device', fcm_token: 'token-2' },
      { device_id: 'sbjs-device-2', fcm_token: 'token-3' },
    ]);
  });

  it('M3b / N5 / TG1: update and delete with filters, with and without .select()', async () => {
    const [sub] = await f.sql<{ id: string }>(`SELECT id FROM submissions WHERE order_id = $1 AND status = 'pending' ORDER BY id LIMIT 1`, [order.id]);
    const updated = await gom.from('submissions').update({ status: 'paid' }).eq('id', sub!.id).select('*').single();
    expect(updated.error).toBeNull();
    expect(updated.data).toMatchObject({ id: sub!.id, status: 'paid' });

    const quiet = await service.from('user_devices').update({ is_active: false }).eq('user_id', gomId).in('fcm_token', ['token-2', 'token-3']);
    expect([quiet.status, quiet.data]).toEqual([204, null]);
    expect(await f.sql(`SELECT bool_or(is_active) AS any FROM user_devices WHERE device_id LIKE 'sbjs-device%'`)).toEqual([{ any: false }]);

    const gone = await service.from('user_devices').delete({ count: 'exact' }).eq('user_id', gomId).like('device_id', 'sbjs-device%').select('device_id');
    expect([gone.status, gone.count, gone.data?.map((row) => row.device_id).sort()]).toEqual([200, 2, ['sbjs-device', 'sbjs-device-2']]);
    expect(await f.sql(`SELECT 1 FROM user_devices WHERE device_id LIKE 'sbjs-device%'`)).toEqual([]);
  });

  it('rpc by POST, by GET ({ get: true }), and with head + count', async () => {
    const post = await service.rpc('get_order_stats', { order_uuid: order.id });
    const expected = (await f.sql<{ j: unknown }>(`SELECT get_order_stats($1)::jsonb AS j`, [order.id]))[0]!.j;
    expect([post.error, post.data]).toEqual([null, expected]);
    const get = await service.rpc('get_order_stats', { order_uuid: order.id }, { get: true });
    expect([get.error, get.data]).toEqual([null, expected]);
    const unread = await gom.rpc('get_unread_notification_count', { user_uuid: gomId }, { get: true });
    expect(unread.data).toBe((await f.sql<{ n: number }>(`SELECT get_unread_notification_count($1) AS n`, [gomId]))[0]!.n);
    const head = await service.rpc('generate_payment_reference', { country_prefix: 'MY' }, { head: true, count: 'exact' });
    expect([head.error, head.data, head.count, head.status]).toEqual([null, null, 1, 200]);
  });
});
