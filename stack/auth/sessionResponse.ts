import type { AuthContext } from './authContext.ts';
import type { IssuedRefreshToken } from './authSessionStore.ts';
import type { AuthUserRow } from './authUserStore.ts';
import { gotrueUser } from './gotrueUser.ts';
import { ACCESS_TOKEN_TTL_S, mintAccessToken } from './mintAccessToken.ts';

/** GoTrue's session body (facts §4): an access token for the session, its expiry, the refresh token and the user. */
export async function sessionResponse(ctx: AuthContext, user: AuthUserRow, refresh: IssuedRefreshToken): Promise<Record<string, unknown>> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const accessToken = await mintAccessToken(
    { id: user.id, email: user.email, appMetadata: user.raw_app_meta_data ?? {}, userMetadata: user.raw_user_meta_data ?? {} },
    { secret: ctx.jwtSecret, issuer: ctx.issuer, sessionId: refresh.sessionId, issuedAt },
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_TTL_S,
    expires_at: issuedAt + ACCESS_TOKEN_TTL_S,
    refresh_token: refresh.token,
    user: gotrueUser(user),
  };
}
