import type pg from 'pg';

export interface CachedColumn {
  name: string;
  /** format_type(): `uuid`, `numeric(10,2)`, `public.currency_code`, `text[]`. */
  type: string;
  /** The default expression from pg_catalog (catalog text, never request text); null when none. */
  defaultExpr: string | null;
}

export interface CachedTable {
  schema: string;
  name: string;
  isView: boolean;
  columns: Map<string, CachedColumn>;
  primaryKey: string[];
}

/**
 * One direction of a foreign key, as PostgREST's relationships: from `table` to `target`,
 * joined on `columns[i] = targetColumns[i]`; to-one for many-to-one and one-to-one.
 */
export interface Relationship {
  table: string;
  target: string;
  constraint: string;
  columns: string[];
  targetColumns: string[];
  toOne: boolean;
}

export interface CachedFunction {
  schema: string;
  name: string;
  params: { name: string; type: string; hasDefault: boolean }[];
  /** OUT / TABLE columns of a function returning records. */
  outColumns: { name: string; type: string }[];
  /** format_type() of the return type. */
  returnType: string;
  returnsSet: boolean;
  /** The table or view a composite return type is the row of, when it is one of ours. */
  returnsTable: string | null;
  returnsScalar: boolean;
  returnsVoid: boolean;
  volatility: 'i' | 's' | 'v';
}

/** What PostgREST reads from pg_catalog at start: the only names a request may use. */
export interface SchemaCache {
  schemas: string[];
  /** Keyed `schema.name`. */
  tables: Map<string, CachedTable>;
  /** Keyed `schema.table`: the relationships leaving that table. */
  relationships: Map<string, Relationship[]>;
  /** Keyed `schema.name`; overloads side by side. */
  functions: Map<string, CachedFunction[]>;
  /** Type names a cast (`col::text`) may name: base types of pg_catalog and the exposed schemas' types. */
  castTypes: Set<string>;
}

