import type pg from 'pg';
import { runUuidRange } from '../../generators/runUuid.ts';
import { TABLE_CODES, type TableSpec } from '../../generators/types.ts';

/** The tables a seed writes (its specs, plus the preferences the profile trigger creates). */
export function seededTables(specs: readonly TableSpec[]): string[] {
  return [...specs.map((s) => s.table), 'public.notification_preferences'];
}

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

/** How many rows of a run remain, over all tables (ids in the run's ranges). */
export async function rowsOfRun(client: pg.Client, runTag: number, specs: readonly TableSpec[]): Promise<number> {
  let total = 0;
  for (const spec of specs) {
    if (spec.table === 'public.analytics_aggregations') {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${spec.table} WHERE id LIKE $1`, [`seed-${runTag.toString(16).padStart(8, '0')}-%`]);
      total += (rows[0] as { n: number }).n;
      continue;
    }
    const column = spec.table === 'public.profiles' ? 'user_id' : 'id';
    const [low, high] = runUuidRange(runTag, TABLE_CODES[spec.table as keyof typeof TABLE_CODES]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${spec.table} WHERE ${column} BETWEEN $1 AND $2`, [low, high]);
    total += (rows[0] as { n: number }).n;
  }
  const [low, high] = runUuidRange(runTag, TABLE_CODES['auth.users']);
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM public.notification_preferences WHERE user_id BETWEEN $1 AND $2`, [low, high]);
  return total + (rows[0] as { n: number }).n;
}
