import pg from 'pg';
import type { CatalogQuery } from '../../../bench/catalogQuery.ts';
import { withRequestContext } from '../../../stack/requestContext.ts';
import type { Iterate } from '../../engine/journey.ts';

/**
 * The connections scenario's driver: every virtual user opens and holds a connection of its
 * own (the app without a pool, or many app instances each with theirs), runs the journey's
 * statement on it, and keeps it. Past the server's limit the connect fails with 53300, which
 * the engine counts as too-many-clients; the user tries again after its think time.
 */
export function perVuConnections(url: string, query: CatalogQuery): { iterate: Iterate; close: () => Promise<void> } {
  const clients = new Map<number, pg.Client>();
  const iterate: Iterate = async (_journey, context) => {
    const vu = context.vu ?? 0;
    let client = clients.get(vu);
    if (!client) {
      const fresh = new pg.Client({ connectionString: url, application_name: 'gomflow-load:scenario', connectionTimeoutMillis: 10_000 });
      fresh.on('error', () => undefined);
      try {
        await fresh.connect();
      } catch (error) {
        await fresh.end().catch(() => undefined);
        throw error;
      }
      clients.set(vu, fresh);
      client = fresh;
    }
    try {
      await withRequestContext(client, { role: 'service_role' }, (c) => c.query({ name: `gl_${query.name}`, text: query.sql }));
    } catch (error) {
      // A broken connection is dropped so the user reconnects; a failed statement keeps it.
      if (!(error as { code?: string }).code?.match(/^[0-9A-Z]{5}$/)) {
        clients.delete(vu);
        await client.end().catch(() => undefined);
      }
      throw error;
    }
  };
  const close = async () => {
    const all = [...clients.values()];
    clients.clear();
    await Promise.all(all.map((client) => client.end().catch(() => undefined)));
  };
  return { iterate, close };
}