export async function loadSchemaCache(client: pg.ClientBase, schemas: string[]): Promise<SchemaCache> {
  const { rows: columnRows } = await client.query<{ schema: string; table: string; kind: string; column: string | null; type: string | null; default_expr: string | null }>(
    `SELECT n.nspname AS schema, c.relname AS "table", c.relkind AS kind, a.attname AS "column",
            format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS default_expr
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'v', 'm', 'f', 'p')
      ORDER BY n.nspname, c.relname, a.attnum`,
    [schemas],
  );
  const tables = new Map<string, CachedTable>();
  for (const row of columnRows) {
    const key = `${row.schema}.${row.table}`;
    let table = tables.get(key);
    if (!table) {
      table = { schema: row.schema, name: row.table, isView: row.kind === 'v' || row.kind === 'm', columns: new Map(), primaryKey: [] };
      tables.set(key, table);
    }
    if (row.column) table.columns.set(row.column, { name: row.column, type: row.type!, defaultExpr: row.default_expr });
  }

  const { rows: keyRows } = await client.query<{ schema: string; table: string; name: string; type: string; columns: string[]; target_schema: string | null; target: string | null; target_columns: string[] | null }>(
    `SELECT n.nspname AS schema, c.relname AS "table", k.conname AS name, k.contype AS type,
            array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(num, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.i)::text[] AS columns,
            fn.nspname AS target_schema, fc.relname AS target,
            array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(num, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.i)::text[] AS target_columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class fc ON fc.oid = k.confrelid
       LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE n.nspname = ANY($1) AND k.contype IN ('p', 'u', 'f')
      ORDER BY k.conname`,
    [schemas],
  );
  const uniqueKeys = new Map<string, string[][]>();
  for (const row of keyRows.filter((r) => r.type !== 'f')) {
    const key = `${row.schema}.${row.table}`;
    uniqueKeys.set(key, [...(uniqueKeys.get(key) ?? []), row.columns]);
    if (row.type === 'p') tables.get(key)!.primaryKey = row.columns;
  }
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((column) => b.includes(column));
  const relationships = new Map<string, Relationship[]>();
  const add = (key: string, relationship: Relationship) => relationships.set(key, [...(relationships.get(key) ?? []), relationship]);
  for (const fk of keyRows.filter((r) => r.type === 'f' && r.target_schema && schemas.includes(r.target_schema))) {
    const from = `${fk.schema}.${fk.table}`;
    const to = `${fk.target_schema}.${fk.target}`;
    // A foreign key whose columns are also a unique key is one-to-one: to-one both ways.
    const oneToOne = (uniqueKeys.get(from) ?? []).some((columns) => sameSet(columns, fk.columns));
    add(from, { table: from, target: to, constraint: fk.name, columns: fk.columns, targetColumns: fk.target_columns!, toOne: true });
    add(to, { table: to, target: from, constraint: fk.name, columns: fk.target_columns!, targetColumns: fk.columns, toOne: oneToOne });
  }

  const { rows: functionRows } = await client.query<{
    schema: string; name: string; arg_names: string[] | null; arg_types: string[]; arg_modes: string[] | null; defaults: number;
    return_type: string; returns_set: boolean; return_kind: string; return_relation: string | null; volatility: 'i' | 's' | 'v';
  }>(
    `SELECT n.nspname AS schema, p.proname AS name, p.proargnames AS arg_names,
            array(SELECT format_type(t, NULL) FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) t)::text[] AS arg_types,
            p.proargmodes::text[] AS arg_modes, p.pronargdefaults AS defaults,
            format_type(p.prorettype, NULL) AS return_type, p.proretset AS returns_set, t.typtype AS return_kind,
            CASE WHEN rc.oid IS NOT NULL THEN rn.nspname || '.' || rc.relname END AS return_relation, p.provolatile AS volatility
       FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       JOIN pg_type t ON t.oid = p.prorettype
       LEFT JOIN pg_class rc ON rc.oid = t.typrelid AND rc.relkind IN ('r', 'v', 'm', 'f', 'p')
       LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE n.nspname = ANY($1) AND p.prokind = 'f' AND t.typname <> 'trigger'`,
    [schemas],
  );
  const functions = new Map<string, CachedFunction[]>();
  for (const row of functionRows) {
    const args = row.arg_types.map((type, i) => ({ name: row.arg_names?.[i] ?? '', type, mode: row.arg_modes?.[i] ?? 'i' }));
    const inputs = args.filter((arg) => arg.mode === 'i' || arg.mode === 'b' || arg.mode === 'v');
    const outColumns = args.filter((arg) => arg.mode === 'o' || arg.mode === 'b' || arg.mode === 't').map(({ name, type }) => ({ name, type }));
    const firstDefault = inputs.length - row.defaults;
    const fn: CachedFunction = {
      schema: row.schema,
      name: row.name,
      params: inputs.map((arg, i) => ({ name: arg.name, type: arg.type, hasDefault: i >= firstDefault })),
      outColumns,
      returnType: row.return_type,
      returnsSet: row.returns_set,
      returnsTable: row.return_relation,
      // OUT parameters and `RETURNS TABLE` make a record of columns, not a scalar.
      returnsScalar: row.return_kind !== 'c' && outColumns.length === 0,
      returnsVoid: row.return_type === 'void',
      volatility: row.volatility,
    };
    const key = `${row.schema}.${row.name}`;
    functions.set(key, [...(functions.get(key) ?? []), fn]);
  }

  const { rows: typeRows } = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE (n.nspname = 'pg_catalog' AND t.typtype IN ('b', 'p', 'r', 'd')) OR (n.nspname = ANY($1) AND t.typtype IN ('e', 'd', 'b'))`,
    [schemas],
  );
  const castTypes = new Set(typeRows.map((r) => r.name).filter((name) => !name.startsWith('_')));
  for (const alias of ['integer', 'smallint', 'bigint', 'boolean', 'real', 'double precision', 'timestamp', 'timestamptz', 'varchar', 'character varying']) castTypes.add(alias);

  return { schemas, tables, relationships, functions, castTypes };
}
