import { errors, jwtVerify, type JWTPayload } from 'jose';
import { GotrueError } from './gotrueError.ts';
import { jwtKey } from './jwtKey.ts';

/** GoTrue's requireAuthentication: a Bearer token signed with the secret and not expired, or 401/403 with its messages. */
export async function verifyGotrueBearer(headers: Record<string, string>, secret: string): Promise<JWTPayload> {
  const token = /^bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (!token) throw new GotrueError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return (await jwtVerify(token, jwtKey(secret), { algorithms: ['HS256'] })).payload;
  } catch (error) {
    const reason = error instanceof errors.JWTExpired ? 'token has invalid claims: token is expired' : 'signature is invalid';
    throw new GotrueError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
  }
}

/** GoTrue's requireAdmin: the token's role must be one of the admin roles. */
export async function verifyAdminBearer(headers: Record<string, string>, secret: string): Promise<void> {
  const claims = await verifyGotrueBearer(headers, secret);
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') throw new GotrueError(403, 'not_admin', 'User not allowed');
}
