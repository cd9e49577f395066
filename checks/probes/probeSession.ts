import type pg from 'pg';
import { applyRequestContext, clearRequestContext, withRequestContext, withRequestScope, type ApiRole, type RequestContext } from '../../stack/requestContext.ts';

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
 * role (the tables' owner, for whom RLS does not apply); a persona's role and JWT claims come
 * from the request context; every attempt runs in a savepoint that is rolled back, and the
 * transaction itself always is.
 */
export interface ProbeSession {
  client: pg.Client;
  /** Runs one statement as the persona, then undoes it, role and claims included, success or not. */
  attemptAs(persona: Persona, sql: string, params?: unknown[]): Promise<Attempt>;
  /** Switches to the persona until asOwner, for statements whose effect must stay (keep). */
  as(persona: Persona): Promise<void>;
  asOwner(): Promise<void>;
  /** Runs one statement as whoever is current, then undoes it (savepoint), success or not. */
  attempt(sql: string, params?: unknown[]): Promise<Attempt>;
  /** Like attempt, but keeps the statement's effect for the rest of the transaction when it succeeds. */
  keep(sql: string, params?: unknown[]): Promise<Attempt>;
}

export function withProbe<T>(client: pg.Client, work: (session: ProbeSession) => Promise<T>): Promise<T> {
  const session: ProbeSession = {
    client,
    attemptAs: (persona, sql, params) => attempted(() => withRequestContext(client, contextOf(persona), (c) => c.query(sql, params), { scope: 'savepoint' })),
    as: (persona) => applyRequestContext(client, contextOf(persona)),
    asOwner: () => clearRequestContext(client),
    attempt: (sql, params) => attempted(() => withRequestScope(client, { scope: 'savepoint' }, () => client.query(sql, params))),
    keep: (sql, params) => attempted(() => withRequestScope(client, { scope: 'savepoint', outcome: 'commit' }, () => client.query(sql, params))),
  };
  // The probe transaction itself is always rolled back; it starts as the owner.
  return withRequestScope(client, { scope: 'transaction' }, async () => {
    await session.asOwner();
    return work(session);
  });
}

function contextOf(persona: Persona): RequestContext {
  return { role: persona.role, ...(persona.userId ? { sub: persona.userId } : {}) };
}

/** The statement's rows, or the error that stopped it (its savepoint rolled back by then). */
async function attempted(run: () => Promise<pg.QueryResult>): Promise<Attempt> {
  try {
    const result = await run();
    return { ok: true, rows: result.rowCount ?? result.rows.length, ...(result.rows[0] ? { first: result.rows[0] as Record<string, unknown> } : {}) };
  } catch (error) {
    const err = error as { message?: string; code?: string };
    return { ok: false, rows: 0, error: err.message ?? String(error), ...(err.code ? { sqlState: err.code } : {}) };
  }
}

/** RLS or a missing GRANT said no (SQLSTATE 42501), as opposed to a constraint or a bug. */
export function deniedByPrivileges(attempt: Attempt): boolean {
  return !attempt.ok && attempt.sqlState === '42501';
}
