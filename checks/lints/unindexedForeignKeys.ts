import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { checkSql, ident, qualified } from '../sqlText.ts';

interface ForeignKeyRow {
  schema: string;
  table: string;
  constraint: string;
  columns: string[];
  references: string;
}

/**
 * Supabase's unindexed_foreign_keys: every FK needs an index that starts with its columns (in any
 * order, a wider index counts); a partial index does not serve every row, so it does not count.
 */
export const unindexedForeignKeys: CheckDefinition = {
  id: 'lint.unindexed-foreign-keys',
  title: 'Every foreign key is covered by an index',
  checklistSection: 'Index Optimization',
  defaultLevel: 'warn',
  splinter: { lints: ['0001'] },
  async run(ctx) {
    const { rows } = await ctx.client.query<ForeignKeyRow>(checkSql('unindexed-foreign-keys'), [NOT_USER_SCHEMAS]);
    if (rows.length === 0) return pass('every foreign key has an index on its columns');
    return finding(
      `${rows.length} foreign keys have no index: ${rows.map((r) => `${r.table}(${r.columns.join(', ')})`).join(', ')}`,
      rows.map((r) => ({ table: `${r.schema}.${r.table}`, constraint: r.constraint, columns: r.columns.join(', '), references: r.references })),
      rows.map((r) => `CREATE INDEX IF NOT EXISTS ${ident(`idx_${r.table}_${r.columns.join('_')}`)} ON ${qualified(r.schema, r.table)} (${r.columns.map(ident).join(', ')});`).join('\n'),
    );
  },
};
