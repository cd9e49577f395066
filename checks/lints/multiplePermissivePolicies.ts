import { finding, pass, type CheckDefinition, type Evidence } from '../checkTypes.ts';
import { qualified } from '../sqlText.ts';
import { appliesTo, coversCommand, loadPolicies, policyTarget, type Policy } from './policyCatalog.ts';

const API_ROLES = ['anon', 'authenticated'] as const;
const COMMANDS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/**
 * Supabase's multiple_permissive_policies: permissive policies are OR-ed and every one is
 * evaluated, so several for the same table, role and command cost a query each other's work.
 */
export const multiplePermissivePolicies: CheckDefinition = {
  id: 'lint.multiple-permissive-policies',
  title: 'One permissive policy per table, role and command',
  checklistSection: 'Row Level Security',
  defaultLevel: 'warn',
  splinter: { lints: ['0006'], beyond: 'also storage.objects policies; counts the API roles anon and authenticated only (splinter: every role without BYPASSRLS, authenticator and dashboard_user too)' },
  async run(ctx) {
    const policies = (await loadPolicies(ctx)).filter((p) => p.permissive);
    const evidence: Evidence[] = [];
    const groups: { role: string; command: Command; policies: Policy[] }[] = [];
    const tables = [...new Set(policies.map((p) => `${p.schema}.${p.table}`))];
    for (const table of tables) {
      for (const role of API_ROLES) {
        for (const command of COMMANDS) {
          const group = policies.filter((p) => `${p.schema}.${p.table}` === table && appliesTo(p, role) && coversCommand(p, command));
          if (group.length < 2) continue;
          evidence.push({ table, role, command, policies: group.map((p) => p.name).join(' | ') });
          groups.push({ role, command, policies: group });
        }
      }
    }
    if (evidence.length === 0) return pass('no table has two permissive policies for the same role and command');
    const tablesHit = new Set(evidence.map((e) => e.table)).size;
    return finding(`${evidence.length} table/role/command combinations on ${tablesHit} tables have several permissive policies, each evaluated for every row`, evidence, remediation(groups));
  },
};

type Command = (typeof COMMANDS)[number];

/**
 * A service-role policy is redundant for the API roles (service_role bypasses RLS): it is scoped
 * TO service_role. What remains for one role and command is merged into one policy for that role
 * with the OR of the expressions, and each merged policy keeps only the roles it still serves
 * (or is dropped). Groups with a FOR ALL policy are left to a person: merging it would change
 * the other commands.
 */
function remediation(groups: { role: string; command: Command; policies: Policy[] }[]): string {
  const scoped = new Set<string>();
  const mergedAway = new Map<Policy, Set<string>>();
  const creates: string[] = [];
  const manual: string[] = [];
  for (const { role, command, policies } of groups) {
    for (const p of policies.filter(isServiceRoleOnly)) scoped.add(`ALTER POLICY ${policyTarget(p)} TO service_role;`);
    const rest = policies.filter((p) => !isServiceRoleOnly(p));
    if (rest.length < 2) continue;
    const table = qualified(rest[0]!.schema, rest[0]!.table);
    if (rest.some((p) => p.command !== command)) {
      manual.push(`-- ${table} ${command} for ${role}: merge ${rest.map((p) => `"${p.name}"`).join(', ')} by hand (a FOR ALL policy is among them)`);
      continue;
    }
    for (const p of rest) mergedAway.set(p, new Set([...(mergedAway.get(p) ?? []), role]));
    const merged = (pick: (p: Policy) => string | null) => rest.map(pick).filter((e): e is string => e !== null).map((e) => `(${e})`).join(' OR ');
    const using = merged((p) => p.usingExpr);
    const check = merged((p) => p.checkExpr);
    creates.push(`CREATE POLICY "${rest[0]!.table} ${command.toLowerCase()} for ${role} (merged)" ON ${table} FOR ${command} TO ${role}${using ? ` USING (${using})` : ''}${check ? ` WITH CHECK (${check})` : ''};`);
  }
  const rescoped = [...mergedAway].map(([p, roles]) => {
    const served = (p.roles.includes('public') ? [...API_ROLES] : p.roles).filter((r) => !roles.has(r));
    return served.length ? `ALTER POLICY ${policyTarget(p)} TO ${served.join(', ')};` : `DROP POLICY ${policyTarget(p)};`;
  });
  return [...scoped, ...rescoped, ...creates, ...manual].join('\n');
}

/**
 * Only the service role passes it: scoped TO service_role, or one of the expression's top-level
 * AND terms is `auth.role() = 'service_role'` (plain or wrapped in a sub-select).
 */
export function isServiceRoleOnly(policy: Policy): boolean {
  if (policy.roles.length === 1 && policy.roles[0] === 'service_role') return true;
  const expr = policy.usingExpr ?? policy.checkExpr;
  if (!expr) return false;
  return topLevelConjuncts(expr).some((term) => /^\(*\s*(\(\s*SELECT\s+)?auth\.role\(\)(\s+AS\s+role)?\s*\)?\s*=\s*'service_role'::text\s*\)*$/i.test(term.trim()));
}

/** `((a) AND (b))` → ['(a)', '(b)']: the AND terms at the outermost level of a deparsed expression. */
export function topLevelConjuncts(expression: string): string[] {
  let text = expression.trim();
  // Strip parentheses that wrap the whole expression.
  while (text.startsWith('(') && closing(text, 0) === text.length - 1) text = text.slice(1, -1).trim();
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'") i = text.indexOf("'", i + 1);
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (depth === 0 && text.startsWith(' AND ', i)) {
      terms.push(text.slice(start, i));
      start = i + 5;
    }
    if (i < 0) break;
  }
  terms.push(text.slice(start));
  return terms;
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === "'") i = text.indexOf("'", i + 1);
    else if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && (depth -= 1) === 0) return i;
    if (i < 0) return -1;
  }
  return -1;
}
