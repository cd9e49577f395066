import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { spawnLocalApi } from '../../../scripts/bench/spawnLocalApi.ts';
import { generateJwtSecret } from '../../../stack/auth/jwtKey.ts';
import { mintApiKeys } from '../../../stack/auth/mintApiKeys.ts';
import { seedTiny } from '../seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../testCluster.ts';

export interface SpawnedStack {
  db: TestDatabase;
  /** What a k6 run gets in its environment: the target, its keys and the seeded users' password. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * A tiny-seeded test database behind the local API in a child process, /storage/v1 on: k6's
 * calls block (setup's http.get, sleep), which would stall a server in the test's own process.
 */
export async function openSpawnedStack(prefix: string, seed = 12): Promise<SpawnedStack> {
  const db = await createTestDatabase(prefix);
  await seedTiny(db.url, seed);
  const secret = generateJwtSecret();
  const keys = await mintApiKeys(secret, Math.floor(Date.now() / 1000));
  const storageDir = mkdtempSync(path.join(tmpdir(), 'gomflow-k6storage-'));
  const api = await spawnLocalApi(db.url, secret, { min: 0, max: 4, idleTimeoutMs: 1000 }, { GOMFLOW_API_STORAGE_DIR: storageDir }).catch(async (error: unknown) => {
    rmSync(storageDir, { recursive: true, force: true });
    await db.drop();
    throw error;
  });
  return {
    db,
    env: { SUPABASE_URL: api.url, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey, GOMFLOW_USER_PASSWORD: SEED_PASSWORD },
    close: async () => {
      await api.stop();
      await db.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
