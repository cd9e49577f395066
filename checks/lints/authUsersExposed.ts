import { existingApiRoles } from '../apiRoles.ts';
import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { qualified } from '../sqlText.ts';

/**
 * Supabase's auth_users_exposed: a view or materialized view in an exposed schema that reads
 * auth.users and that anon or authenticated may select, and that does not apply auth.users' RLS
 * for the caller (a materialized view never does; a view does only as security_invoker, and
 * only if auth.users has RLS), hands out every user's email and metadata.
 */
export const authUsersExposed: CheckDefinition = {
  id: 'lint.auth-users-exposed',
  title: 'No view in the API exposes auth.users',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0002'] },
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((role) => role !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role: nothing reaches views through the API');
    const { rows } = await ctx.client.query<{ schema: string; view: string; kind: string; readable_by: string[] }>(
      `SELECT n.nspname AS schema, c.relname AS view, CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS kind,
              ARRAY(SELECT role FROM unnest($1::text[]) AS role WHERE has_table_privilege(role, c.oid, 'SELECT') ORDER BY role)::text[] AS readable_by
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY ($2::text[])
         AND EXISTS (SELECT 1 FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
                     WHERE w.ev_class = c.oid AND d.refobjid = to_regclass('auth.users'))
         AND (c.relkind = 'm'
              OR NOT coalesce((SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) AS o WHERE o.option_name = 'security_invoker'), false)
              OR NOT (SELECT u.relrowsecurity FROM pg_class u WHERE u.oid = to_regclass('auth.users')))
       ORDER BY 1, 2`,
      [roles, ctx.apiSchemas],
    );
    const exposed = rows.filter((row) => row.readable_by.length > 0);
    if (exposed.length === 0) return pass(`no view in ${ctx.apiSchemas.join(', ')} readable by ${roles.join('/')} reads auth.users`);
    return finding(
      `${exposed.length} views expose auth.users to ${roles.join('/')}: ${exposed.map((row) => `${row.schema}.${row.view}`).join(', ')}`,
      exposed.map((row) => ({ view: `${row.schema}.${row.view}`, kind: row.kind, readableBy: row.readable_by.join(', '), reads: 'auth.users' })),
      exposed.map((row) => `REVOKE SELECT ON ${qualified(row.schema, row.view)} FROM ${row.readable_by.join(', ')};`).join('\n'),
    );
  },
};
