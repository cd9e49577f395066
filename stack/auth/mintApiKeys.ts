import { SignJWT } from 'jose';
import { jwtKey } from './jwtKey.ts';

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
}

/** Supabase's local keys live ten years (`supabase start` prints keys with exp in 2032). */
const KEY_LIFETIME_S = 10 * 365 * 24 * 3600;

/**
 * The anon and service_role API keys of a target: JWTs with only iss, role, iat and exp, as
 * Supabase's own keys are. `issuedAt` (unix seconds) is fixed per target, so the same secret
 * always gives the same keys.
 */
export async function mintApiKeys(secret: string, issuedAt: number): Promise<ApiKeys> {
  const sign = (role: 'anon' | 'service_role') =>
    new SignJWT({ iss: 'supabase-demo', role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + KEY_LIFETIME_S)
      .sign(jwtKey(secret));
  const [anonKey, serviceRoleKey] = await Promise.all([sign('anon'), sign('service_role')]);
  return { anonKey, serviceRoleKey };
}
