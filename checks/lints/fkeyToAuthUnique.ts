import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { qualified, ident } from '../sqlText.ts';

/**
 * Supabase's fkey_to_auth_unique: a foreign key onto a UNIQUE (not primary) key of an auth table,
 * say auth.users(email), ties the app's rows to a value Auth may change or drop with its own
 * migrations. Reference auth.users(id) instead.
 */
export const fkeyToAuthUnique: CheckDefinition = {
  id: 'lint.fkey-to-auth-unique',
  title: 'Foreign keys into auth reference its primary keys only',
  checklistSection: 'Phase 1: Core Schema',
  defaultLevel: 'warn',
  splinter: { lints: ['0021'] },
  async run(ctx) {
    const { rows } = await ctx.client.query<{ schema: string; table: string; constraint: string; references: string }>(
      `SELECT n.nspname AS schema, c.relname AS table, k.conname AS constraint, pg_get_constraintdef(k.oid) AS references
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
       JOIN pg_index i ON i.indexrelid = k.conindid
       WHERE k.contype = 'f' AND rn.nspname = 'auth' AND i.indisunique AND NOT i.indisprimary
         AND n.nspname <> ALL ($1::text[])
       ORDER BY 1, 2, 3`,
      [NOT_USER_SCHEMAS],
    );
    if (rows.length === 0) return pass('no foreign key references a unique key of an auth table');
    return finding(
      `${rows.length} foreign keys reference a unique (not primary) key of an auth table: ${rows.map((row) => `${row.table}.${row.constraint}`).join(', ')}`,
      rows.map((row) => ({ table: `${row.schema}.${row.table}`, constraint: row.constraint, definition: row.references })),
      rows.map((row) => `ALTER TABLE ${qualified(row.schema, row.table)} DROP CONSTRAINT ${ident(row.constraint)};  -- then reference auth.users (id)`).join('\n'),
    );
  },
};
