import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { ident, qualified } from '../sqlText.ts';
import { loadRlsTables, type RlsTable } from './rlsTables.ts';

/**
 * Supabase's rls_enabled_no_policy: RLS on and no policy means only the owner and BYPASSRLS
 * roles see the table; users cannot reach even their own rows (their export jobs, their sessions).
 */
export const rlsNoPolicy: CheckDefinition = {
  id: 'lint.rls-no-policy',
  title: 'Tables with RLS enabled have at least one policy',
  checklistSection: 'Row Level Security',
  defaultLevel: 'warn',
  splinter: { lints: ['0008'] },
  async run(ctx) {
    const tables = (await loadRlsTables(ctx)).filter((t) => t.rlsEnabled && t.policies === 0);
    if (tables.length === 0) return pass('every table with RLS enabled has a policy');
    return finding(
      `${tables.length} tables have RLS enabled and no policy, so anon and authenticated see nothing, not even their own rows: ${tables.map((t) => t.table).join(', ')}`,
      tables.map((t) => ({ table: `${t.schema}.${t.table}`, ownerColumn: t.ownerColumn ?? '', effect: t.ownerColumn ? `users cannot read their own rows (${t.ownerColumn})` : 'service role only' })),
      tables.map(remediation).join('\n'),
    );
  },
};

/** Owners read their own rows; a table without an owner is made service-only on purpose, in writing. */
function remediation(t: RlsTable): string {
  const table = qualified(t.schema, t.table);
  if (t.ownerColumn) {
    return `CREATE POLICY "Owners can view own ${t.table}" ON ${table} FOR SELECT TO authenticated USING (${ident(t.ownerColumn)} = (SELECT auth.uid()));`;
  }
  return `CREATE POLICY "Service role manages ${t.table}" ON ${table} FOR ALL TO service_role USING (true) WITH CHECK (true);`;
}
