import pg from 'pg';
import { createRestHandler, type ReloadableRestHandler } from '../../stack/rest/createRestHandler.ts';
import type { RestRequest, RestResponse } from '../../stack/rest/restTypes.ts';
import type { ApiRole } from '../../stack/requestContext.ts';
import { seedTiny } from './seedTiny.ts';
import { createTestDatabase, type TestDatabase } from './testCluster.ts';

export interface RestCall {
  role?: ApiRole;
  sub?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RestFixture {
  db: TestDatabase;
  handler: ReloadableRestHandler;
  /** `GET /orders?select=…`: the path with its query string, as supabase-js would send it. */
  call: (method: RestRequest['method'], pathAndQuery: string, options?: RestCall) => Promise<RestResponse & { json: unknown }>;
  close: () => Promise<void>;
}

/** A seeded (tiny) test database with the REST handler over a small pool, called directly. */
export async function openRestFixture(prefix: string, seed = 12): Promise<RestFixture> {
  const db = await createTestDatabase(prefix);
  await seedTiny(db.url, seed);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const handler = await createRestHandler(pool, { schemas: ['public'] });
  return {
    db,
    handler,
    call: async (method, pathAndQuery, options = {}) => {
      const [path, query = ''] = pathAndQuery.split('?');
      const response = await handler({
        method,
        path: path!,
        query: new URLSearchParams(query),
        headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        body: options.body,
        auth: { role: options.role ?? 'service_role', sub: options.sub },
      });
      return { ...response, json: response.body ? JSON.parse(response.body) : undefined };
    },
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}
