import pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { printableLine } from '../core/printableLine.ts';
import { scrubSecrets } from '../core/redact.ts';
import { clientConfigOf } from './targetUrl.ts';

export interface ConnectOptions {
  /** A connection string in either form libpq accepts (URL or key=value). */
  url: string;
  /** Connect to this database instead of the one the string names. */
  database?: string;
  /** Give up after this many ms: an unreachable host must never hang a command. */
  timeoutMs: number;
  /** Printed instead of the URL in messages (host:port/database, no password). */
  where: string;
}

/** Opens one client and turns every way connecting can fail into a one-line GomflowError. */
export async function connectClient({ url, database, timeoutMs, where }: ConnectOptions): Promise<pg.Client> {
  // Parsed here rather than handed over as connectionString: pg reads URLs only, not key=value.
  const config = clientConfigOf(url);
  const client = new pg.Client({
    ...config,
    ...(database ? { database } : {}),
    connectionTimeoutMillis: timeoutMs,
    application_name: 'gomflow-load',
  });
  // An idle client whose server goes away emits 'error'; without a listener Node would crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeConnectError(error, where, timeoutMs, typeof config.password === 'string' ? config.password : undefined);
  }
  return client;
}

function describeConnectError(error: unknown, where: string, timeoutMs: number, password: string | undefined): GomflowError {
  const err = error as { code?: string; message?: string };
  const message = printableLine(scrubSecrets(err.message ?? String(error), [password]));
  const make = (code: ConstructorParameters<typeof GomflowError>[0], text: string) => new GomflowError(code, text, { cause: error });
  switch (err.code) {
    case 'ECONNREFUSED':
      return make('E_TARGET_UNREACHABLE', `nothing is listening at ${where}; start the server or fix the host and port in DATABASE_URL`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return make('E_TARGET_UNREACHABLE', `cannot resolve the host of ${where}; check the host name in DATABASE_URL`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return make('E_TARGET_UNREACHABLE', `no route to ${where}; check the host in DATABASE_URL and your network`);
    case '28P01':
    case '28000':
      return make('E_AUTH_FAILED', `the server at ${where} rejected the user or password; check the credentials in DATABASE_URL`);
    case '3D000':
      return make('E_DATABASE_MISSING', `the database ${where} does not exist; create it or fix the database name in DATABASE_URL`);
  }
  if (/timeout/i.test(message)) {
    return make('E_TARGET_UNREACHABLE', `no answer from ${where} within ${Math.round(timeoutMs / 1000)} s; check the host, port and firewall`);
  }
  if (/terminated unexpectedly|ECONNRESET|unexpected|protocol|Unknown message|Received unexpected/i.test(message)) {
    return make('E_NOT_POSTGRES', `the server at ${where} did not answer as PostgreSQL; check the port in DATABASE_URL`);
  }
  return make('E_TARGET_UNREACHABLE', `cannot connect to ${where}: ${message}`);
}
