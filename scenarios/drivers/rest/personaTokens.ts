import type pg from 'pg';
import { request } from 'undici';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { GomflowError } from '../../../core/errors.ts';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { mintAccessToken } from '../../../stack/auth/mintAccessToken.ts';
import { SignInPacer, type SignInAnswer } from './pacedSignIns.ts';
import type { RestEndpoint } from './restEndpoint.ts';
import { defaultSignIn } from '../../../core/config/configSchema.ts';

/**
 * Access tokens of the authenticated personas (JWT sub → token), made before the clock starts:
 * minted with GoTrue's claims when the target's JWT secret is known, otherwise by signing each
 * seeded user in through /auth/v1 with the seed's password, as the app's users do — paced under
 * the project's auth rate limit by the endpoint's pacer, 429s counted apart in its tally.
 */
export async function personaTokens(control: pg.Client, endpoint: RestEndpoint, subs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(subs)];
  const tokens = new Map<string, string>();
  if (unique.length === 0) return tokens;
  const { rows } = await control.query<{ id: string; email: string | null }>(`${INTERNAL_MARK} SELECT id::text, email FROM auth.users WHERE id = ANY($1::uuid[])`, [unique]);
  const users = new Map(rows.map((row) => [row.id, row]));
  if (endpoint.jwtSecret) {
    for (const sub of unique) tokens.set(sub, await mintAccessToken({ id: sub, email: users.get(sub)?.email }, { secret: endpoint.jwtSecret, issuer: `${endpoint.url}/auth/v1` }));
    return tokens;
  }
  const missing = unique.find((sub) => !users.get(sub)?.email);
  if (missing) throw new GomflowError('E_CONFIG_INVALID', `persona ${missing} has no e-mail to sign in with; set SUPABASE_JWT_SECRET so the REST driver can mint its token`);
  const pacer = endpoint.signIns ?? new SignInPacer(defaultSignIn);
  const byEmail = await pacer.signInAll(unique.map((sub) => users.get(sub)!.email!), (email) => signIn(endpoint, email));
  for (const sub of unique) tokens.set(sub, byEmail.get(users.get(sub)!.email!)!);
  return tokens;
}

const SIGN_IN_TIMEOUT_MS = 30_000;

async function signIn(endpoint: RestEndpoint, email: string): Promise<SignInAnswer> {
  const response = await request(`${endpoint.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: endpoint.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: SEED_PASSWORD }),
    // A hung sign-in must not outlast the phase's bound by undici's 300 s defaults.
    headersTimeout: SIGN_IN_TIMEOUT_MS,
    bodyTimeout: SIGN_IN_TIMEOUT_MS,
  });
  const body = (await response.body.json()) as { access_token?: string; code?: string | number; error_code?: string };
  if (response.statusCode === 200 && body.access_token) return { token: body.access_token };
  // GoTrue: 429 over_request_rate_limit, with no Retry-After of its own; a proxy in front may add one.
  if (response.statusCode === 429) return { rateLimited: true, ...retryAfter(response.headers['retry-after']) };
  throw new GomflowError('E_AUTH_FAILED', `a seeded user could not sign in through /auth/v1 (HTTP ${response.statusCode} ${body.error_code ?? body.code ?? ''}); set SUPABASE_JWT_SECRET, or check that the seed's users are there`);
}

function retryAfter(header: string | string[] | undefined): { retryAfterMs?: number } {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {};
}
