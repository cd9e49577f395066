import { randomBytes, randomUUID } from 'node:crypto';
import { NIL_INSTANCE, type Queryable } from './authUserStore.ts';

/** GoTrue's refresh-token reuse interval (GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL default, seconds). */
export const REUSE_INTERVAL_S = 10;

export interface IssuedRefreshToken {
  sessionId: string;
  token: string;
}

function newRefreshToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A new session (aal1) with its first refresh token, as a password sign-in creates. */
export async function createSession(db: Queryable, userId: string, userAgent: string | undefined): Promise<IssuedRefreshToken> {
  const sessionId = randomUUID();
  const token = newRefreshToken();
  await db.query(
    `WITH session AS (
       INSERT INTO auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
       VALUES ($1, $2, now(), now(), 'aal1', $3)
     )
     INSERT INTO auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
     VALUES ($4, $5, $2::text, false, now(), now(), $1)`,
    [sessionId, userId, userAgent ?? null, NIL_INSTANCE, token],
  );
  return { sessionId, token };
}

export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; refresh: IssuedRefreshToken }
  | { kind: 'not_found' }
  | { kind: 'already_used' };

/**
 * The refresh_token grant's storage side, as GoTrue rotates: the presented token is revoked
 * and a child issued. A revoked token still inside the reuse interval gets its active child
 * back (two tabs refreshing at once); a revoked token past it revokes the whole session's
 * chain, as reuse of a stolen token would. Runs on one client inside a transaction.
 */
export async function rotateRefreshToken(db: Queryable, presented: string): Promise<RefreshOutcome> {
  const { rows } = await db.query<{ id: string; user_id: string; revoked: boolean; session_id: string; age_s: number }>(
    `SELECT t.id, t.user_id, t.revoked, t.session_id, extract(epoch FROM now() - t.updated_at)::float8 AS age_s
     FROM auth.refresh_tokens t JOIN auth.sessions s ON s.id = t.session_id
     WHERE t.token = $1 FOR UPDATE OF t`,
    [presented],
  );
  const found = rows[0];
  if (!found) return { kind: 'not_found' };
  if (found.revoked) {
    const child = await db.query<{ token: string }>('SELECT token FROM auth.refresh_tokens WHERE parent = $1 AND NOT revoked', [presented]);
    const reused = child.rows[0];
    if (reused && found.age_s < REUSE_INTERVAL_S) return { kind: 'rotated', userId: found.user_id, refresh: { sessionId: found.session_id, token: reused.token } };
    await db.query('UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE session_id = $1 AND NOT revoked', [found.session_id]);
    return { kind: 'already_used' };
  }
  const token = newRefreshToken();
  await db.query(
    `WITH revoke AS (UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE id = $1),
          touch AS (UPDATE auth.sessions SET updated_at = now(), refreshed_at = now() WHERE id = $3)
     INSERT INTO auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     VALUES ($4, $5, $2, false, now(), now(), $6, $3)`,
    [found.id, found.user_id, found.session_id, NIL_INSTANCE, token, presented],
  );
  return { kind: 'rotated', userId: found.user_id, refresh: { sessionId: found.session_id, token } };
}

export async function sessionExists(db: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM auth.sessions WHERE id = $1', [sessionId]);
  return (rowCount ?? 0) > 0;
}

/** GoTrue's logout scopes: global (every session of the user), local (this one), others (all but this one). */
export type LogoutScope = 'global' | 'local' | 'others';

/** Deletes sessions; their refresh tokens go with them (ON DELETE CASCADE), so they no longer refresh. */
export async function endSessions(db: Queryable, userId: string, sessionId: string | undefined, scope: LogoutScope): Promise<void> {
  if (scope === 'local') {
    await db.query('DELETE FROM auth.sessions WHERE id = $1 AND user_id = $2', [sessionId ?? null, userId]);
  } else if (scope === 'others') {
    await db.query('DELETE FROM auth.sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, sessionId ?? null]);
  } else {
    await db.query('DELETE FROM auth.sessions WHERE user_id = $1', [userId]);
  }
}
