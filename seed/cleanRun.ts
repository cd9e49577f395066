import type pg from 'pg';
import { runTextIdPrefix, runUuidRange } from '../generators/runUuid.ts';
import { TABLE_CODES, type TableSpec } from '../generators/types.ts';

/** How a table's seeded rows are recognised, where it is not by `id`. */
const KEY_COLUMN: Record<string, string> = {
  'public.profiles': 'user_id',
};

/**
 * Deletes exactly the rows of one seed run, children first, in one transaction: every table
 * by the run's id range (runUuid), the text-keyed aggregations by the run's prefix, and the
 * notification preferences the profile trigger created for the run's users. Rows of other
 * runs and rows that were there before are outside those ranges and stay untouched.
 */
export async function cleanRun(client: pg.Client, runTag: number, specsInLoadOrder: readonly TableSpec[]): Promise<number> {
  let removed = 0;
  await client.query('BEGIN');
  try {
    // Deleting a large run takes longer than the checklist's 30 s statement timeout.
    await client.query('SET LOCAL statement_timeout = 0');
    const users = runUuidRange(runTag, TABLE_CODES['auth.users']);
    removed += await deleteRange(client, 'public.notification_preferences', 'user_id', users);
    for (const spec of [...specsInLoadOrder].reverse()) {
      if (spec.table === 'public.analytics_aggregations') {
        const { rowCount } = await client.query(`DELETE FROM ${spec.table} WHERE starts_with(id, $1)`, [runTextIdPrefix(runTag)]);
        removed += rowCount ?? 0;
        continue;
      }
      const code = TABLE_CODES[spec.table as keyof typeof TABLE_CODES];
      if (code === undefined) throw new Error(`no table code for ${spec.table}: cannot recognise its seeded rows`);
      removed += await deleteRange(client, spec.table, KEY_COLUMN[spec.table] ?? 'id', runUuidRange(runTag, code));
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return removed;
}

async function deleteRange(client: pg.Client, table: string, column: string, [low, high]: [string, string]): Promise<number> {
  const { rowCount } = await client.query(`DELETE FROM ${table} WHERE "${column}" BETWEEN $1::uuid AND $2::uuid`, [low, high]);
  return rowCount ?? 0;
}
