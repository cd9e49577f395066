import type { SupabaseClient } from '@supabase/supabase-js';
import { createRestHandler } from '../../stack/rest/createRestHandler.ts';
import { startTestApi, type LocalApiHarness } from './localApiHarness.ts';
import { seedTiny } from './seedTiny.ts';
import { createTestDatabase, type TestDatabase } from './testCluster.ts';

export interface SupabaseJsFixture extends LocalApiHarness {
  db: TestDatabase;
  /** Hand-written SQL as the table owner (RLS off): what the REST answers are compared with. */
  sql: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/** A tiny-seeded test database behind the local API with the real PostgREST layer, for supabase-js over HTTP. */
export async function openSupabaseJsFixture(prefix: string, seed = 12): Promise<SupabaseJsFixture> {
  const db = await createTestDatabase(prefix);
  await seedTiny(db.url, seed);
  const harness = await startTestApi(db.url, { rest: (pool) => createRestHandler(pool, { schemas: ['public'] }) });
  return {
    ...harness,
    db,
    sql: async (text, values = []) => (await db.client.query(text, values)).rows,
    close: async () => {
      await harness.api.close();
      await db.drop();
    },
  };
}

/** The GOM whose order has the most submissions (every launch-mix shape has rows to compare), signed in, beside a service_role client. */
export interface BusiestOrder {
  order: { id: string; currency: string };
  gomId: string;
  gom: SupabaseClient;
  service: SupabaseClient;
}

export async function busiestOrder(f: SupabaseJsFixture): Promise<BusiestOrder> {
  const [top] = await f.sql<{ id: string; user_id: string; currency: string; email: string }>(
    `SELECT o.id, o.user_id, o.currency::text, p.email FROM orders o JOIN profiles p ON p.user_id = o.user_id
      ORDER BY (SELECT count(*) FROM submissions s WHERE s.order_id = o.id) DESC, o.id LIMIT 1`,
  );
  return { order: { id: top!.id, currency: top!.currency }, gomId: top!.user_id, gom: await f.signedIn(top!.email), service: f.client({ key: f.keys.serviceRoleKey }) };
}
