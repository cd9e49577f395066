import type { CheckContext } from '../checkTypes.ts';
import { checkSql, ident, qualified } from '../sqlText.ts';
import { functionCalls, parseNodeTree } from './nodeTree.ts';

export type PolicyCommand = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'ALL';

/** One RLS policy as the lints read it. */
export interface Policy {
  schema: string;
  table: string;
  name: string;
  command: PolicyCommand;
  permissive: boolean;
  /** Role names; ['public'] when the policy has no TO clause. */
  roles: string[];
  usingExpr: string | null;
  checkExpr: string | null;
  /** Request-dependent calls (auth.uid() …, directly or through a helper) evaluated per row, by name. */
  perRowAuthCalls: string[];
  /** Calls of the same functions already wrapped in a scalar sub-select. */
  wrappedAuthCalls: string[];
}

/** `ALTER POLICY … ON schema.table`: the start of every policy remediation. */
export function policyTarget(policy: Pick<Policy, 'schema' | 'table' | 'name'>): string {
  return `${ident(policy.name)} ON ${qualified(policy.schema, policy.table)}`;
}

/** Whether a policy applies to a role (no TO clause means PUBLIC, which every role is in). */
export function appliesTo(policy: Policy, role: string): boolean {
  return policy.roles.includes('public') || policy.roles.includes(role);
}

/** Whether a policy is used for a command (FOR ALL counts for each). */
export function coversCommand(policy: Policy, command: Exclude<PolicyCommand, 'ALL'>): boolean {
  return policy.command === 'ALL' || policy.command === command;
}

interface PolicyRow {
  schema: string;
  table: string;
  name: string;
  command: PolicyCommand;
  permissive: boolean;
  roles: string[];
  using_expr: string | null;
  check_expr: string | null;
  using_tree: string | null;
  check_tree: string | null;
}

/** All policies on public tables and storage.objects, read once per check run. */
export function loadPolicies(ctx: CheckContext): Promise<Policy[]> {
  return ctx.memo('policies', async () => {
    const authFunctions = await loadAuthFunctions(ctx);
    const { rows } = await ctx.client.query<PolicyRow>(checkSql('policies'));
    return rows.map((row) => {
      const calls = [row.using_tree, row.check_tree].flatMap((tree) => functionCalls(tree ? parseNodeTree(tree) : null));
      const named = (wrapped: boolean) => [...new Set(calls.filter((c) => c.wrapped === wrapped && authFunctions.has(c.funcid)).map((c) => authFunctions.get(c.funcid)!))].sort();
      return {
        schema: row.schema,
        table: row.table,
        name: row.name,
        command: row.command,
        permissive: row.permissive,
        roles: row.roles,
        usingExpr: row.using_expr,
        checkExpr: row.check_expr,
        perRowAuthCalls: named(false),
        wrappedAuthCalls: named(true),
      };
    });
  });
}

/**
 * Oid → name of every function whose value depends on the request: the auth functions, and
 * helpers that call them (directly or through another helper), named `helper() → auth.uid()`.
 * pg_depend knows what a BEGIN ATOMIC body calls; plpgsql and quoted SQL bodies are not parsed
 * into the catalog, so their source is searched for the called function's name.
 */
export function loadAuthFunctions(ctx: CheckContext): Promise<Map<string, string>> {
  return ctx.memo('authFunctions', async () => {
    const base = await ctx.client.query<{ oid: string; name: string }>(checkSql('auth-functions'));
    const found = new Map<string, { callable: string; label: string }>();
    for (const row of base.rows) found.set(row.oid, { callable: row.name.replace(/\(\)$/, ''), label: row.name });
    const helpers = await ctx.client.query<{ oid: string; name: string; source: string; calls: string[] }>(checkSql('helper-functions'));
    let grew = true;
    while (grew) {
      grew = false;
      for (const helper of helpers.rows) {
        if (found.has(helper.oid)) continue;
        const callee = [...found.entries()].find(([oid, fn]) => helper.calls.includes(oid) || callsByName(helper.source, fn.callable));
        if (!callee) continue;
        found.set(helper.oid, { callable: helper.name.replace(/\(.*$/, ''), label: `${helper.name} → ${callee[1].label}` });
        grew = true;
      }
    }
    return new Map([...found].map(([oid, fn]) => [oid, fn.label]));
  });
}

/** `auth.uid(`; unqualified `name(` too for functions found on the search path (pg_catalog, public). */
function callsByName(source: string, qualifiedName: string): boolean {
  const [schema, name] = qualifiedName.split('.') as [string, string];
  if (new RegExp(`\\b${schema}\\s*\\.\\s*${name}\\s*\\(`, 'i').test(source)) return true;
  return (schema === 'pg_catalog' || schema === 'public') && new RegExp(`(?<![\\w.])${name}\\s*\\(`, 'i').test(source);
}
