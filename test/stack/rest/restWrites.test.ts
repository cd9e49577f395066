import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRestFixture, type RestFixture } from '../../helpers/restFixture.ts';

const REPRESENTATION = { prefer: 'return=representation' };

describe('REST writes and rpc in PostgREST shape', () => {
  let f: RestFixture;
  let order: { id: string; user_id: string; currency: string };
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await f.db.client.query(text, values)).rows as T[];
  const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await sql<T>(text, values))[0]!;
  const submission = (reference: string) => ({ order_id: order.id, buyer_name: 'Rest Buyer', buyer_phone: '+639170000000', quantity: 2, total_amount: 100, currency: order.currency, payment_reference: reference });

  beforeAll(async () => {
    f = await openRestFixture('rest_writes');
    order = await one(`SELECT id, user_id, currency::text FROM orders ORDER BY id LIMIT 1`);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('SB4/SB5c: insert one row with representation, embeds included; the row is committed with its defaults', async () => {
    const r = await f.call('POST', '/submissions?select=*,order:orders(title,user:profiles(name))', { body: submission('REST-INSERT-1'), headers: { ...REPRESENTATION, accept: 'application/vnd.pgrst.object+json' } });
    expect(r.status).toBe(201);
    const [row] = await sql<{ id: string; status: string; title: string; name: string }>(
      `SELECT s.id, s.status::text, o.title, p.name FROM submissions s JOIN orders o ON o.id = s.order_id JOIN profiles p ON p.user_id = o.user_id WHERE payment_reference = 'REST-INSERT-1'`,
    );
    expect(r.json).toMatchObject({ id: row!.id, status: 'pending', payment_reference: 'REST-INSERT-1', order: { title: row!.title, user: { name: row!.name } } });
  });

  it('N6: return=minimal answers 201 with no body; several rows with columns and missing=default take defaults', async () => {
    const minimal = await f.call('POST', '/submissions', { body: submission('REST-MIN-1'), headers: { prefer: 'return=minimal' } });
    expect([minimal.status, minimal.body]).toEqual([201, undefined]);
    const bulk = await f.call('POST', '/submissions?columns="order_id","buyer_name","buyer_phone","quantity","total_amount","currency","payment_reference","status"', {
      body: [{ ...submission('REST-BULK-1'), status: 'paid' }, submission('REST-BULK-2')],
      headers: { prefer: 'return=representation,missing=default' },
    });
    expect(bulk.status).toBe(201);
    const rows = await sql<{ payment_reference: string; status: string }>(`SELECT payment_reference, status::text FROM submissions WHERE payment_reference IN ('REST-MIN-1', 'REST-BULK-1', 'REST-BULK-2') ORDER BY 1`);
    expect(rows).toEqual([
      { payment_reference: 'REST-BULK-1', status: 'paid' },
      { payment_reference: 'REST-BULK-2', status: 'pending' },
      { payment_reference: 'REST-MIN-1', status: 'pending' },
    ]);
  });

  it('a duplicate key → 409 23505; a body key that is no column → PGRST204', async () => {
    const duplicate = await f.call('POST', '/submissions', { body: submission('REST-INSERT-1') });
    expect([duplicate.status, (duplicate.json as { code: string }).code]).toEqual([409, '23505']);
    const unknown = await f.call('POST', '/submissions', { body: { ...submission('REST-X'), payment_status: 'pending' } });
    expect([unknown.status, (unknown.json as { code: string }).code]).toEqual([400, 'PGRST204']);
  });

  it('N7: upsert on_conflict=user_id,device_id merges duplicates or ignores them', async () => {
    const device = { user_id: order.user_id, device_id: 'rest-device', device_type: 'web', fcm_token: 'token-1' };
    const first = await f.call('POST', '/user_devices?on_conflict=user_id,device_id', { body: device, headers: { prefer: 'resolution=merge-duplicates' } });
    expect(first.status).toBe(201);
    await f.call('POST', '/user_devices?on_conflict=user_id,device_id', { body: { ...device, fcm_token: 'token-2' }, headers: { prefer: 'resolution=merge-duplicates' } });
    await f.call('POST', '/user_devices?on_conflict=user_id,device_id', { body: { ...device, fcm_token: 'token-3' }, headers: { prefer: 'resolution=ignore-duplicates' } });
    expect(await sql(`SELECT fcm_token FROM user_devices WHERE device_id = 'rest-device'`)).toEqual([{ fcm_token: 'token-2' }]);
  });

  it('M3b/N5: PATCH with filters, representation as an object; DELETE with filters, minimal → 204', async () => {
    const patched = await f.call('PATCH', '/submissions?payment_reference=eq.REST-MIN-1&select=payment_reference,status', {
      body: { status: 'paid' },
      headers: { ...REPRESENTATION, accept: 'application/vnd.pgrst.object+json' },
    });
    expect([patched.status, patched.json]).toEqual([200, { payment_reference: 'REST-MIN-1', status: 'paid' }]);
    const deleted = await f.call('DELETE', '/submissions?payment_reference=in.(REST-BULK-1,REST-BULK-2)');
    expect([deleted.status, deleted.headers['content-range']]).toEqual([204, '0-1/*']);
    expect(await sql(`SELECT 1 FROM submissions WHERE payment_reference LIKE 'REST-BULK-%'`)).toEqual([]);
  });

  it('a single-object PATCH that matches two rows → 406 and nothing changed (rolled back)', async () => {
    const r = await f.call('PATCH', '/submissions?payment_reference=in.(REST-INSERT-1,REST-MIN-1)', { body: { buyer_name: 'Changed' }, headers: { ...REPRESENTATION, accept: 'application/vnd.pgrst.object+json' } });
    expect([r.status, (r.json as { details: string }).details]).toEqual([406, 'The result contains 2 rows']);
    expect(await sql(`SELECT 1 FROM submissions WHERE buyer_name = 'Changed'`)).toEqual([]);
  });

  it('rpc: POST with named args returns the scalar; GET with query args returns the json; unknown → 404 PGRST202', async () => {
    const reference = await f.call('POST', '/rpc/generate_payment_reference', { body: { country_prefix: 'PH' } });
    expect(reference.status).toBe(200);
    expect(reference.json).toMatch(/^PH-[0-9A-F]{8}$/);
    const stats = await f.call('GET', `/rpc/get_order_stats?order_uuid=${order.id}`);
    const [expected] = await sql<{ s: unknown }>(`SELECT get_order_stats($1)::jsonb AS s`, [order.id]);
    expect(stats.json).toEqual(expected!.s);
    const missing = await f.call('POST', '/rpc/generate_payment_reference', { body: { order_id: order.id } });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.generate_payment_reference(order_id) in the schema cache' });
  });

  it('a volatile rpc through GET runs read-only and is refused (405, 25006); Prefer tx=rollback keeps nothing', async () => {
    const r = await f.call('GET', `/rpc/mark_notification_read?notification_uuid=${order.id}&user_uuid=${order.user_id}`);
    expect([r.status, (r.json as { code: string }).code]).toEqual([405, '25006']);
    const rolled = await f.call('POST', '/submissions', { body: submission('REST-ROLLBACK'), headers: { prefer: 'tx=rollback' } });
    expect(rolled.status).toBe(201);
    expect(await sql(`SELECT 1 FROM submissions WHERE payment_reference = 'REST-ROLLBACK'`)).toEqual([]);
  });
});
