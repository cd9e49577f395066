import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';

/**
 * Supabase's no_primary_key: without a primary key a row has no identity: PostgREST cannot
 * address it for update or delete, Realtime refuses its changes ("no primary key"), and logical
 * replication cannot send its updates.
 */
export const noPrimaryKey: CheckDefinition = {
  id: 'lint.no-primary-key',
  title: 'Every table has a primary key',
  checklistSection: 'Phase 2: Schema Validation',
  defaultLevel: 'warn',
  splinter: { lints: ['0004'] },
  async run(ctx) {
    const { rows } = await ctx.client.query<{ schema: string; table: string }>(
      `SELECT n.nspname AS schema, c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\\_%' AND NOT c.relispartition
         AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)
         AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
       ORDER BY 1, 2`,
      [NOT_USER_SCHEMAS],
    );
    if (rows.length === 0) return pass('every table has a primary key');
    return finding(
      `${rows.length} tables have no primary key: ${rows.map((row) => `${row.schema}.${row.table}`).join(', ')}`,
      // Which columns identify a row is the table's own business: no SQL is guessed for it.
      rows.map((row) => ({ table: `${row.schema}.${row.table}`, fix: 'ALTER TABLE … ADD PRIMARY KEY (the columns that identify a row)' })),
    );
  },
};
