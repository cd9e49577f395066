import type { CheckContext } from '../checkTypes.ts';
import { NOT_USER_SCHEMAS } from '../splinter/splinterLints.ts';
import { checkSql } from '../sqlText.ts';

/** A user table's RLS state, as rls.enabled and lint.rls-no-policy read it. */
export interface RlsTable {
  schema: string;
  table: string;
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: number;
  /** The column holding the owning user's id, when the table has one. */
  ownerColumn: string | null;
}

/** Tables of every user schema (GOMFLOW's are all in public). */
export function loadRlsTables(ctx: CheckContext): Promise<RlsTable[]> {
  return ctx.memo('rlsTables', async () => {
    const { rows } = await ctx.client.query<{ schema: string; table: string; rls_enabled: boolean; rls_forced: boolean; policies: number; owner_column: string | null }>(checkSql('rls-tables'), [NOT_USER_SCHEMAS]);
    return rows.map((row) => ({ schema: row.schema, table: row.table, rlsEnabled: row.rls_enabled, rlsForced: row.rls_forced, policies: row.policies, ownerColumn: row.owner_column }));
  });
}
