import { randomBytes } from 'node:crypto';

/**
 * A new HS256 secret for a local target: 40 URL-safe characters, longer than the 32 that
 * Supabase asks of a project's JWT secret.
 */
export function generateJwtSecret(): string {
  return randomBytes(30).toString('base64url');
}

/** GoTrue and PostgREST both use the secret's UTF-8 bytes as the HMAC key, not a decoded form. */
export function jwtKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
