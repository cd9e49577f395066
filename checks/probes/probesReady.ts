import { existingApiRoles } from '../apiRoles.ts';
import type { CheckContext } from '../checkTypes.ts';

/** true when the probes can run here, else why not (used as the skip detail). */
export function probesReady(ctx: CheckContext): Promise<true | string> {
  return ctx.memo('probesReady', async () => {
    const roles = await existingApiRoles(ctx);
    if (roles.length < 3) return 'the API roles anon, authenticated and service_role do not all exist: no PostgREST-style probe is possible';
    const { rows } = await ctx.client.query<{ ok: boolean; can_set: boolean }>(
      `SELECT to_regclass('public.profiles') IS NOT NULL AND to_regclass('auth.users') IS NOT NULL AND to_regprocedure('auth.uid()') IS NOT NULL AS ok,
              pg_has_role(current_user, 'anon', 'MEMBER') AND pg_has_role(current_user, 'authenticated', 'MEMBER') AND pg_has_role(current_user, 'service_role', 'MEMBER') AS can_set`,
    );
    if (!rows[0]!.ok) return 'public.profiles, auth.users or auth.uid() is missing: the GOMFLOW schema is not applied';
    if (!rows[0]!.can_set) return 'the connecting role cannot SET ROLE to anon, authenticated and service_role';
    return true;
  });
}
