import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GomflowError } from '../../core/errors.ts';
import type { ResolvedConfig } from '../../core/config/configSchema.ts';
import { saveLocalState, type LocalCluster } from '../localPostgres.ts';
import { LOCAL_API_HEADER } from './localApiBanner.ts';

const ENTRY = fileURLToPath(new URL('../../scripts/serveLocalApi.ts', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LocalApiStatus {
  running: boolean;
  /** SUPABASE_URL while it runs. */
  url?: string;
}

/**
 * Whether the API server recorded in the local state runs: its pid is alive and its port
 * answers with the local-stack header. A dead pid, or a live pid that is not our server (the
 * OS reused it), is stale: the record is dropped and nothing is signalled.
 */
export async function localApiStatus(cluster: LocalCluster): Promise<LocalApiStatus> {
  const api = cluster.state.api;
  if (!api?.pid) return { running: false };
  const url = `http://127.0.0.1:${api.port}`;
  if (isAlive(api.pid) && (await answersAsLocalApi(url))) return { running: true, url };
  delete api.pid;
  await saveLocalState(cluster);
  return { running: false };
}

/**
 * Starts the API server as a detached process that outlives the command, like the PostgreSQL
 * server; a no-op when it already runs. Its pid and port go into the local state, its output
 * into a log file beside it.
 */
export async function ensureLocalApi(cluster: LocalCluster, databaseUrl: string, pool: ResolvedConfig['pool']): Promise<LocalApiStatus & { started: boolean }> {
  const status = await localApiStatus(cluster);
  if (status.running) return { ...status, started: false };
  const logPath = cluster.state.api?.logPath ?? cluster.statePath.replace(/\.json$/, '-api.log');
  const logFd = openSync(logPath, 'a', 0o600);
  try {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ENTRY], {
      detached: true,
      stdio: ['ignore', logFd, logFd, 'ipc'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        GOMFLOW_API_DATABASE_URL: databaseUrl,
        GOMFLOW_API_JWT_SECRET: cluster.state.jwtSecret,
        GOMFLOW_API_PORT: String(cluster.state.api?.port ?? 0),
        GOMFLOW_API_POOL: JSON.stringify(pool),
        // Object bytes beside the cluster's data directory, never inside it.
        GOMFLOW_API_STORAGE_DIR: cluster.statePath.replace(/\.json$/, '-storage'),
        ...(process.env.GOMFLOW_STORAGE_FILE_SIZE_LIMIT ? { GOMFLOW_STORAGE_FILE_SIZE_LIMIT: process.env.GOMFLOW_STORAGE_FILE_SIZE_LIMIT } : {}),
        // Off unless set: GoTrue's per-IP limit on /auth/v1/token, to rehearse sign-in pacing locally.
        ...(process.env.GOMFLOW_AUTH_RATE_LIMIT_TOKEN ? { GOMFLOW_AUTH_RATE_LIMIT_TOKEN: process.env.GOMFLOW_AUTH_RATE_LIMIT_TOKEN } : {}),
      },
    });
    const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as { url: string; port: number });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`it exited with code ${code}`));
      });
    }).catch((error: Error) => {
      child.kill('SIGKILL');
      throw new GomflowError('E_LOCAL_STACK', `the local API server did not start (${error.message}): ${lastLogLine(logPath)}; see ${logPath}`);
    });
    child.unref();
    if (child.connected) child.disconnect();
    cluster.state.api = { port: ready.port, pid: child.pid!, logPath };
    await saveLocalState(cluster);
    return { running: true, url: ready.url, started: true };
  } finally {
    closeSync(logFd);
  }
}

/** Stops the recorded API server (SIGTERM, then SIGKILL after 5 s); false when none was running. */
export async function stopLocalApi(cluster: LocalCluster): Promise<boolean> {
  const status = await localApiStatus(cluster);
  const pid = cluster.state.api?.pid;
  if (!status.running || !pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  delete cluster.state.api!.pid;
  await saveLocalState(cluster);
  return true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process, so not the server we started either.
    return false;
  }
}

async function answersAsLocalApi(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.headers.has(LOCAL_API_HEADER);
  } catch {
    return false;
  }
}

function lastLogLine(logPath: string): string {
  const lines = readFileSync(logPath, 'utf8').trim().split('\n');
  return lines[lines.length - 1] ?? 'no log output';
}
