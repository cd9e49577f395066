import { existingApiRoles } from './apiRoles.ts';
import { finding, pass, skip, type CheckDefinition, type Evidence } from './checkTypes.ts';
import { ident, qualified } from './sqlText.ts';

export const superusers: CheckDefinition = {
  id: 'roles.superusers',
  title: 'Only the expected roles are superusers',
  checklistSection: 'Security Verification',
  defaultLevel: 'fail',
  async run(ctx) {
    const { rows } = await ctx.client.query<{ rolname: string; rolcanlogin: boolean }>(`SELECT rolname, rolcanlogin FROM pg_roles WHERE rolsuper ORDER BY rolname`);
    const unexpected = rows.filter((r) => !ctx.superusers.includes(r.rolname));
    const evidence = rows.map((r) => ({ role: r.rolname, canLogin: r.rolcanlogin, allowed: ctx.superusers.includes(r.rolname) }));
    // The checklist expects "only postgres"; on Supabase postgres is not a superuser, supabase_admin is.
    const note = ctx.targetKind === 'supabase' ? ' (on Supabase postgres is not a superuser; the checklist\'s "only postgres" does not apply)' : '';
    if (unexpected.length === 0) return pass(`superusers: ${rows.map((r) => r.rolname).join(', ') || 'none'}; allowed: ${ctx.superusers.join(', ')}${note}`, evidence);
    return finding(
      `${unexpected.length} unexpected superusers: ${unexpected.map((r) => r.rolname).join(', ')} (allowed: ${ctx.superusers.join(', ')}; set checks.superusers to change)${note}`,
      evidence,
      unexpected.map((r) => `ALTER ROLE ${ident(r.rolname)} NOSUPERUSER;`).join('\n'),
    );
  },
};

/** PG 15 took CREATE on schema public away from PUBLIC; older servers and old databases still grant it. */
export const publicSchemaGrants: CheckDefinition = {
  id: 'grants.public-schema',
  title: 'PUBLIC cannot create in schema public or reach its tables',
  checklistSection: 'Database Security',
  defaultLevel: 'fail',
  async run(ctx) {
    const { rows: schema } = await ctx.client.query<{ privilege: string }>(
      `SELECT a.privilege_type AS privilege FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) AS a
       WHERE n.nspname = 'public' AND a.grantee = 0 ORDER BY 1`,
    );
    const { rows: tables } = await ctx.client.query<{ table: string; privileges: string }>(
      `SELECT c.relname AS table, string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) AS a
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.grantee = 0 GROUP BY c.relname ORDER BY 1`,
    );
    const evidence: Evidence[] = [{ object: 'schema public', grantee: 'PUBLIC', privileges: schema.map((r) => r.privilege).join(', ') || 'none' }, ...tables.map((t) => ({ object: `public.${t.table}`, grantee: 'PUBLIC', privileges: t.privileges }))];
    const canCreate = schema.some((r) => r.privilege === 'CREATE');
    if (!canCreate && tables.length === 0) return pass(`PUBLIC has ${schema.map((r) => r.privilege).join(', ') || 'no privileges'} on schema public and no table privileges`, evidence);
    const fixes = [canCreate ? 'REVOKE CREATE ON SCHEMA public FROM PUBLIC;' : '', ...tables.map((t) => `REVOKE ALL ON ${qualified('public', t.table)} FROM PUBLIC;`)].filter(Boolean);
    return finding(`${canCreate ? 'PUBLIC can CREATE in schema public' : ''}${canCreate && tables.length ? '; ' : ''}${tables.length ? `PUBLIC holds privileges on ${tables.length} relations` : ''}`, evidence, fixes.join('\n'));
  },
};

interface GrantRow {
  role: string;
  table: string;
  kind: string;
  rls: boolean;
  privileges: string[];
}

function loadApiGrants(ctx: Parameters<CheckDefinition['run']>[0], roles: string[]): Promise<GrantRow[]> {
  return ctx.memo(`grants:${roles.join(',')}`, async () => {
    const { rows } = await ctx.client.query<GrantRow>(
      `SELECT role, c.relname AS table, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind,
              c.relrowsecurity AS rls,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) AS p
                    WHERE has_table_privilege(role, c.oid, p))::text[] AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, unnest($1::text[]) AS role
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
         AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
       ORDER BY role, c.relname`,
      [roles],
    );
    return rows;
  });
}

