import { jwtVerify, SignJWT } from 'jose';
import { STORAGE_ERRORS } from './storageError.ts';
import { storageJwtKey } from './storageJwtKey.ts';

/** What a signed URL's token carries: `url` is `bucket/name`; upload tokens add the owner and upsert. */
export interface SignedTokenPayload {
  url: string;
  owner?: string;
  upsert?: boolean;
}

/** A token for a signed URL, HS256 with the project secret as Storage signs them (iat, exp = now + expiresIn). */
export async function signStorageToken(payload: SignedTokenPayload, secret: string, expiresInS: number): Promise<string> {
  return new SignJWT({ ...payload }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime(`${expiresInS}s`).sign(await storageJwtKey(secret));
}

/**
 * Verifies a signed URL's token for the path it is used on: a bad or expired token is
 * InvalidJWT with jose's message (`"exp" claim timestamp check failed`), another path's token
 * InvalidSignature, as getSignedObject answers.
 */
export async function verifyStorageToken(token: string, secret: string, url: string): Promise<SignedTokenPayload> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await storageJwtKey(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    throw STORAGE_ERRORS.invalidJwt((error as Error).message);
  }
  if (payload.url !== url) throw STORAGE_ERRORS.invalidSignature();
  return payload as unknown as SignedTokenPayload;
}
