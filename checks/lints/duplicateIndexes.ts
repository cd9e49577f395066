import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { checkSql, qualified } from '../sqlText.ts';

interface DuplicateRow {
  schema: string;
  table: string;
  index: string;
  duplicate_of: string;
  duplicate_of_constraint: string;
  constraint_type: string;
  definition: string;
  bytes: string;
}

/**
 * Supabase's duplicate_index: an index identical to another (or to the index behind a PRIMARY
 * KEY or UNIQUE constraint) is written on every insert and update and never chosen over its twin.
 */
export const duplicateIndexes: CheckDefinition = {
  id: 'lint.duplicate-index',
  title: 'No index duplicates another (or a PK/UNIQUE constraint index)',
  checklistSection: 'Index Optimization',
  defaultLevel: 'warn',
  splinter: { lints: ['0009'], beyond: 'also plain indexes that repeat a PRIMARY KEY or UNIQUE constraint\'s index (splinter compares the definitions as text, so UNIQUE and plain never match)' },
  async run(ctx) {
    const { rows } = await ctx.client.query<DuplicateRow>(checkSql('duplicate-indexes'), [NOT_USER_SCHEMAS]);
    // One row per index to drop, even when it has several twins.
    const byIndex = new Map(rows.map((row) => [`${row.schema}.${row.index}`, row]));
    if (byIndex.size === 0) return pass('no duplicate indexes');
    const list = [...byIndex.values()];
    return finding(
      `${list.length} duplicate indexes: ${list.map((row) => row.index).join(', ')}`,
      list.map((row) => ({
        table: `${row.schema}.${row.table}`,
        index: row.index,
        duplicates: row.duplicate_of_constraint ? `${row.constraint_type} ${row.duplicate_of_constraint} (index ${row.duplicate_of})` : row.duplicate_of,
        definition: row.definition,
        bytes: Number(row.bytes),
      })),
      list.map((row) => `DROP INDEX IF EXISTS ${qualified(row.schema, row.index)};`).join('\n'),
    );
  },
};