/**
 * grants.anon: what anon and authenticated may do per relation. Supabase grants them everything
 * and relies on RLS, so the findings are what RLS cannot guard: any privilege on a table without
 * RLS, and TRUNCATE, REFERENCES and TRIGGER, which RLS never checks and the API never needs.
 */
export const apiRoleGrants: CheckDefinition = {
  id: 'grants.anon',
  title: 'anon and authenticated hold only privileges RLS can guard',
  checklistSection: 'Database Security',
  defaultLevel: 'warn',
  async run(ctx) {
    const roles = (await existingApiRoles(ctx)).filter((r) => r !== 'service_role');
    if (roles.length === 0) return skip('no anon or authenticated role on this server');
    const grants = (await loadApiGrants(ctx, roles)).filter((g) => g.privileges.length > 0);
    const unguarded = (g: GrantRow) => [...(g.kind === 'table' && !g.rls ? g.privileges : []), ...g.privileges.filter((p) => ['TRUNCATE', 'REFERENCES', 'TRIGGER'].includes(p))];
    const risky = grants.filter((g) => unguarded(g).length > 0);
    const describe = (g: GrantRow) => ({ role: g.role, relation: `public.${g.table}`, kind: g.kind, rls: g.kind === 'table' ? g.rls : null, privileges: g.privileges.join(', '), notGuardedByRls: [...new Set(unguarded(g))].join(', ') });
    const summary = roles.map((role) => `${role} reaches ${grants.filter((g) => g.role === role).length} relations`).join(', ');
    if (risky.length === 0) return pass(`${summary}; every privilege is on a table with RLS (or a view) and none is TRUNCATE/REFERENCES/TRIGGER`, grants.map(describe));
    const noRls = [...new Set(risky.filter((g) => g.kind === 'table' && !g.rls).map((g) => g.table))];
    const fixes = [
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${roles.join(', ')};`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM ${roles.join(', ')};`,
      ...noRls.map((t) => `ALTER TABLE ${qualified('public', t)} ENABLE ROW LEVEL SECURITY;`),
    ];
    return finding(`${summary}; ${risky.length} grants are not guarded by RLS (${noRls.length ? `tables without RLS: ${noRls.join(', ')}; ` : ''}TRUNCATE/REFERENCES/TRIGGER on ${risky.filter((g) => g.privileges.includes('TRUNCATE')).length} relations)`, risky.map(describe), fixes.join('\n'));
  },
};

export const serviceRoleGrants: CheckDefinition = {
  id: 'grants.service-role',
  title: 'service_role can read and write every public table and bypasses RLS',
  checklistSection: 'Database Security',
  defaultLevel: 'warn',
  async run(ctx) {
    if (!(await existingApiRoles(ctx)).includes('service_role')) return skip('no service_role on this server');
    const { rows: role } = await ctx.client.query<{ bypass: boolean; usage: boolean }>(`SELECT rolbypassrls AS bypass, has_schema_privilege('service_role', 'public', 'USAGE') AS usage FROM pg_roles WHERE rolname = 'service_role'`);
    const tables = (await loadApiGrants(ctx, ['service_role'])).filter((g) => g.kind === 'table');
    const lacking = tables.filter((g) => !['SELECT', 'INSERT', 'UPDATE', 'DELETE'].every((p) => g.privileges.includes(p)));
    const { bypass, usage } = role[0]!;
    const evidence: Evidence[] = [{ role: 'service_role', bypassRls: bypass, usageOnPublic: usage }, ...lacking.map((g) => ({ table: `public.${g.table}`, privileges: g.privileges.join(', ') || 'none' }))];
    if (bypass && usage && lacking.length === 0) return pass(`service_role bypasses RLS and has SELECT/INSERT/UPDATE/DELETE on all ${tables.length} public tables`, evidence);
    const fixes = [bypass ? '' : 'ALTER ROLE service_role BYPASSRLS;', usage ? '' : 'GRANT USAGE ON SCHEMA public TO service_role;', lacking.length ? 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO service_role;' : ''].filter(Boolean);
    return finding(`service_role ${[bypass ? '' : 'does not bypass RLS', usage ? '' : 'has no USAGE on schema public', lacking.length ? `lacks privileges on ${lacking.length} tables` : ''].filter(Boolean).join('; ')}`, evidence, fixes.join('\n'));
  },
};
