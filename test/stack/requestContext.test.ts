import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GomflowError } from '../../core/errors.ts';
import { classifyError } from '../../scenarios/engine/classifyError.ts';
import { isConnectionLost } from '../../stack/connectionLost.ts';
import { applyRequestContext, clearRequestContext, requestQuery, withRequestContext, type ApiRole, type RequestContext } from '../../stack/requestContext.ts';
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

  describe('the pipelined form (requestQuery): one statement, one round trip', () => {
    const AS_SEEN = `SELECT auth.uid()::text AS uid, auth.role() AS role, auth.jwt() AS jwt, current_user AS "user", current_setting('request.method') AS method,
                            current_setting('request.path') AS path, current_setting('request.headers')::jsonb AS headers, current_setting('transaction_read_only') AS "readOnly"`;
    const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
    /** A client of its own, so the statements it has prepared are this test's alone. */
    const connect = async () => {
      const client = new pg.Client({ connectionString: db.url });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };
    const prepared = async (client: pg.Client) =>
      (await client.query<{ name: string; prepare_time: Date; runs: number }>('SELECT name, prepare_time, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY name')).rows;

    it('sets role, claims and request settings exactly as the awaited form does, READ ONLY when asked', async () => {
      const context: RequestContext = { role: 'authenticated', sub: randomUUID(), claims: { email: 'gom.b@example.test' }, method: 'GET', path: '/rest/v1/orders', headers: { Accept: '*/*' } };
      const awaited = await withRequestContext(db.client, context, async (c) => (await c.query(AS_SEEN)).rows, { scope: 'transaction', readOnly: true });
      const pipelined = await requestQuery(db.client, context, { name: 'test_as_seen', text: AS_SEEN }, { readOnly: true });
      expect(pipelined).toEqual(awaited);
      expect(pipelined).toEqual([
        { uid: context.sub, role: 'authenticated', jwt: { role: 'authenticated', sub: context.sub, email: 'gom.b@example.test' }, user: 'authenticated', method: 'GET', path: '/rest/v1/orders', headers: { accept: '*/*' }, readOnly: 'on' },
      ]);
      expect((await requestQuery(db.client, context, { name: 'test_as_seen', text: AS_SEEN }))[0]).toMatchObject({ readOnly: 'off' });
      expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
    });

    it('rolls back by default, commits when asked, and returns the statement rows with parameters typed by the server', async () => {
      const insert = { name: 'test_insert_note', text: 'INSERT INTO public.request_notes VALUES ($1) RETURNING note, length(note) AS n', values: ['rolled back'] };
      expect(await requestQuery(db.client, { role: 'service_role' }, insert)).toEqual([{ note: 'rolled back', n: 11 }]);
      expect(await notes()).toEqual([]);
      await requestQuery(db.client, { role: 'anon' }, { ...insert, values: ['kept'] }, { outcome: 'commit' });
      expect(await notes()).toEqual(['kept']);
      expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
    });

    it('refuses a write with 25006 when read-only, and leaves the connection idle', async () => {
      const error = await errorOf(requestQuery(db.client, { role: 'service_role' }, { name: 'test_write_note', text: 'INSERT INTO public.request_notes VALUES ($1)', values: ['read only'] }, { readOnly: true, outcome: 'commit' }));
      expect(error).toBeInstanceOf(pg.DatabaseError);
      expect(error).toMatchObject({ code: '25006' });
      expect(db.client.getTransactionStatus()).toBe('I');
      expect(await notes()).toEqual([]);
      expect(await after()).toEqual({ user: owner, claims: null, freshTransaction: true });
    });

    it('after a statement error (denied, syntax, bad parameter) the connection is idle and usable, and the error classifies as the awaited one', async () => {
      const client = await connect();
      try {
        // The shim's default privileges grant new tables to the API roles, as Supabase's do: taken back here.
        await client.query('CREATE TABLE public.request_secrets (secret text); REVOKE ALL ON public.request_secrets FROM anon');
        const denied = { name: 'test_denied', text: 'SELECT secret FROM public.request_secrets' };
        const awaited = await errorOf(withRequestContext(client, { role: 'anon' }, (c) => c.query(denied.text)));
        const pipelined = await errorOf(requestQuery(client, { role: 'anon' }, denied));
        expect(pipelined).toBeInstanceOf(pg.DatabaseError);
        expect(pipelined).toMatchObject({ code: '42501', message: (awaited as Error).message });
        expect(classifyError(pipelined)).toBe('permission');
        // Failed on its first use, after it was prepared: the second use binds the prepared statement, not a duplicate Parse (42P05).
        await expect(requestQuery(client, { role: 'anon' }, denied)).rejects.toMatchObject({ code: '42501' });
        // A statement that never parsed is not taken for prepared (26000 would say so): it fails the same way again.
        const broken = { name: 'test_broken', text: 'SELEC 1' };
        await expect(requestQuery(client, { role: 'anon' }, broken)).rejects.toMatchObject({ code: '42601' });
        await expect(requestQuery(client, { role: 'anon' }, broken)).rejects.toMatchObject({ code: '42601' });
        // A parameter the server rejects (22P02), and one that cannot even be sent (a circular object: BEGIN already ran, so the transaction was left open).
        const typed = { name: 'test_typed', text: 'SELECT $1::int AS n' };
        await expect(requestQuery(client, { role: 'anon' }, { ...typed, values: ['not a number'] })).rejects.toMatchObject({ code: '22P02' });
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        await expect(requestQuery(client, { role: 'anon' }, { ...typed, values: [circular] })).rejects.toThrow(/circular/i);
        expect(client.getTransactionStatus()).toBe('I');
        expect(await requestQuery(client, { role: 'anon' }, { ...typed, values: [7] })).toEqual([{ n: 7 }]);
        expect((await client.query(`SELECT current_user AS "user", nullif(current_setting('request.jwt.claims', true), '') AS claims`)).rows[0]).toEqual({ user: owner, claims: null });
        expect((await prepared(client)).map((row) => row.name)).toEqual(['gomflow_begin', 'gomflow_request_context', 'gomflow_rollback', 'test_denied', 'test_typed']);
      } finally {
        await client.end();
      }
    });

    it('prepares its statements once per connection: the second request parses nothing, and the awaited form shares the context statement', async () => {
      const client = await connect();
      try {
        await withRequestContext(client, { role: 'service_role' }, (c) => c.query('SELECT 1'));
        const read = { name: 'test_count_notes', text: 'SELECT count(*)::int AS n FROM public.request_notes WHERE note <> $1', values: ['x'] };
        await requestQuery(client, { role: 'service_role' }, read, { readOnly: true });
        const first = await prepared(client);
        expect(first.map((row) => row.name)).toEqual(['gomflow_begin_read_only', 'gomflow_request_context', 'gomflow_rollback', 'test_count_notes']);
        const parse = vi.spyOn(client.connection, 'parse');
        expect(await requestQuery(client, { role: 'service_role' }, read, { readOnly: true })).toEqual([{ n: 0 }]);
        expect(parse).not.toHaveBeenCalled();
        const second = await prepared(client);
        expect(second.map(({ name, prepare_time }) => ({ name, prepare_time }))).toEqual(first.map(({ name, prepare_time }) => ({ name, prepare_time })));
        expect(second.find((row) => row.name === 'test_count_notes')?.runs).toBe(2);
      } finally {
        await client.end();
      }
    });

    it('a connection lost in the middle of the pipeline is classified as lost', async () => {
      const client = await connect();
      try {
        const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const sleeping = errorOf(requestQuery(client, { role: 'service_role' }, { name: 'test_sleep', text: 'SELECT pg_sleep(30)' }));
        // Terminated once the statement is running inside the pipeline's transaction.
        for (let tries = 0; tries < 200; tries++) {
          const { rowCount } = await db.client.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND query = 'SELECT pg_sleep(30)' AND state = 'active'`, [pid]);
          if (rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await db.client.query('SELECT pg_terminate_backend($1)', [pid]);
        const lost = await sleeping;
        expect(isConnectionLost(lost)).toBe(true);
        expect(classifyError(lost)).toBe('connection-lost');
        const after = await errorOf(requestQuery(client, { role: 'service_role' }, { name: 'test_sleep', text: 'SELECT pg_sleep(30)' }));
        expect(classifyError(after)).toBe('connection-lost');
      } finally {
        await client.end().catch(() => undefined);
      }
    });

    it('an unknown role is refused before anything is sent', async () => {
      const sent = vi.spyOn(db.client, 'query');
      await expect(requestQuery(db.client, { role: 'postgres' as ApiRole }, { name: 'test_never', text: 'SELECT 1' })).rejects.toMatchObject({ code: 'E_USAGE' });
      expect(sent).not.toHaveBeenCalled();
    });
  });
});
