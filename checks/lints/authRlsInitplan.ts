import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { loadPolicies, policyTarget, type Policy } from './policyCatalog.ts';
import { printedNames, wrapCalls } from './wrapCalls.ts';

/**
 * Supabase's auth_rls_initplan, read from the expression trees: a request-dependent call
 * (auth.uid(), auth.role(), auth.jwt(), current_setting(), or a helper that makes one) that is
 * not inside a scalar sub-select runs once per row instead of once per statement.
 */
export const authRlsInitplan: CheckDefinition = {
  id: 'lint.auth-rls-initplan',
  title: 'Policies evaluate auth functions once per statement, not per row',
  checklistSection: 'Row Level Security',
  defaultLevel: 'warn',
  splinter: { lints: ['0003'], beyond: 'also policies on storage.objects, auth calls made through helper functions, and current_setting(); reads the expression tree, not the text' },
  async run(ctx) {
    const policies = (await loadPolicies(ctx)).filter((p) => p.perRowAuthCalls.length > 0);
    if (policies.length === 0) return pass('no policy calls auth.uid(), auth.role(), auth.jwt() or current_setting() per row');
    const counts = new Map<string, number>();
    for (const p of policies) for (const call of p.perRowAuthCalls) counts.set(call, (counts.get(call) ?? 0) + 1);
    const byCall = [...counts].map(([call, n]) => `${n} call ${call}`).join(', ');
    return finding(
      `${policies.length} policies call auth functions per row (${byCall}); wrap each call as (SELECT auth.uid()) so it runs once per statement`,
      policies.map((p) => ({ table: `${p.schema}.${p.table}`, policy: p.name, command: p.command, perRowCalls: p.perRowAuthCalls.join(', '), using: p.usingExpr, withCheck: p.checkExpr })),
      policies.map(remediation).join('\n'),
    );
  },
};

function remediation(policy: Policy): string {
  const names = policy.perRowAuthCalls.flatMap((call) => printedNames(call.split(' → ')[0]!));
  const parts: string[] = [];
  if (policy.usingExpr) parts.push(`USING (${wrapCalls(policy.usingExpr, names)})`);
  if (policy.checkExpr) parts.push(`WITH CHECK (${wrapCalls(policy.checkExpr, names)})`);
  return `ALTER POLICY ${policyTarget(policy)} ${parts.join(' ')};`;
}
