import { API_ROLES, type ApiRole } from '../stack/requestContext.ts';
import type { CheckContext } from './checkTypes.ts';

/** The API roles this database has (plain PostgreSQL without the shim has none). */
export function existingApiRoles(ctx: CheckContext): Promise<ApiRole[]> {
  return ctx.memo('apiRoles', async () => {
    const { rows } = await ctx.client.query<{ rolname: ApiRole }>(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[]) ORDER BY rolname`, [API_ROLES]);
    return rows.map((row) => row.rolname);
  });
}
