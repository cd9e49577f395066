import type pg from 'pg';
import { request } from 'undici';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { GomflowError } from '../../../core/errors.ts';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { mintAccessToken } from '../../../stack/auth/mintAccessToken.ts';
import type { RestEndpoint } from './restEndpoint.ts';

/**
 * Access tokens of the authenticated personas (JWT sub → token), made before the clock starts:
 * minted with GoTrue's claims when the target's JWT secret is known, otherwise by signing each
 * seeded user in through /auth/v1 with the seed's password, as the app's users do.
 */
export async function personaTokens(control: pg.Client, endpoint: RestEndpoint, subs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(subs)];
  const tokens = new Map<string, string>();
  if (unique.length === 0) return tokens;
  const { rows } = await control.query<{ id: string; email: string | null }>(`${INTERNAL_MARK} SELECT id::text, email FROM auth.users WHERE id = ANY($1::uuid[])`, [unique]);
  const users = new Map(rows.map((row) => [row.id, row]));
  for (const sub of unique) {
    const user = users.get(sub);
    if (endpoint.jwtSecret) {
      tokens.set(sub, await mintAccessToken({ id: sub, email: user?.email }, { secret: endpoint.jwtSecret, issuer: `${endpoint.url}/auth/v1` }));
      continue;
    }
    if (!user?.email) throw new GomflowError('E_CONFIG_INVALID', `persona ${sub} has no e-mail to sign in with; set SUPABASE_JWT_SECRET so the REST driver can mint its token`);
    tokens.set(sub, await signIn(endpoint, user.email));
  }
  return tokens;
}

async function signIn(endpoint: RestEndpoint, email: string): Promise<string> {
  const response = await request(`${endpoint.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: endpoint.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: SEED_PASSWORD }),
  });
  const body = (await response.body.json()) as { access_token?: string; code?: string; error_code?: string };
  if (response.statusCode !== 200 || !body.access_token) {
    throw new GomflowError('E_AUTH_FAILED', `a seeded user could not sign in through /auth/v1 (HTTP ${response.statusCode} ${body.error_code ?? body.code ?? ''}); set SUPABASE_JWT_SECRET, or check that the seed's users are there`);
  }
  return body.access_token;
}
