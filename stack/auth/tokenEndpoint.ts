import type { AuthContext } from './authContext.ts';
import { createSession, rotateRefreshToken } from './authSessionStore.ts';
import type { AuthRequest } from './authTypes.ts';
import { findUserByEmail, findUserById, updateUser } from './authUserStore.ts';
import { GotrueError } from './gotrueError.ts';
import { passwordMatches } from './passwordRules.ts';
import { readAuthBody, stringField } from './readAuthBody.ts';
import { sessionResponse } from './sessionResponse.ts';
import { withRequestScope } from '../requestContext.ts';

/** GoTrue answers every failed password grant alike, so a caller cannot tell a wrong e-mail from a wrong password. */
const INVALID_LOGIN = 'Invalid login credentials';

/** POST /token: the password and refresh_token grants, behind GoTrue's per-IP limit when it is on. */
export async function token(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  const grant = request.query.get('grant_type');
  const handler = grant === 'password' ? passwordGrant : grant === 'refresh_token' ? refreshTokenGrant : undefined;
  if (!handler) throw new GotrueError(400, 'validation_failed', 'unsupported_grant_type');
  // GoTrue limits after choosing the grant (AU internal/api/token.go, performRateLimiting), and
  // its 429 carries no Retry-After: tollbooth's LimitByKeys sets no header, the body is all there is.
  if (ctx.tokenRateLimit && !ctx.tokenRateLimit.take(request.clientIp ?? 'unknown', Date.now())) {
    throw new GotrueError(429, 'over_request_rate_limit', 'Request rate limit reached');
  }
  return handler(ctx, request);
}

async function passwordGrant(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  const body = readAuthBody(request);
  const email = stringField(body, 'email');
  const password = stringField(body, 'password') ?? '';
  if (!email) throw new GotrueError(400, 'validation_failed', 'missing email or phone');
  const user = await findUserByEmail(ctx.pool, email);
  // No identity check: GoTrue's password grant reads the user row only (FindUserByEmailAndAudience,
  // HasPassword, Authenticate in AU internal/api/token.go), so a user without its `email` identity
  // signs in, with `identities: []`. A NULL token column fails earlier, in the lookup (findUserByEmail).
  if (!user || !(await passwordMatches(password, user.encrypted_password))) throw new GotrueError(400, 'invalid_credentials', INVALID_LOGIN);
  if (!user.email_confirmed_at) throw new GotrueError(400, 'email_not_confirmed', 'Email not confirmed');
  const refresh = await createSession(ctx.pool, user.id, request.headers['user-agent']);
  const signedIn = (await updateUser(ctx.pool, user.id, { signedIn: true })) ?? user;
  return sessionResponse(ctx, signedIn, refresh);
}

async function refreshTokenGrant(ctx: AuthContext, request: AuthRequest): Promise<Record<string, unknown>> {
  const presented = stringField(readAuthBody(request), 'refresh_token');
  if (!presented) throw new GotrueError(400, 'validation_failed', 'refresh_token required');
  const client = await ctx.pool.connect();
  try {
    const outcome = await withRequestScope(client, { scope: 'transaction', outcome: 'commit' }, () => rotateRefreshToken(client, presented));
    if (outcome.kind === 'not_found') throw new GotrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (outcome.kind === 'already_used') throw new GotrueError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    const user = await findUserById(client, outcome.userId);
    if (!user) throw new GotrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    return sessionResponse(ctx, user, outcome.refresh);
  } finally {
    client.release();
  }
}
