import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRestFixture, type RestFixture } from '../../helpers/restFixture.ts';

/** RLS and grants decide (the handler only sets role and claims); request text never becomes SQL. */
describe('REST security: RLS through the request context, injection refused or harmless', () => {
  let f: RestFixture;
  let gomA: string;
  let orderOfB: { id: string; user_id: string };
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await f.db.client.query(text, values)).rows as T[];
  const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await sql<T>(text, values))[0]!;
  const fingerprint = async () => (await sql<{ f: string }>(`SELECT md5(string_agg(id::text || status::text || buyer_name, ',' ORDER BY id)) AS f FROM submissions`))[0]!.f;

  beforeAll(async () => {
    f = await openRestFixture('rest_security');
    const goms = await sql<{ user_id: string }>(`SELECT DISTINCT o.user_id FROM orders o JOIN submissions s ON s.order_id = o.id ORDER BY 1 LIMIT 2`);
    gomA = goms[0]!.user_id;
    orderOfB = await one(`SELECT o.id, o.user_id FROM orders o WHERE o.user_id = $1 AND EXISTS (SELECT 1 FROM submissions s WHERE s.order_id = o.id) LIMIT 1`, [goms[1]!.user_id]);
  });

  afterAll(async () => {
    await f?.close();
  });

  it("a user reads their own orders' submissions but not another GOM's", async () => {
    const own = await f.call('GET', '/submissions?select=id,order:orders!inner(user_id)&limit=5', { role: 'authenticated', sub: gomA });
    expect((own.json as unknown[]).length).toBeGreaterThan(0);
    expect(new Set((own.json as { order: { user_id: string } }[]).map((row) => row.order.user_id))).toEqual(new Set([gomA]));
    const other = await f.call('GET', `/submissions?select=id&order_id=eq.${orderOfB.id}`, { role: 'authenticated', sub: gomA, headers: { prefer: 'count=exact' } });
    expect([other.status, other.json, other.headers['content-range']]).toEqual([200, [], '*/0']);
  });

  it('anon reads only active orders', async () => {
    const r = await f.call('GET', '/orders?select=id,is_active', { role: 'anon', headers: { prefer: 'count=exact' } });
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE is_active`);
    const { all } = await one<{ all: number }>(`SELECT count(*)::int AS all FROM orders`);
    expect(all).toBeGreaterThan(n);
    expect((r.json as { is_active: boolean }[]).every((row) => row.is_active)).toBe(true);
    expect((r.json as unknown[]).length).toBe(n);
  });

  it('a write a policy refuses gets 42501: 401 for anon, 403 for a user', async () => {
    const body = { user_id: orderOfB.user_id, title: 'not mine', price: 1, currency: 'PHP', deadline: '2030-01-01T00:00:00Z', slug: 'rest-not-mine' };
    const anon = await f.call('POST', '/orders', { role: 'anon', body });
    expect([anon.status, (anon.json as { code: string }).code, anon.headers['www-authenticate']]).toEqual([401, '42501', 'Bearer']);
    const user = await f.call('POST', '/orders', { role: 'authenticated', sub: gomA, body });
    expect([user.status, (user.json as { code: string }).code]).toEqual([403, '42501']);
    expect(await sql(`SELECT 1 FROM orders WHERE slug = 'rest-not-mine'`)).toEqual([]);
  });

  it('anon inserts a submission with return=minimal (RETURNING 1 needs no SELECT policy); representation needs one', async () => {
    const [active] = await sql<{ id: string; currency: string }>(`SELECT id, currency::text FROM orders WHERE is_active AND deadline > now() LIMIT 1`);
    const body = (reference: string) => ({ order_id: active!.id, buyer_name: 'Anon', buyer_phone: '+639170000001', quantity: 1, total_amount: 1, currency: active!.currency, payment_reference: reference });
    const minimal = await f.call('POST', '/submissions', { role: 'anon', body: body('REST-ANON-1') });
    expect(minimal.status).toBe(201);
    const represented = await f.call('POST', '/submissions', { role: 'anon', body: body('REST-ANON-2'), headers: { prefer: 'return=representation' } });
    expect([represented.status, (represented.json as { code: string }).code]).toEqual([401, '42501']);
    expect(await sql(`SELECT payment_reference FROM submissions WHERE payment_reference LIKE 'REST-ANON-%'`)).toEqual([{ payment_reference: 'REST-ANON-1' }]);
    await sql(`DELETE FROM submissions WHERE payment_reference = 'REST-ANON-1'`);
  });

  it('injection in filters, select, order, embeds and rpc names is refused or harmless', async () => {
    const before = await fingerprint();
    const attempts: [method: 'GET' | 'POST' | 'PATCH', path: string, status: number[]][] = [
      ['GET', "/submissions?buyer_name=eq.x'; DELETE FROM submissions; --", [200]],
      ['GET', "/submissions?status=in.(pending') OR 1=1; --)", [400]],
      ['GET', '/submissions?select=id,"x"" FROM submissions; DELETE FROM submissions; --"', [400]],
      ['GET', '/submissions?select=id::text; DELETE FROM submissions', [400]],
      ['GET', '/submissions?order=id;DELETE FROM submissions', [400]],
      ['GET', '/submissions?select=id,orders;drop table submissions(id)', [400]],
      ['GET', '/submissions?select=id,x:orders!"orders_pkey; DELETE FROM submissions"(id)', [400]],
      ['POST', '/rpc/cleanup_old_data();DELETE FROM submissions;--', [404]],
      ['GET', '/submissions;DELETE FROM submissions', [404]],
      ['PATCH', "/submissions?id=eq.x' OR '1'='1", [400]],
    ];
    for (const [method, path, statuses] of attempts) {
      const r = await f.call(method, path, { body: method === 'GET' ? undefined : { buyer_name: 'pwned' } });
      expect([path, statuses.includes(r.status)]).toEqual([path, true]);
    }
    expect(await fingerprint()).toBe(before);
  });
});
