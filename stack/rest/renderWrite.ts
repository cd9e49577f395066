import pg from 'pg';
import type { Preferences } from './parsePrefer.ts';
import { invalidBody, payloadColumnNotFound, PgrstError } from './pgrstError.ts';
import { renderCondition } from './renderCondition.ts';
import type { LogicTree } from './queryTypes.ts';
import type { CachedTable } from './schemaCache.ts';
import { ident, qualified, type SqlParams } from './sqlText.ts';

export interface WriteRequest {
  method: 'POST' | 'PATCH' | 'DELETE';
  table: CachedTable;
  body: unknown;
  /** The root's filters (PATCH, DELETE). */
  filters: LogicTree[];
  columns?: string[];
  onConflict?: string[];
  prefer: Preferences;
  /** `*` for a representation, the primary key for `Location`, nothing for minimal (`RETURNING 1`). */
  returning: 'row' | 'key' | 'none';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The DML of `pgrst_source`, as PostgREST writes it: the JSON body is one parameter, spread
 * into rows by jsonb_populate_record against the table's own row type, so the database
 * does every conversion and the body never becomes SQL text.
 */
export function renderWrite(request: WriteRequest, params: SqlParams): string {
  const { table } = request;
  const target = qualified(table.schema, table.name);
  const returning = request.returning === 'row' ? `RETURNING ${target}.*` : request.returning === 'key' && table.primaryKey.length
    ? `RETURNING ${table.primaryKey.map((column) => `${target}.${ident(column)}`).join(', ')}`
    : 'RETURNING 1';
  if (request.method === 'DELETE') return `DELETE FROM ${target}${where(target, request.filters, params)} ${returning}`;

  if (request.method === 'PATCH') {
    if (!isObject(request.body)) throw invalidBody('Empty or invalid json');
    const columns = checkedColumns(table, Object.keys(request.body));
    if (columns.length === 0) return `SELECT ${target}.* FROM ${target} WHERE false`;
    const set = columns.map((column) => `${ident(column)} = pgrst_body.${ident(column)}`).join(', ');
    return `UPDATE ${target} SET ${set} FROM (SELECT * FROM jsonb_populate_record(NULL::${target}, ${params.add(JSON.stringify(request.body))}::jsonb)) AS pgrst_body${where(target, request.filters, params)} ${returning}`;
  }

  const rows = Array.isArray(request.body) ? request.body : [request.body];
  if (!rows.every(isObject)) throw invalidBody('Empty or invalid json');
  const keys = request.columns ?? Object.keys(rows[0] ?? {});
  if (!request.columns && rows.some((row) => !sameKeys(Object.keys(row), keys))) throw invalidBody('All object keys must match');
  const columns = checkedColumns(table, keys);
  // missing=default: a key absent from an object takes the column's default, as PostgREST does.
  const value = (column: string) => {
    const plain = `pgrst_body.${ident(column)}`;
    if (request.prefer.missing !== 'default') return plain;
    return `CASE WHEN pgrst_json.obj ? ${pg.escapeLiteral(column)} THEN ${plain} ELSE ${table.columns.get(column)!.defaultExpr ?? 'NULL'} END`;
  };
  let sql = `INSERT INTO ${target}(${columns.map(ident).join(', ')}) SELECT ${columns.map(value).join(', ') || 'NULL'}`
    + ` FROM jsonb_array_elements(${params.add(JSON.stringify(rows))}::jsonb) AS pgrst_json(obj), LATERAL jsonb_populate_record(NULL::${target}, pgrst_json.obj) AS pgrst_body`;
  if (request.prefer.resolution) {
    const conflict = checkedColumns(table, request.onConflict ?? table.primaryKey);
    if (conflict.length === 0) throw new PgrstError(400, 'PGRST100', 'on_conflict is required for a table without a primary key');
    const updates = columns.filter((column) => !conflict.includes(column));
    sql += request.prefer.resolution === 'ignore-duplicates' || updates.length === 0
      ? ` ON CONFLICT (${conflict.map(ident).join(', ')}) DO NOTHING`
      : ` ON CONFLICT (${conflict.map(ident).join(', ')}) DO UPDATE SET ${updates.map((column) => `${ident(column)} = EXCLUDED.${ident(column)}`).join(', ')}`;
  }
  return `${sql} ${returning}`;
}

function where(target: string, filters: LogicTree[], params: SqlParams): string {
  return filters.length ? ` WHERE ${filters.map((tree) => renderCondition(target, tree, params)).join(' AND ')}` : '';
}

function checkedColumns(table: CachedTable, names: string[]): string[] {
  for (const name of names) if (!table.columns.has(name)) throw payloadColumnNotFound(table.name, name);
  return names;
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key));
}
