import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GomflowError } from '../../core/errors.ts';
import { applyRequestContext, clearRequestContext, withRequestContext, type ApiRole } from '../../stack/requestContext.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

describe('the request context sets role, claims and request settings as PostgREST does', () => {
  let db: TestDatabase;
  let owner: string;

  beforeAll(async () => {
    db = await createTestDatabase('request_context');
    owner = (await db.client.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    await db.client.query(`CREATE TABLE public.request_notes (note text NOT NULL)`);
    await db.client.query(`GRANT SELECT, INSERT ON public.request_notes TO anon, authenticated, service_role`);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await db.client.query('TRUNCATE public.request_notes');
  });

  afterAll(async () => {
    await db.drop();
  });

  const notes = async () => (await db.client.query<{ note: string }>('SELECT note FROM public.request_notes ORDER BY note')).rows.map((r) => r.note);
  /** What the connection is once the request is over: the owner, no claims, no transaction left open. */
  const after = async () =>
    (
      await db.client.query(
        `SELECT current_user AS "user", nullif(current_setting('request.jwt.claims', true), '') AS claims,
                (SELECT xact_start = query_start FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS "freshTransaction"`,
      )
    ).rows[0];

  it('auth.uid(), auth.role(), auth.jwt() and request.method/path/headers read what was set', async () => {
    const sub = randomUUID();
    const row = await withRequestContext(
      db.client,
      {
        role: 'authenticated',
        sub,
        // role in the extra claims must not win over the context's own role.
        claims: { email: 'gom.a@example.test', aal: 'aal2', role: 'service_role' },
        method: 'PATCH',
        path: '/rest/v1/orders',
        headers: { 'Content-Type': 'application/json', Prefer: 'return=minimal' },
      },
      async (c) =>
        (
          await c.query(
            `SELECT auth.uid()::text AS uid, auth.role() AS role, auth.jwt() AS jwt, current_user AS "user",
                    current_setting('request.method') AS method, current_setting('request.path') AS path,
                    current_setting('request.headers')::jsonb AS headers`,
          )
        ).rows[0],
    );
    expect(row).toEqual({
      uid: sub,
      role: 'authenticated',
      jwt: { role: 'authenticated', sub, email: 'gom.a@example.test', aal: 'aal2' },
      user: 'authenticated',
      method: 'PATCH',
      path: '/rest/v1/orders',
      headers: { 'content-type': 'application/json', prefer: 'return=minimal' },
    });
    expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
  });

  it('the transaction form rolls back: a row inserted inside is gone', async () => {
    const seen = await withRequestContext(db.client, { role: 'service_role' }, async (c) => {
      await c.query(`INSERT INTO public.request_notes VALUES ('rolled back')`);
      return (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM public.request_notes')).rows[0]!.n;
    });
    expect(seen).toBe(1);
    expect(await notes()).toEqual([]);
    expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
  });

  it('the commit form keeps the row, and still rolls back when the work fails', async () => {
    await withRequestContext(db.client, { role: 'anon' }, (c) => c.query(`INSERT INTO public.request_notes VALUES ('kept')`), { scope: 'transaction', outcome: 'commit' });
    const failing = withRequestContext(
      db.client,
      { role: 'anon' },
      async (c) => {
        await c.query(`INSERT INTO public.request_notes VALUES ('not kept')`);
        throw new Error('the handler failed');
      },
      { scope: 'transaction', outcome: 'commit' },
    );
    await expect(failing).rejects.toThrow('the handler failed');
    expect(await notes()).toEqual(['kept']);
    expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
  });

  it('the read-only form refuses a write with 25006, as PostgREST does for GET and HEAD', async () => {
    const write = withRequestContext(db.client, { role: 'service_role' }, (c) => c.query(`INSERT INTO public.request_notes VALUES ('read only')`), { scope: 'transaction', outcome: 'commit', readOnly: true });
    await expect(write).rejects.toMatchObject({ code: '25006' });
    expect(await notes()).toEqual([]);
    expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
  });

  it("the savepoint form keeps the outer transaction's earlier work and resets the role afterwards", async () => {
    await db.client.query('BEGIN');
    try {
      await db.client.query(`INSERT INTO public.request_notes VALUES ('outer')`);
      const inside = await withRequestContext(
        db.client,
        { role: 'authenticated', sub: randomUUID() },
        async (c) => {
          await c.query(`INSERT INTO public.request_notes VALUES ('inner')`);
          return (await c.query<{ user: string }>('SELECT current_user AS "user"')).rows[0]!.user;
        },
        { scope: 'savepoint' },
      );
      expect(inside).toBe('authenticated');
      expect(await notes()).toEqual(['outer']);
      const state = await db.client.query(`SELECT current_user AS "user", nullif(current_setting('request.jwt.claims', true), '') AS claims`);
      expect(state.rows[0]).toEqual({ user: owner, claims: null });
      // Each request releases its savepoint: thousands of requests in a what-if must not nest thousands deep.
      await expect(db.client.query('ROLLBACK TO SAVEPOINT gomflow_request')).rejects.toMatchObject({ code: '3B001' });
    } finally {
      await db.client.query('ROLLBACK');
    }
  });

  it('clearRequestContext puts the owner back, with no claims, inside the same transaction', async () => {
    await db.client.query('BEGIN');
    try {
      await applyRequestContext(db.client, { role: 'anon', method: 'GET', headers: { Accept: '*/*' } });
      await clearRequestContext(db.client);
      const { rows } = await db.client.query(
        `SELECT current_user AS "user", auth.role() AS role, nullif(current_setting('request.method', true), '') AS method, nullif(current_setting('request.headers', true), '') AS headers`,
      );
      expect(rows[0]).toEqual({ user: owner, role: null, method: null, headers: null });
    } finally {
      await db.client.query('ROLLBACK');
    }
  });

  it('an unknown role is refused before any SQL is sent', async () => {
    const sent = vi.spyOn(db.client, 'query');
    const role = 'postgres' as ApiRole;
    const refused = withRequestContext(db.client, { role }, async () => 'ran');
    await expect(refused).rejects.toBeInstanceOf(GomflowError);
    await expect(refused).rejects.toMatchObject({ code: 'E_USAGE', message: "unknown API role 'postgres'; use one of anon, authenticated, service_role" });
    await expect(applyRequestContext(db.client, { role })).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(sent).not.toHaveBeenCalled();
  });
});
