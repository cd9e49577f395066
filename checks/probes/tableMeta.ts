import type { CheckContext } from '../checkTypes.ts';
import { checkSql, ident, qualified } from '../sqlText.ts';

export interface ColumnMeta {
  name: string;
  /** format_type() output. */
  type: string;
  /** pg_type.typcategory: N numeric, S string, B boolean, D date/time, A array, E enum, U other (uuid, json, inet). */
  category: string;
  notNull: boolean;
  hasDefault: boolean;
  insertable: boolean;
  maxLength: number | null;
  enumLabels: string[] | null;
  checkValues: string[] | null;
}

export interface ForeignKeyMeta {
  column: string;
  parentSchema: string;
  parentTable: string;
  parentColumn: string;
}

export interface TableMeta {
  schema: string;
  table: string;
  /** schema.table, quoted as needed. */
  sql: string;
  /** schema.table as people read it. */
  name: string;
  rls: boolean;
  columns: ColumnMeta[];
  primaryKey: string[];
  uniqueKeys: string[][];
  foreignKeys: ForeignKeyMeta[];
  /**
   * How a row leads to the user who owns it: foreign-key steps ending at profiles.user_id (or
   * auth.users.id). Empty for profiles itself (its key is the user id); null when no user owns it.
   */
  ownerPath: ForeignKeyMeta[] | null;
}

interface MetaRow {
  schema: string;
  table: string;
  rls: boolean;
  columns: ColumnMeta[];
  primary_key: string[] | null;
  unique_keys: string[][] | null;
  foreign_keys: ForeignKeyMeta[] | null;
}

/** Tables of public (plus storage.objects and auth.users) by `schema.table`. */
export function loadTableMeta(ctx: CheckContext): Promise<Map<string, TableMeta>> {
  return ctx.memo('tableMeta', async () => {
    const { rows } = await ctx.client.query<MetaRow>(checkSql('probe-tables'));
    const tables = new Map<string, TableMeta>();
    for (const row of rows) {
      tables.set(`${row.schema}.${row.table}`, {
        schema: row.schema,
        table: row.table,
        sql: qualified(row.schema, row.table),
        name: `${row.schema}.${row.table}`,
        rls: row.rls,
        columns: row.columns,
        primaryKey: row.primary_key ?? [],
        uniqueKeys: row.unique_keys ?? [],
        foreignKeys: row.foreign_keys ?? [],
        ownerPath: null,
      });
    }
    for (const meta of tables.values()) meta.ownerPath = ownerPath(meta, tables);
    return tables;
  });
}

const USER_TABLES = new Set(['public.profiles', 'auth.users']);

/** Shortest chain of foreign keys from a table to the user who owns its rows (breadth first). */
function ownerPath(meta: TableMeta, tables: Map<string, TableMeta>): ForeignKeyMeta[] | null {
  if (meta.name === 'public.profiles') return [];
  if (meta.schema !== 'public') return null;
  const queue: { table: TableMeta; path: ForeignKeyMeta[] }[] = [{ table: meta, path: [] }];
  const seen = new Set([meta.name]);
  while (queue.length > 0) {
    const { table, path } = queue.shift()!;
    for (const fk of table.foreignKeys) {
      const parent = `${fk.parentSchema}.${fk.parentTable}`;
      if (USER_TABLES.has(parent)) return [...path, fk];
      const next = tables.get(parent);
      if (next && !seen.has(parent)) {
        seen.add(parent);
        queue.push({ table: next, path: [...path, fk] });
      }
    }
  }
  return null;
}

/**
 * SQL condition "this row belongs to the user $n", run as the owner (it reads parent tables, which
 * RLS would hide from a probing persona): `user_id = $1`, or `order_id IN (SELECT id FROM orders WHERE user_id = $1)`.
 */
export function ownedBy(meta: TableMeta, param: string, tables: Map<string, TableMeta>): string | null {
  if (meta.ownerPath === null) return null;
  if (meta.ownerPath.length === 0) return `${ident(meta.primaryKey[0] ?? 'user_id')} = ${param}`;
  const [first, ...rest] = meta.ownerPath;
  if (rest.length === 0) return `${ident(first!.column)} = ${param}`;
  const parent = tables.get(`${first!.parentSchema}.${first!.parentTable}`)!;
  const inner = ownedBy({ ...parent, ownerPath: rest }, param, tables);
  return `${ident(first!.column)} IN (SELECT ${ident(first!.parentColumn)} FROM ${parent.sql} WHERE ${inner})`;
}

/** The public tables a probe can address row by row: those with a single-column primary key. */
export async function probeableTables(ctx: CheckContext): Promise<TableMeta[]> {
  return [...(await loadTableMeta(ctx)).values()].filter((t) => t.schema === 'public' && t.primaryKey.length === 1);
}
