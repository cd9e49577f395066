import type pg from 'pg';
import { seededTables } from '../../seed/runRows.ts';

export { seededTables };

/** One hash per table over every row's text, order-independent: equal hashes, equal contents. */
export async function tableFingerprints(client: pg.Client, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS h FROM ${table} t`);
    const row = rows[0] as { n: number; h: string };
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

/**
 * How many rows of a run are in the database: in every table of the public and auth schemas
 * (found from the catalog, not from the seed's own list, so a table the seed forgets is
 * counted too), the rows whose id or user_id starts with the run's tag.
 */
export async function rowsOfRun(client: pg.Client, runTag: number): Promise<number> {
  const tag = runTag.toString(16).padStart(8, '0');
  const { rows: columns } = await client.query<{ tbl: string; col: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS tbl, quote_ident(a.attname) AS col
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relkind = 'r' AND n.nspname IN ('public', 'auth') AND a.attname IN ('id', 'user_id') AND NOT a.attisdropped`,
  );
  const byTable = new Map<string, string[]>();
  for (const { tbl, col } of columns) byTable.set(tbl, [...(byTable.get(tbl) ?? []), col]);
  let total = 0;
  for (const [tbl, cols] of byTable) {
    const where = cols.map((col) => `${col}::text LIKE $1 OR ${col}::text LIKE $2`).join(' OR ');
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tbl} WHERE ${where}`, [`${tag}-%`, `seed-${tag}-%`]);
    total += rows[0]!.n;
  }
  return total;
}
