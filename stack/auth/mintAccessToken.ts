import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { jwtKey } from './jwtKey.ts';

/** GoTrue's default and the checklist's JWT expiry. */
export const ACCESS_TOKEN_TTL_S = 3600;

/** Who the token is for: the auth.users fields GoTrue copies into its claims. */
export interface TokenSubject {
  id: string;
  email?: string | null;
  phone?: string | null;
  appMetadata?: Record<string, unknown>;
  userMetadata?: Record<string, unknown>;
  isAnonymous?: boolean;
}

export interface AccessTokenOptions {
  secret: string;
  /** GoTrue's `iss`: the auth URL, `http://127.0.0.1:<port>/auth/v1` on the local stack. */
  issuer: string;
  /** The session the token belongs to; a fresh id when minting outside a sign-in (load personas). */
  sessionId?: string;
  /** Unix seconds; defaults to now. */
  issuedAt?: number;
  ttlSeconds?: number;
  /** How the user signed in (GoTrue's amr entry); password by default. */
  method?: string;
}

/**
 * An access token with GoTrue's claims (supabase-protocols.md §4): what sign-in returns, and
 * what the REST load driver mints per persona without a round trip through /auth/v1.
 */
export async function mintAccessToken(subject: TokenSubject, options: AccessTokenOptions): Promise<string> {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({
    email: subject.email ?? '',
    phone: subject.phone ?? '',
    app_metadata: subject.appMetadata ?? { provider: 'email', providers: ['email'] },
    user_metadata: subject.userMetadata ?? {},
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: options.method ?? 'password', timestamp: iat }],
    session_id: options.sessionId ?? randomUUID(),
    is_anonymous: subject.isAnonymous ?? false,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setSubject(subject.id)
    .setAudience('authenticated')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttlSeconds ?? ACCESS_TOKEN_TTL_S))
    .sign(jwtKey(options.secret));
}
