import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * Polls `check` until it holds; fails after `limitMs` with `what` (a bound on waiting, never
 * an assertion about how long anything takes).
 */
export async function waitFor(what: string, check: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Waits until `client` is the only session left in its database: a seed's connections have
 * all ended on the server, so nothing it started can still commit rows after we count.
 */
export function waitUntilAlone(client: pg.Client): Promise<void> {
  return waitFor('the seed sessions to end', async () => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return rows[0]!.n === 0;
  });
}

/** Whether a session of this database is running a statement that starts with `prefix` or waits on `waitEvent`. */
export async function sessionBusyWith(client: pg.Client, match: { query?: string; waitEvent?: string }): Promise<boolean> {
  const { rows } = await client.query<{ busy: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
       AND ($1::text IS NULL OR starts_with(query, $1)) AND ($2::text IS NULL OR wait_event = $2)) AS busy`,
    [match.query ?? null, match.waitEvent ?? null],
  );
  return rows[0]!.busy;
}
