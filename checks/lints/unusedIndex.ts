import { skip, type CheckDefinition } from '../checkTypes.ts';

/**
 * Supabase's unused_index, read where it means something: idx_scan = 0 since the statistics were
 * reset says nothing on a fresh or copied database (it is every index). Which indexes the launch
 * mix maintains and never reads is measured by a load scenario (scenarios' unusedIndexes); here
 * the check only says so, with the count splinter would list.
 */
export const unusedIndex: CheckDefinition = {
  id: 'lint.unused-index',
  title: 'Indexes unused under load are measured by a load scenario',
  checklistSection: 'Index Optimization',
  defaultLevel: 'warn',
  splinter: { lints: ['0005'], beyond: 'measured under load: indexes a scenario maintained and never read, with the write cost of their table' },
  async run(ctx) {
    const { rows } = await ctx.client.query<{ unread: number; total: number }>(
      `SELECT count(*) FILTER (WHERE s.idx_scan = 0)::int AS unread, count(*)::int AS total
       FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
       WHERE s.schemaname = ANY ($1::text[]) AND NOT i.indisunique AND NOT i.indisprimary`,
      [ctx.apiSchemas],
    );
    const { unread, total } = rows[0]!;
    return skip(
      `needs a load scenario: ${unread} of ${total} non-unique indexes have idx_scan = 0 since the statistics were last reset, which a fresh database says of every index; ` +
        'run `gomflow-load load launch-drop` (or `run`) and read the unused indexes under load in its scenario',
      [{ indexesWithoutScans: unread, nonUniqueIndexes: total }],
    );
  },
};
