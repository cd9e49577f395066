import type pg from 'pg';
import { runTextIdPrefix, runUuidRange } from '../generators/runUuid.ts';
import { TABLE_CODES, type TableSpec } from '../generators/types.ts';

/** How a table's seeded rows are recognised, where it is not by `id`. */
const KEY_COLUMN: Record<string, string> = {
  'public.profiles': 'user_id',
};

/** One table's rows of one run: a WHERE clause over the table and its parameters. */
export interface RunRowFilter {
  table: string;
  where: string;
  params: string[];
}

/**
 * Where each table keeps a run's rows, children first (the order deleting needs): every spec's
 * table by the run's id range (runUuid), the text-keyed aggregations by the run's prefix, and
 * the notification preferences the profile trigger created for the run's users. Rows of other
 * runs and rows that were there before are outside these filters.
 */
export function runRowFilters(runTag: number, specsInLoadOrder: readonly TableSpec[]): RunRowFilter[] {
  const filters: RunRowFilter[] = [uuidRange('public.notification_preferences', 'user_id', runUuidRange(runTag, TABLE_CODES['auth.users']))];
  for (const spec of [...specsInLoadOrder].reverse()) {
    if (spec.table === 'public.analytics_aggregations') {
      filters.push({ table: spec.table, where: 'starts_with(id, $1)', params: [runTextIdPrefix(runTag)] });
      continue;
    }
    const code = TABLE_CODES[spec.table as keyof typeof TABLE_CODES];
    if (code === undefined) throw new Error(`no table code for ${spec.table}: cannot recognise its seeded rows`);
    filters.push(uuidRange(spec.table, KEY_COLUMN[spec.table] ?? 'id', runUuidRange(runTag, code)));
  }
  return filters;
}

/** The tables a seed writes: its specs', and the preferences the profile trigger fills. */
export function seededTables(specs: readonly TableSpec[]): string[] {
  return [...specs.map((spec) => spec.table), 'public.notification_preferences'];
}

/** How many rows of a run are in the database, over every table it writes. */
export async function countRunRows(client: pg.Client, runTag: number, specs: readonly TableSpec[]): Promise<number> {
  return Object.values(await runRowCounts(client, runTag, specs)).reduce((sum, n) => sum + n, 0);
}

/** A run's rows per table, only the tables that hold some. */
export async function runRowCounts(client: pg.Client, runTag: number, specs: readonly TableSpec[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const filter of runRowFilters(runTag, specs)) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${filter.table} WHERE ${filter.where}`, filter.params);
    if (rows[0]!.n > 0) counts[filter.table] = rows[0]!.n;
  }
  return counts;
}

function uuidRange(table: string, column: string, [low, high]: [string, string]): RunRowFilter {
  return { table, where: `"${column}" BETWEEN $1::uuid AND $2::uuid`, params: [low, high] };
}
