import { randomUUID } from 'node:crypto';
import type { CheckContext } from '../checkTypes.ts';
import { ident } from '../sqlText.ts';
import type { ProbeSession } from './probeSession.ts';
import { loadTableMeta, ownedBy, type ColumnMeta, type TableMeta } from './tableMeta.ts';

export type Row = Record<string, unknown>;

/** A value that satisfies the column's type and its one-column CHECK (the first listed value). */
function valueFor(column: ColumnMeta): unknown {
  const allowed = column.checkValues?.map((c) => /'((?:[^']|'')*)'/.exec(c)?.[1]).find((v) => v !== undefined);
  if (allowed !== undefined) return allowed.replace(/''/g, "'");
  if (column.enumLabels?.length) return column.enumLabels[0];
  if (column.type === 'uuid') return randomUUID();
  switch (column.category) {
    case 'N':
      return 1;
    case 'B':
      return false;
    case 'D':
      return column.type === 'date' ? new Date().toISOString().slice(0, 10) : new Date(Date.now() + 86_400_000).toISOString();
    case 'A':
      return [];
    case 'S':
      return `probe-${randomUUID().slice(0, 8)}`.slice(0, column.maxLength ?? 64);
  }
  if (column.type === 'jsonb' || column.type === 'json') return {};
  if (column.type === 'inet') return '127.0.0.1';
  return null;
}

/** The NOT NULL columns without a default, filled in; the database supplies the rest. */
export function synthesizeRow(meta: TableMeta): Row {
  const row: Row = {};
  for (const column of meta.columns) if (column.insertable && column.notNull && !column.hasDefault) row[column.name] = valueFor(column);
  for (const key of meta.primaryKey) {
    const column = meta.columns.find((c) => c.name === key);
    if (column && !(key in row)) row[key] = valueFor(column);
  }
  return row;
}

/** INSERT of exactly the given columns (the others take their defaults); returns the stored row. */
export async function insertRow(session: ProbeSession, meta: TableMeta, row: Row): Promise<Row> {
  const columns = meta.columns.filter((c) => c.insertable && c.name in row).map((c) => ident(c.name));
  const { rows } = await session.client.query<{ row: Row }>(
    `INSERT INTO ${meta.sql} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_record(NULL::${meta.sql}, $1) RETURNING to_jsonb(${ident(meta.table)}.*) AS row`,
    [JSON.stringify(row)],
  );
  return rows[0]!.row;
}

/** A copy of `template` that can be inserted beside it: a new key, new values in its unique text columns. */
export function freshCopy(meta: TableMeta, template: Row, keep: readonly string[] = []): Row {
  const row: Row = {};
  for (const column of meta.columns) if (column.insertable && template[column.name] !== undefined) row[column.name] = template[column.name];
  const suffix = `-p${randomUUID().slice(0, 6)}`;
  for (const key of meta.primaryKey) {
    const column = meta.columns.find((c) => c.name === key)!;
    if (!keep.includes(key)) row[key] = column.type === 'uuid' ? randomUUID() : `probe-${randomUUID().slice(0, 12)}`;
  }
  for (const unique of meta.uniqueKeys) {
    for (const name of unique) {
      const column = meta.columns.find((c) => c.name === name);
      // A unique foreign key (notification_preferences.user_id) must keep pointing at a real row.
      if (!column || keep.includes(name) || typeof row[name] !== 'string' || meta.foreignKeys.some((fk) => fk.column === name)) continue;
      if (column.type === 'uuid') row[name] = randomUUID();
      else if (column.category === 'S' && !column.checkValues) {
        const text = String(row[name]);
        row[name] = (text.slice(0, Math.max(0, (column.maxLength ?? 200) - suffix.length)) + suffix);
      }
    }
  }
  return row;
}

/**
 * Rows of `table` owned by `userId` (as the owner sees them): the existing ones, or one made
 * now, inside the probe transaction, from a copy of any row of the table (or a synthesized one)
 * re-pointed at the user, creating the parent rows it needs the same way.
 */
export async function ownedRows(ctx: CheckContext, session: ProbeSession, table: string, userId: string, limit = 50): Promise<Row[]> {
  const tables = await loadTableMeta(ctx);
  const meta = tables.get(table)!;
  const where = ownedBy(meta, '$1', tables);
  if (where === null) return [];
  const order = meta.primaryKey.map((key) => `t.${ident(key)}`).join(', ') || '1';
  const { rows } = await session.client.query<{ row: Row }>(`SELECT to_jsonb(t.*) AS row FROM ${meta.sql} t WHERE ${where} ORDER BY ${order} LIMIT ${limit}`, [userId]);
  if (rows.length > 0) return rows.map((r) => r.row);
  const row = await templateRow(session, meta);
  const path = meta.ownerPath!;
  if (path.length === 0) return [];
  const [step] = path;
  if (path.length === 1) row[step!.column] = userId;
  else {
    const [parent] = await ownedRows(ctx, session, `${step!.parentSchema}.${step!.parentTable}`, userId, 1);
    if (!parent) return [];
    row[step!.column] = parent[step!.parentColumn];
  }
  await fillForeignKeys(ctx, session, meta, row, [step!.column]);
  return [await insertRow(session, meta, row)];
}

/** Any one row of the table, made now if the table is empty. */
export async function anyRow(ctx: CheckContext, session: ProbeSession, table: string): Promise<Row> {
  const tables = await loadTableMeta(ctx);
  const meta = tables.get(table)!;
  const { rows } = await session.client.query<{ row: Row }>(`SELECT to_jsonb(t.*) AS row FROM ${meta.sql} t LIMIT 1`);
  if (rows[0]) return rows[0].row;
  const row = synthesizeRow(meta);
  await fillForeignKeys(ctx, session, meta, row, []);
  return insertRow(session, meta, row);
}

async function templateRow(session: ProbeSession, meta: TableMeta): Promise<Row> {
  const { rows } = await session.client.query<{ row: Row }>(`SELECT to_jsonb(t.*) AS row FROM ${meta.sql} t LIMIT 1`);
  return rows[0] ? freshCopy(meta, rows[0].row) : synthesizeRow(meta);
}

/** Points NOT NULL foreign keys still unset (a synthesized row's random uuids) at real parent rows. */
async function fillForeignKeys(ctx: CheckContext, session: ProbeSession, meta: TableMeta, row: Row, done: readonly string[]): Promise<void> {
  for (const fk of meta.foreignKeys) {
    if (done.includes(fk.column)) continue;
    const column = meta.columns.find((c) => c.name === fk.column)!;
    const parentName = `${fk.parentSchema}.${fk.parentTable}`;
    const valid = row[fk.column] !== undefined && row[fk.column] !== null && (await exists(session, parentName, fk.parentColumn, row[fk.column]));
    if (valid) continue;
    if (!column.notNull) {
      row[fk.column] = null;
      continue;
    }
    const parent = await anyRow(ctx, session, parentName);
    row[fk.column] = parent[fk.parentColumn];
  }
}

async function exists(session: ProbeSession, table: string, column: string, value: unknown): Promise<boolean> {
  const [schema, name] = table.split('.') as [string, string];
  const { rows } = await session.client.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(schema)}.${ident(name)} WHERE ${ident(column)}::text = $1) AS ok`, [String(value)]);
  return rows[0]!.ok;
}
