import { compactVerify, errors } from 'jose';
import { jwtKey } from './jwtKey.ts';

/** PostgREST's JWT errors (PGR Error.hs): 301 the token cannot be decoded, 303 its claims are refused. */
export interface RestJwtError {
  code: 'PGRST301' | 'PGRST303';
  message: string;
}

export type RestJwtResult = { ok: true; claims: Record<string, unknown> } | { ok: false; error: RestJwtError };

/** PostgREST accepts exp, nbf and iat up to 30 s off (PGR Auth/Jwt.hs allowedSkewSeconds). */
const ALLOWED_SKEW_S = 30;

/**
 * Verifies a JWT as PostgREST does: three parts, HS256 with the target's secret, then the
 * time claims with PostgREST's skew and messages. No audience is configured (as on Supabase),
 * so `aud` is not checked.
 */
export async function verifyRestJwt(token: string, secret: string, nowMs = Date.now()): Promise<RestJwtResult> {
  if (token === '') return decodeError('Empty JWT is sent in Authorization header');
  const parts = token.split('.').length;
  if (parts !== 3) return decodeError(`Expected 3 parts in JWT; got ${parts}`);
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, jwtKey(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return decodeError('Wrong or unsupported encoding algorithm');
    if (error instanceof errors.JWSSignatureVerificationFailed) return decodeError('JWT cryptographic operation failed');
    return decodeError("JWT couldn't be decoded");
  }
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return claimsError('Parsing claims failed');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return claimsError('Parsing claims failed');
  const refused = timeClaimError(claims as Record<string, unknown>, Math.floor(nowMs / 1000));
  return refused ? claimsError(refused) : { ok: true, claims: claims as Record<string, unknown> };
}

function timeClaimError(claims: Record<string, unknown>, now: number): string | undefined {
  const checks: [name: string, refused: (value: number) => boolean, message: string][] = [
    ['exp', (exp) => now - ALLOWED_SKEW_S > exp, 'JWT expired'],
    ['nbf', (nbf) => now + ALLOWED_SKEW_S < nbf, 'JWT not yet valid'],
    ['iat', (iat) => now + ALLOWED_SKEW_S < iat, 'JWT issued at future'],
  ];
  for (const [name, refused, message] of checks) {
    const value = claims[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number') return `The JWT '${name}' claim must be a number`;
    if (refused(value)) return message;
  }
  return undefined;
}

function decodeError(message: string): RestJwtResult {
  return { ok: false, error: { code: 'PGRST301', message } };
}

function claimsError(message: string): RestJwtResult {
  return { ok: false, error: { code: 'PGRST303', message } };
}
