import type pg from 'pg';

/** A foreign key whose per-row check the fast path switches off during the load and replaces with one query after it. */
export interface DeferredForeignKey {
  /** Schema-qualified and quoted. */
  table: string;
  constraint: string;
  /** The internal trigger that checks each inserted row (RI_FKey_check_ins), quoted. */
  trigger: string;
  /** A query counting the rows that violate the key (`n`), with one of their keys (`key`). */
  violations: string;
}

/**
 * The foreign keys of the given tables that can be checked after the load instead of row by row.
 * A check per row locks the parent row (FOR KEY SHARE) and runs a query: measured, about 13 s per
 * million child rows, more than every secondary index together; one anti-join over the loaded
 * table does the same check in well under a second. Only simple single-type keys whose check is
 * enabled, and only for a superuser: the check triggers are system triggers.
 */
export async function deferredForeignKeys(client: pg.Client, tables: readonly string[]): Promise<DeferredForeignKey[]> {
  const { rows: role } = await client.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  if (!role[0]?.superuser) return [];
  const { rows } = await client.query<{ table: string; constraint: string; trigger: string; parent: string; columns: string[]; parentColumns: string[] }>(
    `SELECT format('%I.%I', n.nspname, cl.relname) AS table, quote_ident(c.conname) AS constraint, quote_ident(t.tgname) AS trigger,
       c.confrelid::regclass::text AS parent,
       (SELECT array_agg(quote_ident(a.attname) ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, i)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT array_agg(quote_ident(a.attname) ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, i)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "parentColumns"
     FROM pg_constraint c
     JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN pg_trigger t ON t.tgconstraint = c.oid AND t.tgrelid = c.conrelid AND t.tgfoid = '"RI_FKey_check_ins"'::regproc
     WHERE c.contype = 'f' AND c.confmatchtype = 's' AND t.tgenabled = 'O' AND c.conrelid = ANY($1::text[]::regclass[])
       AND NOT EXISTS (SELECT 1 FROM unnest(c.conkey, c.confkey) AS k(child, parent)
         JOIN pg_attribute x ON x.attrelid = c.conrelid AND x.attnum = k.child
         JOIN pg_attribute y ON y.attrelid = c.confrelid AND y.attnum = k.parent
         WHERE x.atttypid <> y.atttypid)
     ORDER BY 1, 2`,
    [tables],
  );
  return rows.map((fk) => ({
    table: fk.table,
    constraint: fk.constraint,
    trigger: fk.trigger,
    // MATCH SIMPLE: a row with a NULL in the key is not checked. An aggregate, not LIMIT 1, so
    // that the planner picks a hash anti-join over the whole table, as ALTER TABLE … VALIDATE
    // CONSTRAINT does, and not one index probe per row.
    violations: `SELECT count(*)::int AS n, min(${fk.columns.map((c) => `c.${c}::text`).join(` || ', ' || `)}) AS key FROM ${fk.table} c
      WHERE ${fk.columns.map((c) => `c.${c} IS NOT NULL`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${fk.columns.map((c, i) => `p.${fk.parentColumns[i]} = c.${c}`).join(' AND ')})`,
  }));
}

/** Every trigger of the tables and whether it is enabled, to prove the load put each back. */
export async function triggerStates(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ state: string }>(
    `SELECT format('%s.%I %s', tgrelid::regclass, tgname, tgenabled) AS state FROM pg_trigger WHERE tgrelid = ANY($1::text[]::regclass[]) ORDER BY 1`,
    [tables],
  );
  return rows.map((r) => r.state);
}
