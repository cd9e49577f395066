import type pg from 'pg';
import type { ResolvedConfig, TargetKind } from '../core/config/configSchema.ts';
import { GomflowError } from '../core/errors.ts';
import { connectClient } from './connect.ts';
import { ensureLocalCluster, isLocalRunning, localUrl, startLocal, stopLocal, type LocalCluster } from './localPostgres.ts';
import { parseTargetUrl } from './targetUrl.ts';

/** A resolved target: how to reach it and how to name it without its secrets. */
export interface Target {
  kind: TargetKind;
  /** Connection URL including the password: pass it to a driver, never print it. */
  url: string;
  host: string;
  port: number;
  database: string;
  /** host:port/database, safe to print. */
  where: string;
  connectTimeoutMs: number;
  /** Host of SUPABASE_URL, on a supabase target: a production guard matches it too. */
  apiHost?: string;
  /** The embedded cluster, for the local target only. */
  local?: LocalCluster;
}

export async function resolveTarget(config: ResolvedConfig, cwd: string): Promise<Target> {
  if (config.target === 'local') {
    const local = await ensureLocalCluster(config.local.dataDir, cwd, config.local.port);
    return describe('local', localUrl(local, config.local.database), config.connectTimeoutMs, local);
  }
  if (!config.databaseUrl) {
    throw new GomflowError('E_CONFIG_INVALID', `target ${config.target} needs DATABASE_URL; set it in the environment or .env (postgresql://user:password@host:5432/database)`);
  }
  if (config.target === 'supabase' && !config.supabase.url) {
    throw new GomflowError('E_CONFIG_INVALID', 'target supabase needs SUPABASE_URL (https://<project-ref>.supabase.co); set it in the environment or .env');
  }
  const target = describe(config.target, config.databaseUrl, config.connectTimeoutMs);
  return config.target === 'supabase' && config.supabase.url ? { ...target, apiHost: new URL(config.supabase.url).hostname } : target;
}

function describe(kind: TargetKind, url: string, connectTimeoutMs: number, local?: LocalCluster): Target {
  const { host, port, database } = parseTargetUrl(url);
  const where = `${host}:${port}/${database}`;
  return { kind, url, host, port, database, where, connectTimeoutMs, ...(local ? { local } : {}) };
}

/** What ensureRunning did, so a command can undo exactly that. */
export interface RunningTarget {
  /** True when this call started the local server. */
  started: boolean;
  /** Stops the server again if this call started it; otherwise does nothing. */
  release: () => Promise<void>;
}

/**
 * Makes sure the target can be reached. A local server that was down is started, and
 * release() stops it again, so a command leaves the machine as it found it.
 */
export async function ensureRunning(target: Target): Promise<RunningTarget> {
  const local = target.local;
  if (!local || (await isLocalRunning(local))) return { started: false, release: async () => undefined };
  await startLocal(local);
  Object.assign(target, describe(target.kind, localUrl(local, target.database), target.connectTimeoutMs, local));
  return { started: true, release: () => stopLocal(local) };
}

export function connectTarget(target: Target, database = target.database): Promise<pg.Client> {
  return connectClient({ url: target.url, database, timeoutMs: target.connectTimeoutMs, where: `${target.host}:${target.port}/${database}` });
}

/**
 * Creates the local target's database when it is missing, after dropping it first with
 * `recreate` (local only: remote databases are the user's).
 */
export async function ensureLocalDatabase(target: Target, recreate = false): Promise<void> {
  if (target.kind !== 'local') return;
  const admin = await connectTarget(target, 'postgres');
  try {
    if (recreate) await admin.query(`DROP DATABASE IF EXISTS "${target.database}" WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${target.database}"`);
  } finally {
    await admin.end();
  }
}
