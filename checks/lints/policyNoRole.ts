import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { isServiceRoleOnly } from './multiplePermissivePolicies.ts';
import { loadPolicies, policyTarget, type Policy } from './policyCatalog.ts';

/**
 * A policy without a TO clause applies to PUBLIC, anon included: every anonymous request
 * evaluates it, and a mistake in it is open to the whole internet.
 */
export const policyNoRole: CheckDefinition = {
  id: 'lint.policy-no-role',
  title: 'Every policy names its roles (TO clause)',
  checklistSection: 'Row Level Security',
  defaultLevel: 'warn',
  splinter: { lints: [], beyond: 'splinter has no lint for policies without a TO clause' },
  async run(ctx) {
    const policies = (await loadPolicies(ctx)).filter((p) => p.roles.includes('public'));
    if (policies.length === 0) return pass('every policy has a TO clause');
    return finding(
      `${policies.length} policies have no TO clause and so apply to PUBLIC, anon included`,
      policies.map((p) => ({ table: `${p.schema}.${p.table}`, policy: p.name, command: p.command, suggestedRoles: rolesFor(p) })),
      policies.map((p) => `ALTER POLICY ${policyTarget(p)} TO ${rolesFor(p)};`).join('\n'),
    );
  },
};

/**
 * Who the policy is evidently for: the service role for `auth.role() = 'service_role'`,
 * signed-in users when it needs auth.uid() or the authenticated role, everyone otherwise.
 */
function rolesFor(policy: Policy): string {
  if (isServiceRoleOnly(policy)) return 'service_role';
  const text = `${policy.usingExpr ?? ''} ${policy.checkExpr ?? ''}`;
  if (policy.perRowAuthCalls.concat(policy.wrappedAuthCalls).some((call) => call.startsWith('auth.uid')) || /'authenticated'::text/.test(text)) return 'authenticated';
  return 'anon, authenticated';
}
