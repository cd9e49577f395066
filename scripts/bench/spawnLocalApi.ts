import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../../core/config/configSchema.ts';

const ENTRY = fileURLToPath(new URL('../serveLocalApi.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// vitest's module runner has no import.meta.resolve; the bare name resolves from ROOT there.
const TSX = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx') : 'tsx';

/**
 * The local API server in a child process of its own over `databaseUrl`, as `db up` runs it
 * (its own event loop, not the load generator's), but not recorded in the local state: a
 * benchmark's server on a scratch database must not replace the developer's. stop() ends it.
 * `extraEnv` adds serveLocalApi's options (GOMFLOW_API_STORAGE_DIR turns /storage/v1 on).
 */
export async function spawnLocalApi(databaseUrl: string, jwtSecret: string, pool: ResolvedConfig['pool'], extraEnv: Record<string, string> = {}): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GOMFLOW_API_DATABASE_URL: databaseUrl, GOMFLOW_API_JWT_SECRET: jwtSecret, GOMFLOW_API_PORT: '0', GOMFLOW_API_POOL: JSON.stringify(pool), ...extraEnv },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the local API server exited with code ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
