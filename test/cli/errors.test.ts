import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { testDatabaseUrl } from '../helpers/testCluster.ts';

/** Every user mistake ends in exactly one line on stderr, naming the problem, and no stack trace. */
function expectOneLineError(result: CliResult, code: string, exitCode: number, pattern: RegExp): void {
  expect(result.code).toBe(exitCode);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).toContain(`[${code}]`);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

function listen(onConnection: (socket: net.Socket) => void): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

/**
 * A loopback port that refuses connections for as long as the returned socket is open. The
 * port is the local end of a connection to `server`: it stays bound, so neither another
 * process nor a port-0 listen can take it (a closed listener's port could be handed out again
 * before the test connects), and with nothing listening on it the kernel answers a connect
 * with a reset, ECONNREFUSED.
 */
function heldRefusingPort(server: net.Server): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(portOf(server), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('CLI errors', () => {
  let notPostgres: net.Server;
  let silent: net.Server;
  const sockets: net.Socket[] = [];

  beforeAll(async () => {
    // Something that is not PostgreSQL: answers the startup packet like an HTTP server.
    notPostgres = await listen((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    // A host that accepts connections and never answers.
    silent = await listen((socket) => sockets.push(socket));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all([notPostgres, silent].map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const remote = (url: string, extra: Record<string, string> = {}) => ({ GOMFLOW_TARGET: 'postgres', DATABASE_URL: url, ...extra });

  it('malformed DATABASE_URL: usage error, exit 2', async () => {
    const result = await runCli(['db', 'status'], remote('postgres//user@host/db'));
    expectOneLineError(result, 'E_CONFIG_INVALID', 2, /DATABASE_URL is not a valid URL/);
  });

  it('nothing listening: unreachable, exit 3', async () => {
    const holder = await heldRefusingPort(silent);
    try {
      const result = await runCli(['db', 'status'], remote(`postgresql://u:pw@127.0.0.1:${holder.localPort}/gomflow`));
      expectOneLineError(result, 'E_TARGET_UNREACHABLE', 3, new RegExp(`nothing is listening at 127\\.0\\.0\\.1:${holder.localPort}/gomflow`));
    } finally {
      holder.destroy();
    }
  });

  it('a host that never answers: gives up after the connect timeout instead of hanging', async () => {
    const result = await runCli(['db', 'status', '--config', 'test/fixtures/fast-timeout.config.ts'], remote(`postgresql://u:pw@127.0.0.1:${portOf(silent)}/gomflow`));
    expectOneLineError(result, 'E_TARGET_UNREACHABLE', 3, /no answer from .* within 1 s/);
  });

  it('wrong password: auth error that never shows the password', async () => {
    const url = new URL(testDatabaseUrl('postgres'));
    url.password = 'definitely-wrong-password';
    const result = await runCli(['db', 'status'], remote(url.toString()));
    expectOneLineError(result, 'E_AUTH_FAILED', 3, /rejected the user or password/);
    expect(result.stderr).not.toContain('definitely-wrong-password');
  });

  it('database missing', async () => {
    const result = await runCli(['db', 'status'], remote(testDatabaseUrl('no_such_database')));
    expectOneLineError(result, 'E_DATABASE_MISSING', 3, /no_such_database does not exist/);
  });

  it('something that is not PostgreSQL on that port', async () => {
    const result = await runCli(['db', 'status'], remote(`postgresql://u:pw@127.0.0.1:${portOf(notPostgres)}/gomflow`));
    expectOneLineError(result, 'E_NOT_POSTGRES', 3, /did not answer as PostgreSQL/);
  });

  it('--schema file missing: refused before anything is started or created', async () => {
    const dataDir = `.gomflow/test-never-created-${process.pid}`;
    const result = await runCli(['db', 'up', '--schema', 'no/such/schema.sql'], { GOMFLOW_DATA_DIR: dataDir });
    expectOneLineError(result, 'E_FILE_NOT_FOUND', 2, /schema file no\/such\/schema\.sql does not exist/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a remote target without confirmation: refused, and says how to confirm', async () => {
    const url = new URL(testDatabaseUrl('postgres'));
    const result = await runCli(['db', 'up'], remote(url.toString()));
    expectOneLineError(result, 'E_UNSAFE_TARGET', 2, new RegExp(`--confirm-target 127\\.0\\.0\\.1/postgres`));
    expect(result.stderr).not.toContain(decodeURIComponent(url.password));
  });

  it('an unknown option', async () => {
    const result = await runCli(['db', 'status', '--bogus']);
    expectOneLineError(result, 'E_USAGE', 2, /unknown option --bogus/);
  });

  it('--verbose adds the stack trace', async () => {
    const result = await runCli(['db', 'status', '--verbose'], remote('postgres//user@host/db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
