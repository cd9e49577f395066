import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { loadPolicies, policyTarget } from './policyCatalog.ts';

/**
 * Supabase's rls_policy_always_true for writes: `USING (true)` or `WITH CHECK (true)` (or `1 = 1`,
 * or an INSERT policy with no WITH CHECK at all) on an INSERT, UPDATE, DELETE or ALL policy lets
 * every role it applies to change every row. Policies scoped TO service_role alone are left out
 * (that role bypasses RLS anyway).
 */
export const policyAlwaysTrue: CheckDefinition = {
  id: 'lint.policy-always-true',
  title: 'No write policy is USING (true) or WITH CHECK (true)',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0024'], beyond: 'also storage.objects policies' },
  async run(ctx) {
    const policies = (await loadPolicies(ctx)).filter(
      (p) => p.permissive && p.command !== 'SELECT' && !(p.roles.length === 1 && p.roles[0] === 'service_role') && (isTrue(p.usingExpr) || isTrue(p.checkExpr) || (p.command === 'INSERT' && p.checkExpr === null)),
    );
    if (policies.length === 0) return pass('no write policy is unconditionally true');
    return finding(
      `${policies.length} write policies are unconditionally true: ${policies.map((p) => `${p.table} "${p.name}" (${p.command})`).join(', ')}`,
      policies.map((p) => ({ table: `${p.schema}.${p.table}`, policy: p.name, command: p.command, roles: p.roles.join(', '), using: p.usingExpr, withCheck: p.checkExpr })),
      policies.map((p) => `DROP POLICY ${policyTarget(p)};  -- or replace true with the owner condition, e.g. USING (user_id = (SELECT auth.uid()))`).join('\n'),
    );
  },
};

function isTrue(expression: string | null): boolean {
  return expression !== null && ['true', '1=1'].includes(expression.replace(/[\s()]/g, '').toLowerCase());
}
