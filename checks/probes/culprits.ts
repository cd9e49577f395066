import type { CheckContext } from '../checkTypes.ts';
import { appliesTo, coversCommand, loadPolicies, policyTarget, type Policy } from '../lints/policyCatalog.ts';
import { ident } from '../sqlText.ts';
import type { Row } from './fixtures.ts';
import type { Persona, ProbeSession } from './probeSession.ts';
import type { TableMeta } from './tableMeta.ts';

export type Operation = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** The expression a policy applies to an operation: WITH CHECK for inserts (USING when an ALL policy has none). */
function expressionFor(policy: Policy, operation: Operation): string | null {
  return operation === 'INSERT' ? (policy.checkExpr ?? (policy.command === 'ALL' ? policy.usingExpr : null)) : policy.usingExpr;
}

/**
 * The permissive policies that let `persona` do `operation` on `row`: each candidate's
 * expression is evaluated as the persona (so its sub-queries see what the persona sees) on the
 * row, built from its JSON under the table's own name, as the policy refers to it.
 */
export async function culprits(ctx: CheckContext, session: ProbeSession, meta: TableMeta, persona: Persona, operation: Operation, row: Row): Promise<Policy[]> {
  const candidates = (await loadPolicies(ctx)).filter(
    (p) => p.schema === meta.schema && p.table === meta.table && p.permissive && appliesTo(p, persona.role) && coversCommand(p, operation) && expressionFor(p, operation) !== null,
  );
  const found: Policy[] = [];
  for (const policy of candidates) {
    const result = await session.attemptAs(persona, `SELECT (${expressionFor(policy, operation)}) AS ok FROM jsonb_populate_record(NULL::${meta.sql}, $1) AS ${ident(meta.table)}`, [JSON.stringify(row)]);
    if (result.ok && result.first?.ok === true) found.push(policy);
  }
  return found;
}

/** `user_id = (SELECT auth.uid())`, or the EXISTS chain up to the owning user for a child table. */
export function ownerCondition(meta: TableMeta, tables: Map<string, TableMeta>, nullable = false): string | null {
  const path = meta.ownerPath;
  if (path === null) return null;
  const uid = '(SELECT auth.uid())';
  if (path.length === 0) return `${ident(meta.primaryKey[0] ?? 'user_id')} = ${uid}`;
  if (path.length === 1) return nullable ? `(${ident(path[0]!.column)} IS NULL OR ${ident(path[0]!.column)} = ${uid})` : `${ident(path[0]!.column)} = ${uid}`;
  // p1 is the first parent; each further step joins the next parent; the last step's column is the owner.
  const joins: string[] = [];
  for (let i = 1; i < path.length - 1; i += 1) {
    const step = path[i]!;
    const parent = tables.get(`${step.parentSchema}.${step.parentTable}`)!;
    joins.push(`JOIN ${parent.sql} p${i + 1} ON p${i + 1}.${ident(step.parentColumn)} = p${i}.${ident(step.column)}`);
  }
  const first = path[0]!;
  const firstParent = tables.get(`${first.parentSchema}.${first.parentTable}`)!;
  const last = path[path.length - 1]!;
  return `EXISTS (SELECT 1 FROM ${firstParent.sql} p1 ${joins.join(' ')} WHERE p1.${ident(first.parentColumn)} = ${ident(meta.table)}.${ident(first.column)} AND p${path.length - 1}.${ident(last.column)} = ${uid})`;
}

/** ALTER POLICY that adds `condition` to what the policy checks for the operation. */
export function restrictPolicy(policy: Policy, operation: Operation, condition: string): string {
  const clause = operation === 'INSERT' && policy.checkExpr !== null ? 'WITH CHECK' : 'USING';
  const current = clause === 'WITH CHECK' ? policy.checkExpr : policy.usingExpr;
  return `ALTER POLICY ${policyTarget(policy)} ${clause} ((${current}) AND ${condition});`;
}
