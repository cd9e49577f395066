import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRestFixture, type RestFixture } from '../../helpers/restFixture.ts';

const OBJECT = { accept: 'application/vnd.pgrst.object+json' };

/** The launch mix's read shapes (gomflow-traffic §6.2) through the handler, against the same rows read by hand-written SQL. */
describe('REST reads in PostgREST shape', () => {
  let f: RestFixture;
  let order: { id: string; user_id: string };
  const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await f.db.client.query(text, values)).rows as T[];
  const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await sql<T>(text, values))[0]!;

  beforeAll(async () => {
    f = await openRestFixture('rest_reads');
    order = await one<{ id: string; user_id: string }>(
      `SELECT o.id, o.user_id FROM orders o WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.order_id = o.id) ORDER BY o.id LIMIT 1`,
    );
  });

  afterAll(async () => {
    await f?.close();
  });

  it('OV1: one order with submissions(count) and the GOM through a hinted to-one embed, as an object', async () => {
    const r = await f.call('GET', `/orders?select=*,submission_count:submissions(count),gom_name:profiles!orders_user_id_fkey(name)&id=eq.${order.id}`, { headers: OBJECT });
    const [expected] = await sql(
      `SELECT to_jsonb(o) || jsonb_build_object('submission_count', jsonb_build_array(jsonb_build_object('count', (SELECT count(*) FROM submissions s WHERE s.order_id = o.id))),
              'gom_name', jsonb_build_object('name', p.name)) AS row
         FROM orders o JOIN profiles p ON p.user_id = o.user_id WHERE o.id = $1`,
      [order.id],
    );
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.pgrst.object+json; charset=utf-8');
    expect(r.json).toEqual(expected!.row);
  });

  it('BR1: active orders after a date, newest first, a page of 5 with count=exact → 206 and Content-Range', async () => {
    const r = await f.call('GET', '/orders?select=id,title,is_active,submission_count:submissions(count)&is_active=eq.true&deadline=gt.2026-01-01T00:00:00Z&order=created_at.desc,id&offset=0&limit=5', {
      headers: { prefer: 'count=exact' },
    });
    const expected = await sql<{ id: string; n: number }>(
      `SELECT o.id, (SELECT count(*)::int FROM submissions s WHERE s.order_id = o.id) AS n FROM orders o
        WHERE o.is_active AND o.deadline > '2026-01-01T00:00:00Z' ORDER BY o.created_at DESC, o.id LIMIT 5`,
    );
    const { total } = await one<{ total: number }>(`SELECT count(*)::int AS total FROM orders WHERE is_active AND deadline > '2026-01-01T00:00:00Z'`);
    expect(total).toBeGreaterThan(5);
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`0-4/${total}`);
    expect((r.json as { id: string; submission_count: { count: number }[] }[]).map((row) => [row.id, row.submission_count[0]!.count])).toEqual(expected.map((row) => [row.id, row.n]));
  });

  it('D3/BT1: submissions with orders!inner filtered on the embedded owner keeps only that GOM’s rows', async () => {
    const r = await f.call('GET', `/submissions?select=id,order:orders!inner(title,user_id)&order.user_id=eq.${order.user_id}&order=created_at.desc,id&limit=10`);
    const expected = await sql<{ id: string }>(
      `SELECT s.id FROM submissions s JOIN orders o ON o.id = s.order_id WHERE o.user_id = $1 ORDER BY s.created_at DESC, s.id LIMIT 10`,
      [order.user_id],
    );
    const rows = r.json as { id: string; order: { user_id: string } }[];
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(new Set(rows.map((row) => row.order.user_id))).toEqual(new Set([order.user_id]));
  });

  it('without !inner an embedded filter nulls the embed instead of dropping the row', async () => {
    const r = await f.call('GET', `/submissions?select=id,order:orders(user_id)&order.user_id=eq.00000000-0000-0000-0000-000000000000&order_id=eq.${order.id}&limit=3`);
    const rows = r.json as { order: unknown }[];
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.order === null)).toBe(true);
  });

  it('SB5b / SA4: not.eq, ilike with *, or=(…) and in.(…) match the same SQL predicates', async () => {
    const notCancelled = await f.call('GET', `/submissions?select=quantity&order_id=eq.${order.id}&status=not.eq.cancelled`);
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE order_id = $1 AND status <> 'cancelled'`, [order.id]);
    expect((notCancelled.json as unknown[]).length).toBe(n);

    const search = await f.call('GET', `/submissions?select=id&or=(buyer_name.ilike.*a*,buyer_phone.ilike.*9*)&status=in.(pending,paid)&order=id`);
    const expected = await sql<{ id: string }>(`SELECT id FROM submissions WHERE (buyer_name ILIKE '%a%' OR buyer_phone ILIKE '%9%') AND status IN ('pending', 'paid') ORDER BY id`);
    expect((search.json as { id: string }[]).map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it('order with nullslast, aliases, casts, and a to-many embed with its own order and limit', async () => {
    const r = await f.call('GET', `/orders?select=ref:id,price_text:price::text,subs:submissions(id)&subs.order=created_at.desc,id&subs.limit=2&id=eq.${order.id}&order=max_orders.desc.nullslast`);
    const subs = await sql<{ id: string }>(`SELECT id FROM submissions WHERE order_id = $1 ORDER BY created_at DESC, id LIMIT 2`, [order.id]);
    const [price] = await sql<{ p: string }>(`SELECT price::text AS p FROM orders WHERE id = $1`, [order.id]);
    expect(r.json).toEqual([{ ref: order.id, price_text: price!.p, subs: subs.map((s) => ({ id: s.id })) }]);
  });

  it('HEAD with count=exact: no body, the total in Content-Range; Range header pages; past the end → 416', async () => {
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE order_id = $1`, [order.id]);
    const head = await f.call('HEAD', `/submissions?order_id=eq.${order.id}`, { headers: { prefer: 'count=exact' } });
    expect(head.body).toBeUndefined();
    expect(head.headers['content-range']).toBe(`0-${n - 1}/${n}`);
    const ranged = await f.call('GET', `/submissions?select=id&order_id=eq.${order.id}`, { headers: { range: '0-0', prefer: 'count=exact' } });
    expect(ranged.status).toBe(n > 1 ? 206 : 200);
    expect(ranged.headers['content-range']).toBe(`0-0/${n}`);
    // With limit/offset as well, the Range header and the query's range intersect.
    const both = await f.call('GET', `/submissions?select=id&order_id=eq.${order.id}&order=id&offset=1&limit=5`, { headers: { range: '2-10' } });
    const intersection = await sql<{ id: string }>(`SELECT id FROM submissions WHERE order_id = $1 ORDER BY id OFFSET 2 LIMIT 4`, [order.id]);
    expect(intersection.length).toBe(4);
    expect([both.headers['content-range'], both.json]).toEqual(['2-5/*', intersection]);
    const past = await f.call('GET', `/submissions?select=id&order_id=eq.${order.id}&offset=${n + 5}`, { headers: { prefer: 'count=exact' } });
    expect(past.status).toBe(416);
    expect(past.json).toMatchObject({ code: 'PGRST103', message: 'Requested range not satisfiable' });
  });

  it('single object: zero or several rows → 406 PGRST116 with the row count', async () => {
    const none = await f.call('GET', '/notification_preferences?select=*&user_id=eq.00000000-0000-0000-0000-000000000000', { headers: OBJECT });
    expect(none.status).toBe(406);
    expect(none.json).toEqual({ code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object', details: 'The result contains 0 rows', hint: null });
    const many = await f.call('GET', '/orders?select=id&limit=2', { headers: OBJECT });
    expect(many.status).toBe(406);
    expect((many.json as { details: string }).details).toBe('The result contains 2 rows');
  });

  it('views read like tables (BR2 on order_summaries); H1 select=count', async () => {
    const r = await f.call('GET', `/order_summaries?select=*&user_id=eq.${order.user_id}&order=created_at.desc,id&offset=0&limit=10`);
    const expected = await sql<{ id: string }>(`SELECT id FROM order_summaries WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 10`, [order.user_id]);
    expect((r.json as { id: string }[]).map((row) => row.id)).toEqual(expected.map((row) => row.id));
    const count = await f.call('GET', '/orders?select=count');
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM orders`);
    expect(count.json).toEqual([{ count: n }]);
  });

  it('bad requests answer as PostgREST: 42703, PGRST200, PGRST100, PGRST205, PGRST108', async () => {
    const cases: [string, number, string][] = [
      ['/orders?select=nope', 400, '42703'],
      ['/orders?select=id,users!orders_gom_id_fkey(full_name)', 400, 'PGRST200'],
      ['/orders?select=id,(', 400, 'PGRST100'],
      ['/orders?id=eq.1&order=id.sideways', 400, 'PGRST100'],
      ['/orders?or=(id.eq.1', 400, 'PGRST100'],
      ['/users?select=id', 404, 'PGRST205'],
      ['/orders?select=id&submissions.id=eq.x', 400, 'PGRST108'],
    ];
    for (const [path, status, code] of cases) {
      const r = await f.call('GET', path);
      expect([path, r.status, (r.json as { code: string }).code]).toEqual([path, status, code]);
    }
  });
});
