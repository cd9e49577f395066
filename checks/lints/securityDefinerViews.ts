import { existingApiRoles } from '../apiRoles.ts';
import { finding, pass, skip, type CheckDefinition } from '../checkTypes.ts';
import { splinterId } from '../splinter/splinterLints.ts';
import { checkSql, qualified } from '../sqlText.ts';

interface ViewRow {
  schema: string;
  view: string;
  kind: 'view' | 'materialized view';
  owner: string;
  owner_is_superuser: boolean;
  readable_by: string[];
  reads: string[];
  rls_bypassed: string[];
}

/**
 * Supabase's security_definer_view: a view without security_invoker runs with its owner's
 * rights, so RLS on the tables it reads is checked as the owner (who usually skips it), and
 * statistics views show what the owner may see.
 */
export const securityDefinerViews: CheckDefinition = {
  id: 'lint.security-definer-view',
  title: 'Views reachable by anon/authenticated run with the caller\'s rights (security_invoker)',
  checklistSection: 'Row Level Security',
  defaultLevel: 'fail',
  splinter: { lints: ['0010', '0016'], beyond: 'names the tables whose RLS the view bypasses' },
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((role) => role !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role: nothing reaches views through the API');
    const { rows } = await ctx.client.query<ViewRow>(checkSql('security-definer-views'), [roles, ctx.apiSchemas]);
    const exposed = rows.filter((row) => row.readable_by.length > 0);
    if (exposed.length === 0) return pass('every view readable by anon or authenticated has security_invoker = true');
    // security_invoker exists from PostgreSQL 15; before it, only revoking the grant helps.
    const { rows: version } = await ctx.client.query<{ num: number }>(`SELECT current_setting('server_version_num')::int AS num`);
    const invokerOption = version[0]!.num >= 150000;
    const why = (row: ViewRow) =>
      row.rls_bypassed.length > 0
        ? `bypasses RLS on ${row.rls_bypassed.join(', ')}`
        : `reads ${row.reads.join(', ') || 'its tables'} with the rights of ${row.owner}${row.owner_is_superuser ? ' (superuser)' : ''}`;
    return finding(
      `${exposed.length} views run with their owner's rights for ${roles.join('/')}: ${exposed.map((row) => `${row.view} (${why(row)})`).join('; ')}`,
      exposed.map((row) => ({
        view: `${row.schema}.${row.view}`,
        kind: row.kind,
        owner: row.owner,
        readableBy: row.readable_by.join(', '),
        reads: row.reads.join(', '),
        problem: why(row),
        splinter: splinterId(row.kind === 'view' ? '0010' : '0016'),
      })),
      exposed
        .map((row) =>
          row.kind === 'view' && invokerOption
            ? `ALTER VIEW ${qualified(row.schema, row.view)} SET (security_invoker = true);`
            : `REVOKE SELECT ON ${qualified(row.schema, row.view)} FROM ${row.readable_by.join(', ')};`,
        )
        .join('\n'),
    );
  },
};
