import type pg from 'pg';
import { GOMFLOW_TABLE_GROUPS, type TableGroup } from './gomflowCatalog.ts';

/** What `db status` and the schema section of results.json report about a database. */
export interface ObjectCounts {
  tables: number;
  tablesByGroup: Record<TableGroup, number>;
  enums: number;
  /** Indexes created by CREATE INDEX, i.e. not backing a PK/UNIQUE constraint. */
  explicitIndexes: number;
  indexes: number;
  functions: number;
  triggers: number;
  /** Policies on public tables plus storage.objects. */
  policies: number;
  rlsTables: number;
  buckets: number;
  templates: number;
  views: number;
}

// Objects that belong to an extension (pg_trgm's functions, pg_stat_statements' views) are not GOMFLOW's.
const NOT_EXTENSION_MEMBER = (classId: string, objId: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classId}'::regclass AND d.objid = ${objId} AND d.deptype = 'e')`;

const COUNTS_SQL = `
SELECT
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS tables,
  (SELECT coalesce(json_agg(c.relname), '[]') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS table_names,
  (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e') AS enums,
  (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
       AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}) AS explicit_indexes,
  (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public') AS indexes,
  (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}) AS functions,
  (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT t.tgisinternal) AS triggers,
  (SELECT count(*) FROM pg_policies WHERE schemaname = 'public'
     OR (schemaname = 'storage' AND tablename = 'objects')) AS policies,
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity) AS rls_tables,
  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}) AS views,
  to_regclass('storage.buckets') IS NOT NULL AS has_buckets,
  to_regclass('public.notification_templates') IS NOT NULL AS has_templates
`;

export async function countObjects(client: pg.Client): Promise<ObjectCounts> {
  const { rows } = await client.query(COUNTS_SQL);
  const row = rows[0] as Record<string, string | boolean | string[]>;
  const names = new Set(row.table_names as string[]);
  const tablesByGroup = Object.fromEntries(
    Object.entries(GOMFLOW_TABLE_GROUPS).map(([group, tables]) => [group, tables.filter((t) => names.has(t)).length]),
  ) as Record<TableGroup, number>;
  return {
    tables: Number(row.tables),
    tablesByGroup,
    enums: Number(row.enums),
    explicitIndexes: Number(row.explicit_indexes),
    indexes: Number(row.indexes),
    functions: Number(row.functions),
    triggers: Number(row.triggers),
    policies: Number(row.policies),
    rlsTables: Number(row.rls_tables),
    buckets: row.has_buckets ? await countRows(client, 'storage.buckets') : 0,
    templates: row.has_templates ? await countRows(client, 'public.notification_templates') : 0,
    views: Number(row.views),
  };
}

async function countRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
  return (rows[0] as { n: number }).n;
}
