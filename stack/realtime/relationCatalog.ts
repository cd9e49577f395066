import type pg from 'pg';
import { API_ROLES, type ApiRole } from '../requestContext.ts';

/** What the change fan-out needs to know of a table, read from the catalog (never from a client). */
export interface RelationInfo {
  schema: string;
  table: string;
  /** The quoted, catalog-checked name for SQL text. */
  qualified: string;
  rlsEnabled: boolean;
  /** Primary-key columns, in key order. */
  primaryKey: { name: string; type: string }[];
  /** Every column in attnum order with its pg_type name (`_text` for text[]), as Realtime lists them. */
  columns: { name: string; type: string }[];
  /** The columns each API role may SELECT (column privileges), as Realtime's `columns` and `record` keep only those. */
  selectable: Record<ApiRole, Set<string>>;
}

/** A cache of table catalog facts, dropped per table when pgoutput says the table changed (a Relation message). */
export class RelationCatalog {
  private readonly cache = new Map<string, Promise<RelationInfo | undefined>>();

  constructor(private readonly client: () => Promise<pg.Client>) {}

  get(schema: string, table: string): Promise<RelationInfo | undefined> {
    const id = `${schema}.${table}`;
    let info = this.cache.get(id);
    if (!info) {
      info = this.load(schema, table);
      this.cache.set(id, info);
      info.catch(() => this.cache.delete(id));
    }
    return info;
  }

  forget(schema: string, table: string): void {
    this.cache.delete(`${schema}.${table}`);
  }

  private async load(schema: string, table: string): Promise<RelationInfo | undefined> {
    const client = await this.client();
    const { rows } = await client.query<{ qualified: string; rls: boolean; columns: { name: string; type: string; pk: number | null; roles: ApiRole[] }[] }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS qualified, c.relrowsecurity AS rls,
              (SELECT json_agg(json_build_object(
                        'name', a.attname, 'type', t.typname,
                        'pk', array_position(i.indkey::int2[], a.attnum),
                        'roles', (SELECT coalesce(json_agg(r), '[]') FROM unnest($3::text[]) r WHERE has_column_privilege(r, c.oid, a.attname, 'SELECT')))
                      ORDER BY a.attnum)
                 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                 LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
      [schema, table, API_ROLES],
    );
    const row = rows[0];
    if (!row) return undefined;
    const columns = row.columns ?? [];
    const selectable = Object.fromEntries(API_ROLES.map((role) => [role, new Set(columns.filter((c) => c.roles.includes(role)).map((c) => c.name))])) as Record<ApiRole, Set<string>>;
    const primaryKey = columns.filter((c) => c.pk !== null).sort((a, b) => a.pk! - b.pk!).map(({ name, type }) => ({ name, type }));
    return { schema, table, qualified: row.qualified, rlsEnabled: row.rls, primaryKey, columns: columns.map(({ name, type }) => ({ name, type })), selectable };
  }
}
