import { existingApiRoles } from '../apiRoles.ts';
import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { checkSql } from '../sqlText.ts';

interface FunctionRow {
  signature: string;
  name: string;
  arguments: string;
  owner: string;
  is_trigger: boolean;
  executable_by: string[];
  public_execute: boolean;
}

/**
 * Supabase's function_search_path_mutable, narrowed to what is dangerous: a SECURITY DEFINER
 * function without a fixed search_path that the API roles can reach runs the owner's rights
 * over whatever `notifications` or `submissions` the caller's search_path finds first.
 */
export const securityDefinerFunctions: CheckDefinition = {
  id: 'lint.security-definer-function',
  title: 'SECURITY DEFINER functions pin search_path and are not executable by anon/authenticated without need',
  checklistSection: 'Database Security',
  defaultLevel: 'fail',
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((role) => role !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role: nobody calls functions through the API');
    const { rows } = await ctx.client.query<FunctionRow>(checkSql('security-definer-functions'), [roles]);
    const exposed = rows.filter((row) => row.executable_by.length > 0);
    if (exposed.length === 0) return pass('no SECURITY DEFINER function without a fixed search_path is executable by anon or authenticated');
    return finding(
      `${exposed.length} SECURITY DEFINER functions have no fixed search_path and are executable by ${roles.join('/')}: ${exposed.map((row) => row.name).join(', ')}`,
      exposed.map((row) => ({
        function: row.signature,
        owner: row.owner,
        executableBy: row.executable_by.join(', ') + (row.public_execute ? ' (through PUBLIC)' : ''),
        trigger: row.is_trigger,
        searchPath: 'not set',
      })),
      // pg_temp last: it is otherwise searched first for tables, which is the hijack.
      exposed.map((row) => `ALTER FUNCTION public.${row.name}(${row.arguments}) SET search_path = public, pg_temp;`).join('\n'),
    );
  },
};
