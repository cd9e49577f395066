import type pg from 'pg';
import type { CatalogQuery } from '../../../bench/catalogQuery.ts';
import { requestQuery } from '../../../stack/requestContext.ts';
import type { Iterate } from '../../engine/journey.ts';
import { journeyTag } from '../../diagnostics/journeyTag.ts';
import { createPool, withPooled } from './pgPool.ts';

/**
 * The connections scenario's driver: every virtual user is an app instance with a pool of one
 * connection that it opens and keeps (idle connections never time out here), running the
 * journey's statement on it. Its pool wait is then the connect — or the server's refusal —
 * and nothing once the connection is held. Past the server's limit the connect fails with
 * 53300, which the engine counts as too-many-clients; the user tries again after its think time.
 */
export function perVuConnections(url: string, query: CatalogQuery, sessionOptions?: string): { iterate: Iterate; close: () => Promise<void> } {
  const pools = new Map<number, pg.Pool>();
  const poolOf = (vu: number) => {
    let pool = pools.get(vu);
    if (!pool) {
      pool = createPool(url, { min: 0, max: 1, idleTimeoutMs: 0 }, { options: sessionOptions });
      pools.set(vu, pool);
    }
    return pool;
  };
  const iterate: Iterate = (journey, context) =>
    // A PoolClient is a Client as far as the request context is concerned (query on one connection).
    withPooled(poolOf(context.vu ?? 0), context, async (client) => void (await requestQuery(client as unknown as pg.Client, { role: 'service_role', applicationName: journeyTag(journey.name) }, { name: `gl_${query.name}`, text: query.sql }, { readOnly: true })));
  const close = async () => {
    const all = [...pools.values()];
    pools.clear();
    await Promise.all(all.map((pool) => pool.end().catch(() => undefined)));
  };
  return { iterate, close };
}
