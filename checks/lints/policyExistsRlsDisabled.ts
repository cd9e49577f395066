import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { qualified } from '../sqlText.ts';

/**
 * Supabase's policy_exists_rls_disabled: policies on a table whose RLS is off are never
 * evaluated; the table looks guarded and is not. storage.objects is checked too (the
 * production file never enables RLS there; Supabase ships it on).
 */
export const policyExistsRlsDisabled: CheckDefinition = {
  id: 'lint.policy-exists-rls-disabled',
  title: 'No table has policies while its RLS is off',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0007'], beyond: 'also storage.objects' },
  async run(ctx) {
    const { rows } = await ctx.client.query<{ schema: string; table: string; policies: string[] }>(
      `SELECT n.nspname AS schema, c.relname AS table, array_agg(p.polname ORDER BY p.polname)::text[] AS policies
       FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT c.relrowsecurity AND c.relkind IN ('r', 'p')
         AND ((n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\\_%') OR (n.nspname = 'storage' AND c.relname = 'objects'))
       GROUP BY n.nspname, c.relname ORDER BY 1, 2`,
      [NOT_USER_SCHEMAS],
    );
    if (rows.length === 0) return pass('every table with policies has RLS enabled');
    return finding(
      `${rows.length} tables have policies that are never applied because RLS is off: ${rows.map((row) => `${row.schema}.${row.table}`).join(', ')}`,
      rows.map((row) => ({ table: `${row.schema}.${row.table}`, rls: 'disabled', policies: row.policies.join(' | ') })),
      rows.map((row) => `ALTER TABLE ${qualified(row.schema, row.table)} ENABLE ROW LEVEL SECURITY;`).join('\n'),
    );
  },
};
