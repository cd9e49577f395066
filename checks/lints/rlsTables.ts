import type { CheckContext } from '../checkTypes.ts';
import { checkSql } from '../sqlText.ts';

/** A public table's RLS state, as rls.enabled and lint.rls-no-policy read it. */
export interface RlsTable {
  table: string;
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: number;
  /** The column holding the owning user's id, when the table has one. */
  ownerColumn: string | null;
}

export function loadRlsTables(ctx: CheckContext): Promise<RlsTable[]> {
  return ctx.memo('rlsTables', async () => {
    const { rows } = await ctx.client.query<{ table: string; rls_enabled: boolean; rls_forced: boolean; policies: number; owner_column: string | null }>(checkSql('rls-tables'));
    return rows.map((row) => ({ table: row.table, rlsEnabled: row.rls_enabled, rlsForced: row.rls_forced, policies: row.policies, ownerColumn: row.owner_column }));
  });
}
