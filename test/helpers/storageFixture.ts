import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createStorageHandler } from '../../stack/storage/createStorageHandler.ts';
import { startTestApi, type LocalApiHarness } from './localApiHarness.ts';
import { seedTiny } from './seedTiny.ts';
import { createTestDatabase, type TestDatabase } from './testCluster.ts';

export interface StorageFixture extends LocalApiHarness {
  db: TestDatabase;
  /** The storage folder of this fixture (a temp folder, removed on close). */
  root: string;
  /** supabase-js with the service_role key, as GOMFLOW's server code uses it. */
  service: SupabaseClient;
  sql: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  /** Every file under the storage folder, temp files included: what a rejection must not leave. */
  files: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** A tiny-seeded database behind the local API with `/storage/v1` over a temp folder. */
export async function openStorageFixture(prefix: string, options: { fileSizeLimit?: number } = {}): Promise<StorageFixture> {
  const db = await createTestDatabase(prefix);
  await seedTiny(db.url, 12);
  const root = await mkdtemp(path.join(tmpdir(), 'gomflow-storage-'));
  const harness = await startTestApi(db.url, { storage: (pool, secret) => createStorageHandler(pool, { root, jwtSecret: secret, log: (line) => process.stderr.write(`${line}\n`), ...options }) });
  return {
    ...harness,
    db,
    root,
    service: harness.client({ key: harness.keys.serviceRoleKey }),
    sql: async (text, values = []) => (await db.client.query(text, values)).rows,
    files: async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)),
    close: async () => {
      await harness.api.close();
      await db.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
