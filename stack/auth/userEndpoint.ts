import type { AuthContext } from './authContext.ts';
import { endSessions, sessionExists, type LogoutScope } from './authSessionStore.ts';
import type { AuthRequest } from './authTypes.ts';
import { findUserById, type AuthUserChanges, type AuthUserRow } from './authUserStore.ts';
import { verifyGotrueBearer } from './gotrueBearer.ts';
import { GotrueError } from './gotrueError.ts';
import { gotrueUser } from './gotrueUser.ts';
import { mergeMetadata } from './mergeMetadata.ts';
import { normaliseEmail } from './normaliseEmail.ts';
import { hashNewPassword, passwordMatches } from './passwordRules.ts';
import { objectField, readAuthBody, stringField } from './readAuthBody.ts';
import { updateUserOrConflict } from './updateUserOrConflict.ts';

interface CurrentUser {
  user: AuthUserRow;
  sessionId: string | undefined;
}

/** The bearer's user and session, refused as GoTrue refuses them (auth-js turns session_not_found into a signed-out state). */
async function currentUser(ctx: AuthContext, request: AuthRequest): Promise<CurrentUser> {
  const claims = await verifyGotrueBearer(request.headers, ctx.jwtSecret);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new GotrueError(403, 'bad_jwt', 'invalid claim: missing sub claim');
  const user = /^[0-9a-f-]{36}$/i.test(claims.sub) ? await findUserById(ctx.pool, claims.sub) : undefined;
  if (!user) throw new GotrueError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
  if (sessionId && !(/^[0-9a-f-]{36}$/i.test(sessionId) && (await sessionExists(ctx.pool, sessionId)))) {
    throw new GotrueError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { user, sessionId };
}

/** GET /user. */
export async function getUser(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  return gotrueUser((await currentUser(ctx, request)).user);
}

/** PUT /user: user_metadata (`data`, merged), password, e-mail (applied at once: the local stack sends no mail). */
export async function updateCurrentUser(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  const { user } = await currentUser(ctx, request);
  const body = readAuthBody(request);
  const changes: AuthUserChanges = {};
  const data = objectField(body, 'data');
  if (data) changes.userMetadata = mergeMetadata(user.raw_user_meta_data, data);
  const password = stringField(body, 'password');
  if (password !== undefined) {
    if (await passwordMatches(password, user.encrypted_password)) {
      throw new GotrueError(422, 'same_password', 'New password should be different from the old password.');
    }
    changes.passwordHash = await hashNewPassword(password);
  }
  const email = stringField(body, 'email');
  if (email !== undefined) changes.email = normaliseEmail(email);
  return gotrueUser(await updateUserOrConflict(ctx.pool, user.id, changes));
}

/** POST /logout?scope=global|local|others: ends sessions, so their refresh tokens stop working. */
export async function logout(ctx: AuthContext, request: AuthRequest): Promise<void> {
  const { user, sessionId } = await currentUser(ctx, request);
  const scope = request.query.get('scope') ?? 'global';
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    throw new GotrueError(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
  }
  await endSessions(ctx.pool, user.id, sessionId, scope as LogoutScope);
}
