import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { GomflowError } from '../core/errors.ts';
import { generateJwtSecret } from './auth/jwtKey.ts';
import { localServerSettings } from './localServerSettings.ts';
import { resolveServerLayout, writePrivateFile, type ServerLayout } from './serverLayout.ts';

const SUPERUSER = 'postgres';

/** What we remember about a local cluster between commands (the file is mode 0600: it holds the password). */
export interface LocalState {
  port: number;
  user: string;
  password: string;
  /** HS256 secret of the local Supabase-compatible API; state files written before it existed get one on first read. */
  jwtSecret: string;
  /** Unix seconds the anon and service_role keys are issued at, so the same secret always gives the same keys. */
  jwtIssuedAt: number;
  /** The local API server (stack/server): its port is kept between runs, its pid only while it runs. */
  api?: LocalApiState;
}

export interface LocalApiState {
  port: number;
  pid?: number;
  logPath: string;
}

export interface LocalCluster {
  layout: ServerLayout;
  /** Kept beside the requested data directory, in the project's .gomflow/. */
  statePath: string;
  logPath: string;
  state: LocalState;
}

/** Creates the cluster on first use (initdb) and returns where it lives and how to reach it. */
export async function ensureLocalCluster(dataDirOption: string, cwd: string, preferredPort: number): Promise<LocalCluster> {
  const requestedDataDir = path.resolve(cwd, dataDirOption);
  const statePath = `${requestedDataDir}.json`;
  const layout = await resolveServerLayout(requestedDataDir);
  const logPath = path.join(layout.dataDir, 'server.log');
  if (!existsSync(path.join(layout.dataDir, 'PG_VERSION'))) {
    const state: LocalState = { port: preferredPort, user: SUPERUSER, password: randomBytes(18).toString('base64url'), ...newJwtState() };
    await initialiseCluster(layout, state);
    await mkdir(path.dirname(statePath), { recursive: true });
    await writeState(statePath, state);
    return { layout, statePath, logPath, state };
  }
  if (!existsSync(statePath)) {
    throw new GomflowError(
      'E_LOCAL_STACK',
      `the local cluster of ${dataDirOption} has no ${path.basename(statePath)} (its password is unknown); stop it and delete ${layout.dataDir} to start over`,
    );
  }
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as LocalState;
  if (!state.jwtSecret) {
    Object.assign(state, newJwtState());
    await writeState(statePath, state);
  }
  if (preferredPort !== 0) state.port = preferredPort;
  return { layout, statePath, logPath, state };
}

function newJwtState(): Pick<LocalState, 'jwtSecret' | 'jwtIssuedAt'> {
  return { jwtSecret: generateJwtSecret(), jwtIssuedAt: Math.floor(Date.now() / 1000) };
}

/** Writes the cluster's state back (mode 0600), after a change such as the API server's pid. */
export function saveLocalState(cluster: LocalCluster): Promise<void> {
  return writeState(cluster.statePath, cluster.state);
}

async function initialiseCluster(layout: ServerLayout, state: LocalState): Promise<void> {
  const { dataDir, runAs } = layout;
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  const pwfile = `${dataDir}.pwfile`;
  await writePrivateFile(pwfile, `${state.password}\n`, runAs);
  try {
    const result = await runServerBinary(layout, 'initdb', [
      `--pgdata=${dataDir}`,
      '--auth=scram-sha-256',
      `--username=${state.user}`,
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
    ]);
    if (result.code !== 0) {
      const detail = result.output.split('\n').find((line) => /error|fatal/i.test(line)) ?? result.output.trim().split('\n').pop();
      await rm(dataDir, { recursive: true, force: true });
      throw new GomflowError('E_LOCAL_STACK', `initdb failed in ${dataDir}: ${detail?.trim() ?? 'unknown reason'}`);
    }
  } finally {
    await rm(pwfile, { force: true });
  }
}

async function writeState(statePath: string, state: LocalState): Promise<void> {
  await writeFile(statePath, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(statePath, 0o600);
}

/** True when a postmaster is running on this data directory. */
export async function isLocalRunning(cluster: LocalCluster): Promise<boolean> {
  const result = await runServerBinary(cluster.layout, 'pg_ctl', ['status', '-D', cluster.layout.dataDir]);
  return result.code === 0;
}

/** Starts the server in the background (it outlives this process until `db down`). */
export async function startLocal(cluster: LocalCluster): Promise<void> {
  if (cluster.state.port === 0 || !(await isPortFree(cluster.state.port))) {
    cluster.state.port = await findFreePort();
    await writeState(cluster.statePath, cluster.state);
  }
  const options = Object.entries(localServerSettings(cluster.state.port))
    .map(([name, value]) => `-c ${name}=${shellQuote(value)}`)
    .join(' ');
  const result = await runServerBinary(cluster.layout, 'pg_ctl', ['start', '-w', '-t', '60', '-D', cluster.layout.dataDir, '-l', cluster.logPath, '-o', options]);
  if (result.code !== 0) {
    throw new GomflowError('E_LOCAL_STACK', `the local PostgreSQL did not start: ${await firstServerError(cluster.logPath, result.output)}`);
  }
}

/** Stops the server (fast mode: running transactions are rolled back). */
export async function stopLocal(cluster: LocalCluster): Promise<void> {
  const result = await runServerBinary(cluster.layout, 'pg_ctl', ['stop', '-w', '-t', '60', '-m', 'fast', '-D', cluster.layout.dataDir]);
  if (result.code !== 0 && (await isLocalRunning(cluster))) {
    throw new GomflowError('E_LOCAL_STACK', `the local PostgreSQL did not stop: ${result.output.trim().split('\n')[0]}`);
  }
}

export function localUrl(cluster: LocalCluster, database: string): string {
  const { user, password, port } = cluster.state;
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function firstServerError(logPath: string, fallback: string): Promise<string> {
  const log = await readFile(logPath, 'utf8').catch(() => '');
  const line = log.split('\n').reverse().find((entry) => /FATAL|PANIC|ERROR/.test(entry));
  return (line ?? fallback.trim().split('\n').pop() ?? 'unknown reason').trim();
}

interface BinaryResult {
  code: number;
  output: string;
}

async function runServerBinary(layout: ServerLayout, name: 'initdb' | 'pg_ctl', args: string[]): Promise<BinaryResult> {
  return new Promise((resolve, reject) => {
    // pg_ctl daemonizes the server; we only wait for the binary itself, with its output captured.
    const child = spawn(path.join(layout.binDir, name), args, { ...(layout.runAs ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new GomflowError('E_LOCAL_STACK', `cannot run ${name}: ${error.message}`, { cause: error })));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
