import type pg from 'pg';
import { parse, toClientConfig, type ConnectionOptions } from 'pg-connection-string';
import { GomflowError } from '../core/errors.ts';
import { scrubSecrets } from '../core/redact.ts';
import { parseKeyValueConninfo } from './parseKeyValueConninfo.ts';

/** The parts of a PostgreSQL connection string we show and compare; never the password. */
export interface ParsedTargetUrl {
  host: string;
  port: number;
  database: string;
  user: string;
}

const EXPECTED = 'expected postgresql://user:password@host:5432/database or host=… port=… dbname=… user=…';

/**
 * Validates DATABASE_URL in both forms libpq accepts: a URL (with `?host=/socket/dir`,
 * `?password=`, `?sslmode=` …) or key=value pairs. Messages never repeat the string, which may
 * hold a password.
 */
export function parseTargetUrl(url: string, option = 'DATABASE_URL'): ParsedTargetUrl {
  const config = clientConfigOf(url, option);
  if (!config.host) throw new GomflowError('E_CONFIG_INVALID', `${option} has no host; ${EXPECTED}`);
  const port = config.port ?? 5432;
  // 0 is the local target's port before its first start picks a free one.
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new GomflowError('E_CONFIG_INVALID', `${option} has an invalid port; ${EXPECTED}`);
  }
  const user = config.user ?? '';
  // libpq's default database is the user's name.
  return { host: config.host, port, database: config.database || user || 'postgres', user };
}

/** What pg.Client needs to connect, password included: hand it to the driver, never print it. */
export function clientConfigOf(url: string, option = 'DATABASE_URL'): pg.ClientConfig {
  try {
    return toClientConfig(readConnectionString(url.trim(), option));
  } catch (error) {
    if (error instanceof GomflowError) throw error;
    // pg-connection-string's own errors can quote the string; ours names the option only.
    throw new GomflowError('E_CONFIG_INVALID', `${option} is not a valid URL or key=value connection string; ${EXPECTED}`);
  }
}

/** The connection string as given, with its password hidden in whichever form it came. */
export function redactConnectionString(url: string): string {
  let password: string | undefined;
  try {
    const config = clientConfigOf(url);
    if (typeof config.password === 'string') password = config.password;
  } catch {
    // Not parseable: the patterns alone still hide user info, ?password= and password=.
  }
  return scrubSecrets(url, [password]);
}

function readConnectionString(text: string, option: string): ConnectionOptions {
  if (/^postgres(ql)?:\/\//i.test(text)) return parse(text);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (scheme) throw new GomflowError('E_CONFIG_INVALID', `${option} must start with postgresql:// (got ${scheme}://); ${EXPECTED}`);
  const pairs = parseKeyValueConninfo(text);
  if (!pairs) throw new GomflowError('E_CONFIG_INVALID', `${option} is not a valid URL or key=value connection string; ${EXPECTED}`);
  // Everything but dbname goes through pg-connection-string as query parameters, so sslmode and
  // friends mean what they mean in a URL; dbname is set afterwards, exactly as written.
  const { dbname, ...rest } = pairs;
  const config = parse(`postgresql://?${new URLSearchParams(rest).toString()}`);
  config.database = dbname ?? null;
  return config;
}
