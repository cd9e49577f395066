import { jwtVerify } from 'jose';
import { isApiRole, type RequestContext } from '../requestContext.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import { storageJwtKey } from './storageJwtKey.ts';

/**
 * Who makes a Storage request, as Storage's jwt plugin decides it: the Bearer token alone (the
 * gateway does not check keys here), verified with the project secret; a missing or bad token
 * is AccessDenied with the verifier's message (Storage verifies with jose, as here).
 */
export async function storageCaller(headers: Record<string, string>, secret: string, request: { method: string; path: string }): Promise<RequestContext> {
  const token = (headers.authorization ?? '').replace(/^bearer\s+/i, '');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, await storageJwtKey(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    throw STORAGE_ERRORS.accessDenied((error as Error).message);
  }
  const role = claims.role ?? 'anon';
  if (!isApiRole(role)) throw STORAGE_ERRORS.accessDenied(`permission denied to set role ${JSON.stringify(String(role))}`);
  return {
    role,
    claims,
    ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}),
    method: request.method,
    path: request.path,
    // The token and key stay out of request.headers: the claims carry who the caller is.
    headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'authorization' && name !== 'apikey')),
  };
}
