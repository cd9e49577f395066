/**
 * PostgREST's error body `{code, message, details, hint}` with the HTTP status it answers
 * with. Codes, messages and statuses as PGR `src/PostgREST/Error.hs` has them.
 */
export class PgrstError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly hint: unknown;

  constructor(status: number, code: string, message: string, details: unknown = null, hint: unknown = null) {
    super(message);
    this.name = 'PgrstError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.hint = hint;
  }

  body(): string {
    return JSON.stringify({ code: this.code, details: this.details, hint: this.hint, message: this.message });
  }
}

/** PGRST100: a query parameter PostgREST's parser rejects; the message names the parameter and where it failed. */
export function queryParamError(what: string, text: string, column: number, details: string): PgrstError {
  return new PgrstError(400, 'PGRST100', `"failed to parse ${what} (${text})" (line 1, column ${column})`, details);
}

export function invalidBody(message: string): PgrstError {
  return new PgrstError(400, 'PGRST102', message);
}

export function notImplemented(details: string): PgrstError {
  return new PgrstError(400, 'PGRST127', 'Feature not implemented', details);
}

export function tableNotFound(schema: string, table: string): PgrstError {
  return new PgrstError(404, 'PGRST205', `Could not find the table '${schema}.${table}' in the schema cache`);
}

export function noRelationship(parent: string, child: string, hint: string | undefined, schema: string): PgrstError {
  const using = hint ? `' using the hint '${hint}` : '';
  return new PgrstError(
    400,
    'PGRST200',
    `Could not find a relationship between '${parent}' and '${child}' in the schema cache`,
    `Searched for a foreign key relationship between '${parent}' and '${child}${using}' in the schema '${schema}', but no matches were found.`,
  );
}

/** 42703 as PostgreSQL raises it for a qualified column reference (PostgREST forwards it with 400). */
export function columnNotFound(table: string, column: string): PgrstError {
  return new PgrstError(400, '42703', `column ${table}.${column} does not exist`);
}

/** PGRST204: a payload or `columns` key that is not a column of the table. */
export function payloadColumnNotFound(table: string, column: string): PgrstError {
  return new PgrstError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

export function singularityError(rows: number): PgrstError {
  return new PgrstError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}

/**
 * The HTTP status of a PostgreSQL error, as PGR `mapSQLtoHTTP`: `authenticated` is whether
 * the request carried a user's JWT (42501 is 403 then, 401 for anon).
 */
export function statusOfSqlState(code: string, message: string, authenticated: boolean): number {
  const exact: Record<string, number> = { '23503': 409, '23505': 409, '25006': 405, '53400': 500, '57P01': 503, P0001: 400, '42883': 404, '42P01': 404, '42P17': 500 };
  if (code === '42501') return authenticated ? 403 : 401;
  if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
  if (code === '22023') return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
  if (exact[code] !== undefined) return exact[code]!;
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500, '3B': 500,
    '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

/** A PostgreSQL error from the pg driver as PostgREST forwards it. */
export function fromDatabaseError(error: { code?: string; message: string; detail?: string; hint?: string }, authenticated: boolean): PgrstError {
  const code = error.code ?? 'PGRSTX00';
  return new PgrstError(statusOfSqlState(code, error.message, authenticated), code, error.message, error.detail ?? null, error.hint ?? null);
}
