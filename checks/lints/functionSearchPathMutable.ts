import { finding, pass, type CheckDefinition } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { checkSql, ident, qualified } from '../sqlText.ts';

interface FunctionRow {
  schema: string;
  name: string;
  arguments: string;
  security_definer: boolean;
  is_trigger: boolean;
  language: string;
}

/**
 * Supabase's function_search_path_mutable: a function without a pinned search_path finds
 * `submissions` or `notifications` wherever the caller's path points first (pg_temp included), so
 * it can misbehave for some roles and, when SECURITY DEFINER, be hijacked.
 */
export const functionSearchPathMutable: CheckDefinition = {
  id: 'lint.function-search-path-mutable',
  title: 'Every function pins its search_path',
  checklistSection: 'Database Security',
  defaultLevel: 'warn',
  splinter: { lints: ['0011'] },
  async run(ctx) {
    const { rows } = await ctx.client.query<FunctionRow>(checkSql('function-search-path-mutable'), [NOT_USER_SCHEMAS]);
    if (rows.length === 0) return pass('every function pins its search_path');
    const definers = rows.filter((row) => row.security_definer).length;
    return finding(
      `${rows.length} functions have a role-mutable search_path (${definers} of them SECURITY DEFINER): ${rows.map((row) => row.name).join(', ')}`,
      rows.map((row) => ({ function: `${row.schema}.${row.name}(${row.arguments})`, security: row.security_definer ? 'definer' : 'invoker', trigger: row.is_trigger, language: row.language })),
      // pg_temp last: unlisted, it is searched first for tables, which is the hijack.
      rows.map((row) => `ALTER FUNCTION ${qualified(row.schema, row.name)}(${row.arguments}) SET search_path = ${[...new Set([row.schema, 'public'])].map(ident).join(', ')}, pg_temp;`).join('\n'),
    );
  },
};
