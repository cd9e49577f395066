import type pg from 'pg';
import { withUserContext, type ApiRole } from '../../stack/requestContext.ts';

/** Who a probe acts as. */
export interface Persona {
  /** As evidence names it: "GOM A", "GOM B", "buyer", "anon", "service_role". */
  label: string;
  role: ApiRole;
  /** The auth user id (JWT sub) of a signed-in persona. */
  userId?: string;
}

/** What an attempted statement did: rows it returned or changed, or the error that stopped it. */
export interface Attempt {
  ok: boolean;
  rows: number;
  /** First row returned, when the statement returns rows. */
  first?: Record<string, unknown>;
  error?: string;
  sqlState?: string;
}

/**
 * One probe transaction, PostgREST's way. Fixtures and ground truth are read as the connecting
 * role (the tables' owner, for whom RLS does not apply); `as(persona)` switches role and JWT
 * claims exactly as withUserContext does; every attempt runs in a savepoint that is rolled back,
 * and the transaction itself always is.
 */
export interface ProbeSession {
  client: pg.Client;
  as(persona: Persona): Promise<void>;
  asOwner(): Promise<void>;
  /** Runs one statement as whoever is current, then undoes it (savepoint), success or not. */
  attempt(sql: string, params?: unknown[]): Promise<Attempt>;
  /** Like attempt, but keeps the statement's effect for the rest of the transaction when it succeeds. */
  keep(sql: string, params?: unknown[]): Promise<Attempt>;
}

let savepoints = 0;

export async function withProbe<T>(client: pg.Client, work: (session: ProbeSession) => Promise<T>): Promise<T> {
  // withUserContext opens the transaction (and always rolls it back); the probe starts as the owner.
  return withUserContext(client, { role: 'anon' }, async () => {
    const session: ProbeSession = {
      client,
      async as(persona) {
        await client.query(`SET LOCAL ROLE ${persona.role}`);
        const claims = JSON.stringify({ role: persona.role, ...(persona.userId ? { sub: persona.userId } : {}) });
        await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [claims]);
      },
      async asOwner() {
        await client.query('RESET ROLE');
        await client.query(`SELECT set_config('request.jwt.claims', '', true)`);
      },
      attempt: (sql, params) => run(client, sql, params, false),
      keep: (sql, params) => run(client, sql, params, true),
    };
    await session.asOwner();
    return work(session);
  });
}

async function run(client: pg.Client, sql: string, params: unknown[] | undefined, keep: boolean): Promise<Attempt> {
  const name = `probe_${(savepoints += 1)}`;
  await client.query(`SAVEPOINT ${name}`);
  try {
    const result = await client.query(sql, params);
    if (!keep) await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return { ok: true, rows: result.rowCount ?? result.rows.length, ...(result.rows[0] ? { first: result.rows[0] as Record<string, unknown> } : {}) };
  } catch (error) {
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    const err = error as { message?: string; code?: string };
    return { ok: false, rows: 0, error: err.message ?? String(error), ...(err.code ? { sqlState: err.code } : {}) };
  }
}

/** RLS or a missing GRANT said no (SQLSTATE 42501), as opposed to a constraint or a bug. */
export function deniedByPrivileges(attempt: Attempt): boolean {
  return !attempt.ok && attempt.sqlState === '42501';
}
