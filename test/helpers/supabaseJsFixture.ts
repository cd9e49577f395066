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
