import { createHash } from 'node:crypto';
import type pg from 'pg';
import { applyRequestContext, withRequestScope } from '../requestContext.ts';
import type { ChangeSubscription } from './channelMember.ts';
import type { RelationInfo } from './relationCatalog.ts';

/** Longest wait for a decoded change's row to become visible before its RLS checks, ms. */
const VISIBILITY_WAIT_MS = 200;

/**
 * Realtime's per-subscriber RLS rule (facts §1, RT realtime.apply_rls): for each subscription,
 * its role and claims are set (the request context), then a prepared
 * `select exists(select 1 from <table> where <pk> = $1)` decides whether it sees the row.
 * All checks of one change run in one read-only transaction, one query pair per subscription,
 * on one connection: the cost grows with subscribers exactly as on Supabase.
 */
export async function rlsVisible(client: pg.Client, info: RelationInfo, key: (string | null)[], subscriptions: ChangeSubscription[]): Promise<ChangeSubscription[]> {
  const text = `SELECT EXISTS (SELECT 1 FROM ${info.qualified} WHERE ${info.primaryKey.map((column, i) => `${quoteIdent(column.name)} = $${i + 1}`).join(' AND ')}) AS visible`;
  // Named by its text, so each statement is prepared once per connection and a changed key gets a new one.
  const name = `realtime_rls_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  return withRequestScope(client, { scope: 'transaction', readOnly: true }, async () => {
    // The walsender may send a commit before the committing backend has made it visible (WAL is
    // flushed first): until the row is there for the connecting role (the owner, no RLS), every
    // check would answer "not visible". Bounded: a row already deleted again never appears.
    for (let waited = 0; waited < VISIBILITY_WAIT_MS && !(await client.query<{ visible: boolean }>({ name, text, values: key })).rows[0]?.visible; waited += 2) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const visible: ChangeSubscription[] = [];
    for (const subscription of subscriptions) {
      const { role, claims } = subscription.member.auth;
      await applyRequestContext(client, { role, claims, ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}) });
      const { rows } = await client.query<{ visible: boolean }>({ name, text, values: key });
      if (rows[0]?.visible) visible.push(subscription);
    }
    return visible;
  });
}

/** Identifiers here come from the catalog (RelationCatalog), never from a client; quoting keeps any name intact. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
