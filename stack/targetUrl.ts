import { GomflowError } from '../core/errors.ts';

/** The parts of a PostgreSQL URL we show and compare; never the password. */
export interface ParsedTargetUrl {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** Validates DATABASE_URL; the message never repeats the URL, which may hold a password. */
export function parseTargetUrl(url: string, option = 'DATABASE_URL'): ParsedTargetUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GomflowError('E_CONFIG_INVALID', `${option} is not a valid URL; expected postgresql://user:password@host:5432/database`);
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new GomflowError('E_CONFIG_INVALID', `${option} must start with postgresql:// (got ${parsed.protocol}//); expected postgresql://user:password@host:5432/database`);
  }
  if (!parsed.hostname) {
    throw new GomflowError('E_CONFIG_INVALID', `${option} has no host; expected postgresql://user:password@host:5432/database`);
  }
  const port = parsed.port ? Number(parsed.port) : 5432;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres';
  return { host: parsed.hostname, port, database, user: decodeURIComponent(parsed.username) };
}
