import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext } from '../../stack/requestContext.ts';
import { insertGom, insertOrder } from '../fixtures/sampleRows.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

describe('the Supabase shim behaves like Supabase', () => {
  let db: TestDatabase;
  let gomA: string;
  let gomB: string;

  beforeAll(async () => {
    db = await createTestDatabase('shim');
    gomA = await insertGom(db.client, 'gom_a');
    gomB = await insertGom(db.client, 'gom_b');
    await insertOrder(db.client, gomA, { active: true });
    await insertOrder(db.client, gomA, { active: false });
    await insertOrder(db.client, gomB, { active: true });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('auth.uid() and auth.role() read the request claims, as PostgREST sets them', async () => {
    const row = await withRequestContext(db.client, { role: 'authenticated', sub: gomA }, async (c) => (await c.query(`SELECT auth.uid() AS uid, auth.role() AS role, current_user AS db_role`)).rows[0]);
    expect(row).toEqual({ uid: gomA, role: 'authenticated', db_role: 'authenticated' });
  });

  it('auth.uid() also reads the legacy request.jwt.claim.sub setting', async () => {
    await db.client.query('BEGIN');
    await db.client.query(`SELECT set_config('request.jwt.claim.sub', $1, true)`, [gomB]);
    const { rows } = await db.client.query(`SELECT auth.uid() AS uid`);
    await db.client.query('ROLLBACK');
    expect(rows[0].uid).toBe(gomB);
  });

  it('an authenticated user sees only their own profile', async () => {
    const rows = await withRequestContext(db.client, { role: 'authenticated', sub: gomA }, async (c) => (await c.query(`SELECT user_id FROM profiles`)).rows);
    expect(rows).toEqual([{ user_id: gomA }]);
  });

  it('anon sees only active orders (of every GOM)', async () => {
    const rows = await withRequestContext(db.client, { role: 'anon' }, async (c) => (await c.query(`SELECT user_id, is_active FROM orders ORDER BY user_id`)).rows);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.is_active === true)).toBe(true);
    expect(new Set(rows.map((r) => r.user_id))).toEqual(new Set([gomA, gomB]));
  });

  it('anon sees no profile at all', async () => {
    const rows = await withRequestContext(db.client, { role: 'anon' }, async (c) => (await c.query(`SELECT 1 FROM profiles`)).rows);
    expect(rows).toEqual([]);
  });

  it('service_role bypasses RLS, as on Supabase', async () => {
    const rows = await withRequestContext(db.client, { role: 'service_role' }, async (c) => (await c.query(`SELECT count(*)::int AS n FROM orders`)).rows);
    expect(rows[0]!.n).toBe(3);
  });

  it('keeps the production flaw: order_summaries shows anon an inactive order (view without security_invoker)', async () => {
    const rows = await withRequestContext(db.client, { role: 'anon' }, async (c) => (await c.query(`SELECT is_active FROM order_summaries WHERE is_active = false`)).rows);
    expect(rows).toHaveLength(1);
  });

  it('storage helpers split object paths as Supabase does', async () => {
    const { rows } = await db.client.query(
      `SELECT storage.foldername('u1/proofs/receipt.jpg') AS folders, storage.filename('u1/proofs/receipt.jpg') AS file, storage.extension('u1/proofs/receipt.jpg') AS ext`,
    );
    expect(rows[0]).toEqual({ folders: ['u1', 'proofs'], file: 'receipt.jpg', ext: 'jpg' });
  });
});
