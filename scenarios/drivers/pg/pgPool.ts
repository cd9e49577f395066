import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import { isConnectionLost } from '../../../stack/connectionLost.ts';
import type { IterationContext } from '../../engine/journey.ts';

/** How long an iteration may wait for a pooled connection before it fails as pool-timeout, ms. */
export const POOL_WAIT_LIMIT_MS = 10_000;

/** The app's node-postgres pool, sized as the checklist configures it (DB_POOL_MIN/MAX/IDLE_TIMEOUT). */
export function createPool(url: string, pool: ResolvedConfig['pool'], overrides: { max?: number; options?: string } = {}): pg.Pool {
  const created = new pg.Pool({
    connectionString: url,
    min: pool.min,
    max: overrides.max ?? pool.max,
    idleTimeoutMillis: pool.idleTimeoutMs,
    connectionTimeoutMillis: POOL_WAIT_LIMIT_MS,
    application_name: 'gomflow-load:scenario',
    ...(overrides.options ? { options: overrides.options } : {}),
  });
  // An idle pooled client whose server goes away emits 'error' on the pool; the next checkout reports it.
  created.on('error', () => undefined);
  // A checked-out client whose connection drops between two statements emits 'error' itself;
  // the iteration's next query fails and is counted, so the event must not crash the process.
  created.on('connect', (client) => client.on('error', () => undefined));
  return created;
}

/**
 * Checks a client out (recording how long that took in the iteration context, also when it
 * fails), runs the work, and gives the client back — destroyed when its connection broke, so
 * the pool does not hand a dead connection to the next iteration.
 */
export async function withPooled<T>(pool: pg.Pool, context: IterationContext, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const asked = performance.now();
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } finally {
    context.poolWaitsMs.push(performance.now() - asked);
  }
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    if (isConnectionLost(error)) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Opens `count` pooled connections before the clock starts: the app's pool is running when a drop opens. */
export async function warmPool(pool: pg.Pool, count: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  for (const client of clients) client.release();
}
