import type pg from 'pg';

/** The roles PostgREST switches to for a request. */
export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface UserContext {
  role: ApiRole;
  /** The auth user id (JWT `sub`); absent for anon and service_role. */
  sub?: string;
}

/**
 * Runs `work` as PostgREST runs a request: in a transaction with `SET LOCAL ROLE` and the
 * JWT claims in `request.jwt.claims`, so RLS and auth.uid() behave as in production. The
 * transaction is always rolled back: a probe never leaves a change behind.
 */
export async function withUserContext<T>(client: pg.Client, context: UserContext, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const claims = JSON.stringify({ role: context.role, ...(context.sub ? { sub: context.sub } : {}) });
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL ROLE ${context.role}`);
    await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [claims]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
  }
}
