import { existingApiRoles } from '../apiRoles.ts';
import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { splinterId } from '../splinter/splinterLints.ts';
import { checkSql, qualified } from '../sqlText.ts';

interface FunctionRow {
  schema: string;
  signature: string;
  name: string;
  arguments: string;
  owner: string;
  is_trigger: boolean;
  executable_by: string[];
  public_execute: boolean;
  search_path: string | null;
}

/**
 * Supabase's anon_ / authenticated_security_definer_function_executable: a SECURITY DEFINER
 * function anon or authenticated may EXECUTE is an RPC endpoint that runs with its owner's rights,
 * RLS skipped. One evidence row per function and role; without a pinned search_path it also
 * resolves the owner's tables through the caller's path.
 */
export const securityDefinerFunctions: CheckDefinition = {
  id: 'lint.security-definer-function',
  title: 'SECURITY DEFINER functions are not executable by anon/authenticated without need',
  checklistSection: 'Database Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0028', '0029'], beyond: 'probe.security-definer-calls then calls them as anon and another user to show what they do' },
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((role) => role !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role: nobody calls functions through the API');
    const { rows } = await ctx.client.query<FunctionRow>(checkSql('security-definer-functions'), [roles, ctx.apiSchemas]);
    const exposed = rows.filter((row) => row.executable_by.length > 0);
    if (exposed.length === 0) return pass(`no SECURITY DEFINER function in ${ctx.apiSchemas.join(', ')} is executable by ${roles.join('/')}`);
    const unpinned = exposed.filter((row) => row.search_path === null).length;
    return finding(
      `${exposed.length} SECURITY DEFINER functions are executable by ${roles.join('/')} and run as their owner (${unpinned} without a fixed search_path): ${exposed.map((row) => row.name).join(', ')}`,
      exposed.flatMap((row) =>
        row.executable_by.map((role) => ({
          function: row.signature,
          owner: row.owner,
          executableBy: role + (row.public_execute ? ' (through PUBLIC)' : ''),
          trigger: row.is_trigger,
          searchPath: row.search_path ?? 'not set',
          splinter: splinterId(role === 'anon' ? '0028' : '0029'),
        })),
      ),
      exposed.map(remediation).join('\n'),
    );
  },
};

/**
 * EXECUTE for the server side only; a trigger function needs no EXECUTE grant to fire. Where the
 * app does call one as a user, it should compare its user argument with auth.uid() instead.
 */
function remediation(row: FunctionRow): string {
  const fn = `${qualified(row.schema, row.name)}(${row.arguments})`;
  return `REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC, anon, authenticated; GRANT EXECUTE ON FUNCTION ${fn} TO service_role;`;
}
