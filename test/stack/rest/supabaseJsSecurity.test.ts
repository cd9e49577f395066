import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../../../stack/auth/mintAccessToken.ts';
import { openSupabaseJsFixture, type SupabaseJsFixture } from '../../helpers/supabaseJsFixture.ts';

/**
 * RLS as users who signed in through /auth/v1, PostgREST's errors as supabase-js surfaces
 * them, hostile input through supabase-js's own builders, and bad tokens.
 */
describe('supabase-js security against the local /rest/v1', () => {
  let f: SupabaseJsFixture;
  let gomA: { id: string; email: string };
  let orderOfB: { id: string; user_id: string };
  let gomAClient: SupabaseClient;
  const fingerprint = async () =>
    (await f.sql<{ f: string }>(`SELECT md5((SELECT string_agg(id::text || status::text || buyer_name, ',' ORDER BY id) FROM submissions) || (SELECT string_agg(id::text || title, ',' ORDER BY id) FROM orders)) AS f`))[0]!.f;

  beforeAll(async () => {
    f = await openSupabaseJsFixture('sbjs_security');
    const goms = await f.sql<{ user_id: string; email: string }>(
      `SELECT o.user_id, p.email FROM orders o JOIN profiles p ON p.user_id = o.user_id WHERE EXISTS (SELECT 1 FROM submissions s WHERE s.order_id = o.id) GROUP BY 1, 2 ORDER BY 1 LIMIT 2`,
    );
    gomA = { id: goms[0]!.user_id, email: goms[0]!.email };
    [orderOfB] = await f.sql<{ id: string; user_id: string }>(`SELECT o.id, o.user_id FROM orders o WHERE o.user_id = $1 AND EXISTS (SELECT 1 FROM submissions s WHERE s.order_id = o.id) ORDER BY o.id LIMIT 1`, [goms[1]!.user_id]) as [{ id: string; user_id: string }];
    gomAClient = await f.signedIn(gomA.email);
  });

  afterAll(async () => {
    await f?.close();
  });

  it("GOM A, signed in, reads exactly their own orders' submissions and none of B's; a buyer account reads none", async () => {
    const own = await gomAClient.from('submissions').select('id', { count: 'exact' }).order('id');
    const expected = (await f.sql<{ id: string }>(`SELECT s.id FROM submissions s JOIN orders o ON o.id = s.order_id WHERE o.user_id = $1 ORDER BY s.id`, [gomA.id])).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(0);
    expect([own.count, own.data!.map((row) => row.id)]).toEqual([expected.length, expected]);
    const ofB = await gomAClient.from('submissions').select('id', { count: 'exact', head: true }).eq('order_id', orderOfB.id);
    expect([ofB.error, ofB.count]).toEqual([null, 0]);

    const [buyer] = await f.sql<{ email: string }>(`SELECT u.email FROM auth.users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY u.email LIMIT 1`);
    const buyerClient = await f.signedIn(buyer!.email);
    const seen = await buyerClient.from('submissions').select('id', { count: 'exact', head: true });
    expect([seen.error, seen.count]).toEqual([null, 0]);
  });

  it('anon reads only active orders', async () => {
    const { data, count } = await f.client().from('orders').select('id, is_active', { count: 'exact' });
    const [{ active, all }] = (await f.sql<{ active: number; all: number }>(`SELECT count(*) FILTER (WHERE is_active)::int AS active, count(*)::int AS all FROM orders`)) as [{ active: number; all: number }];
    expect(all).toBeGreaterThan(active);
    expect([count, data!.length, data!.every((row) => row.is_active)]).toEqual([active, active, true]);
  });

  it('a write a policy refuses: 42501 with 401 for anon, 403 for a signed-in user, and nothing written', async () => {
    const row = { user_id: orderOfB.user_id, title: 'not mine', price: 1, currency: 'PHP', deadline: '2030-01-01T00:00:00Z', slug: 'sbjs-not-mine' };
    const anon = await f.client().from('orders').insert(row);
    expect([anon.status, anon.error?.code]).toEqual([401, '42501']);
    expect(anon.error?.message).toMatch(/row-level security/);
    const user = await gomAClient.from('orders').insert(row);
    expect([user.status, user.error?.code]).toEqual([403, '42501']);
    const patched = await gomAClient.from('orders').update({ title: 'taken over' }).eq('id', orderOfB.id).select('id');
    expect([patched.error, patched.data]).toEqual([null, []]);
    expect(await f.sql(`SELECT 1 FROM orders WHERE slug = 'sbjs-not-mine' OR title = 'taken over'`)).toEqual([]);
  });

  it('hostile filter values, select strings, order columns, embed and rpc names are refused or harmless', async () => {
    const before = await fingerprint();
    const service = f.client({ key: f.keys.serviceRoleKey });
    const tricky = `x,y(z)."q'; DELETE FROM submissions; --`;
    const attempts: [string, PromiseLike<{ status: number; data: unknown }>, number[]][] = [
      ['eq value', service.from('submissions').select('id').eq('buyer_name', tricky), [200]],
      ['ilike value', service.from('submissions').select('id').ilike('buyer_name', `%${tricky}%`), [200]],
      // supabase-js wraps a value holding `,()` in quotes without escaping a `"` inside: PostgREST's list parser then refuses it.
      ['in values', service.from('submissions').select('id').in('buyer_name', [tricky, `a")`, `b'),(`]), [200, 400]],
      ['enum in value', service.from('submissions').select('id').in('status', [`pending') OR 1=1; --`]), [400]],
      ['or string', service.from('submissions').select('id').or(`buyer_name.eq.a);DELETE FROM submissions;--`), [400]],
      ['select string', service.from('submissions').select(`id, "x"" FROM submissions; DELETE FROM submissions; --"`), [400]],
      ['cast in select', service.from('submissions').select('id::text; DELETE FROM submissions'), [400]],
      ['order column', service.from('submissions').select('id').order('id; DELETE FROM submissions'), [400]],
      ['embedded name', service.from('submissions').select('id, orders;drop table submissions(id)'), [400]],
      ['embed hint', service.from('submissions').select('id, o:orders!"orders_pkey; DELETE FROM submissions"(id)'), [400]],
      ['filter column', service.from('submissions').select('id').eq(`id" = id; DELETE FROM submissions; --`, 'x'), [400]],
      ['rpc name', service.rpc('cleanup_old_data(); DELETE FROM submissions; --'), [404]],
      ['rpc argument', service.rpc('generate_payment_reference', { country_prefix: `'); DELETE FROM submissions; --` }), [200]],
      ['update value', service.from('submissions').update({ buyer_name: tricky }).eq('id', `x' OR '1'='1`), [400]],
      ['table name', service.from('submissions; DELETE FROM submissions').select('id'), [404]],
    ];
    for (const [name, request, statuses] of attempts) {
      const { status } = await request;
      expect([name, status]).toEqual([name, statuses.includes(status) ? status : statuses[0]]);
    }
    expect(await fingerprint()).toBe(before);

    // The same characters as data (no `"`, see above): stored as given and found again by eq and in.
    const stored = `O'Brien, K. (pop); DELETE FROM submissions; --`;
    const [order] = await f.sql<{ id: string; currency: string }>(`SELECT id, currency::text FROM orders WHERE is_active ORDER BY id LIMIT 1`);
    const inserted = await service.from('submissions').insert({ order_id: order!.id, buyer_name: stored, buyer_phone: '+639170000009', quantity: 1, total_amount: 1, currency: order!.currency, payment_reference: 'SBJS-TRICKY' }).select('id').single();
    expect(inserted.error).toBeNull();
    const found = await service.from('submissions').select('id, buyer_name').eq('buyer_name', stored).in('buyer_name', [stored, 'other']);
    expect(found.data).toEqual([{ id: inserted.data!.id, buyer_name: stored }]);
  });

  it('an expired or tampered token is 401: PGRST303 and PGRST301', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 7200;
    const expired = await mintAccessToken({ id: gomA.id, email: gomA.email }, { secret: f.secret, issuer: `${f.api.url}/auth/v1`, issuedAt });
    const late = await f.client({ accessToken: expired }).from('orders').select('id').limit(1);
    expect([late.status, late.error?.code, late.error?.message]).toEqual([401, 'PGRST303', 'JWT expired']);

    const valid = await mintAccessToken({ id: gomA.id, email: gomA.email }, { secret: f.secret, issuer: `${f.api.url}/auth/v1` });
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'service_role' })).toString('base64url')}.${signature}`;
    const tampered = await f.client({ accessToken: forged }).from('submissions').select('id').limit(1);
    expect([tampered.status, tampered.error?.code]).toEqual([401, 'PGRST301']);
  });
});
