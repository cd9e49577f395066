import type pg from 'pg';

/** One index of a seeded table, as the catalog defines it. */
export interface IndexDefinition {
  /** Schema-qualified and quoted, ready for DROP INDEX. */
  name: string;
  /** pg_get_indexdef: the exact CREATE INDEX that rebuilds it. */
  definition: string;
  /**
   * Whether the fast path may drop it and rebuild it from `definition` alone: a plain index.
   * Constraint indexes stay (foreign keys reference them), unique ones too (they check rows as
   * they arrive, and ON CONFLICT in the profile trigger infers its arbiter from them), and so
   * does any index carrying something its definition does not say: a comment, a statistics
   * target, a tablespace, CLUSTER or REPLICA IDENTITY, an extension's ownership, a dependant.
   */
  rebuildable: boolean;
}

/** Every index on the given tables, sorted by name. */
export async function indexDefinitions(client: pg.Client, tables: readonly string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT format('%I.%I', n.nspname, ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition,
       (NOT i.indisunique AND i.indisvalid AND NOT i.indisreplident AND NOT i.indisclustered AND ic.reltablespace = 0
        AND obj_description(i.indexrelid, 'pg_class') IS NULL
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid AND d.deptype = 'e')
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0)) AS rebuildable
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
     WHERE i.indrelid = ANY($1::text[]::regclass[])
     ORDER BY 1`,
    [tables],
  );
  return rows;
}

/** How `after` differs from `before` (indexes missing, changed or new), or undefined when they are equal. */
export function indexDifference(before: readonly IndexDefinition[], after: readonly IndexDefinition[]): string | undefined {
  const entries = (list: readonly IndexDefinition[]) => new Set(list.map((index) => `${index.name} (${index.definition})`));
  const was = entries(before);
  const now = entries(after);
  const missing = [...was].filter((entry) => !now.has(entry));
  const added = [...now].filter((entry) => !was.has(entry));
  if (missing.length === 0 && added.length === 0) return undefined;
  return [missing.length > 0 ? `missing ${missing.join(', ')}` : '', added.length > 0 ? `not there before ${added.join(', ')}` : ''].filter(Boolean).join('; ');
}
