import type { CheckContext } from './checkTypes.ts';

/** Supabase's API roles: PostgREST switches to one of them for every request. */
export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRoleName = (typeof API_ROLES)[number];

/** The API roles this database has (plain PostgreSQL without the shim has none). */
export function existingApiRoles(ctx: CheckContext): Promise<ApiRoleName[]> {
  return ctx.memo('apiRoles', async () => {
    const { rows } = await ctx.client.query<{ rolname: ApiRoleName }>(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[]) ORDER BY rolname`, [API_ROLES]);
    return rows.map((row) => row.rolname);
  });
}

/** Which of the named relations exist (schema-qualified names in, the existing ones out). */
export async function existingRelations(ctx: CheckContext, names: readonly string[]): Promise<Set<string>> {
  const { rows } = await ctx.client.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL`, [names]);
  return new Set(rows.map((row) => row.name));
}
