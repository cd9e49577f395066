import type pg from 'pg';
import { withUserContext, type UserContext } from '../stack/requestContext.ts';

/** Runs work as a user context and undoes whatever it did; withUserContext, or the savepoint form below. */
export type ContextRunner = <T>(client: pg.Client, context: UserContext, work: (client: pg.Client) => Promise<T>) => Promise<T>;

/** The normal runner: one rolled-back transaction per request, as PostgREST does. */
export const transactionContext: ContextRunner = withUserContext;

/**
 * withUserContext for use inside an open transaction (the what-if's): the same SET LOCAL ROLE
 * and request.jwt.claims, in a savepoint that is rolled back. Rolling back to the savepoint
 * also reverts the SET LOCALs, so the next request starts as the connecting user again, with
 * the what-if's changes still in place.
 */
export const savepointContext: ContextRunner = async (client, context, work) => {
  const claims = JSON.stringify({ role: context.role, ...(context.sub ? { sub: context.sub } : {}) });
  await client.query('SAVEPOINT gomflow_bench');
  try {
    await client.query(`SET LOCAL ROLE ${context.role}`);
    await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [claims]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT gomflow_bench');
  }
};
