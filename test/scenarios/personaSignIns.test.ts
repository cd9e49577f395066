import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GomflowError } from '../../core/errors.ts';
import { SEED_PASSWORD } from '../../generators/core/seedPassword.ts';
import { SignInPacer, type SignInPace } from '../../scenarios/drivers/rest/pacedSignIns.ts';
import { personaTokens } from '../../scenarios/drivers/rest/personaTokens.ts';
import type { RestEndpoint } from '../../scenarios/drivers/rest/restEndpoint.ts';
import { startTestApi, type LocalApiHarness } from '../helpers/localApiHarness.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** GoTrue's /token limit, scaled down so a test sees it: 20 sign-ins/s per IP, bursts of 2. */
const LIMIT = { perFiveMinutes: 20 * 300, burst: 2 };

/**
 * Personas signed in through the local /auth/v1 with GoTrue's per-IP limit on: the driver's
 * pace, its 429s counted apart and retried, and its bounds. Each case has a server (and so a
 * bucket) of its own.
 */
describe('persona sign-ins under the auth rate limit', () => {
  let db: TestDatabase;
  const servers: LocalApiHarness[] = [];
  let subs: string[];

  const server = async (limit: { perFiveMinutes: number; burst: number }) => {
    const h = await startTestApi(db.url, { auth: { tokenRateLimit: limit } });
    servers.push(h);
    return h;
  };
  const endpointOf = (h: LocalApiHarness, pace: SignInPace): RestEndpoint & { signIns: SignInPacer } => ({
    url: h.api.url,
    anonKey: h.keys.anonKey,
    serviceRoleKey: h.keys.serviceRoleKey,
    signIns: new SignInPacer(pace),
    release: async () => undefined,
  });

  beforeAll(async () => {
    db = await createTestDatabase('persona_sign_ins');
    await seedTiny(db.url, 5);
    subs = (await db.client.query<{ id: string }>('SELECT id::text FROM auth.users WHERE email IS NOT NULL ORDER BY email LIMIT 12')).rows.map((row) => row.id);
  });

  afterAll(async () => {
    for (const h of servers) await h.api.close();
    await db?.drop();
  });

  it('answers past the limit as GoTrue does: 429 over_request_rate_limit, no Retry-After, in supabase-js and the legacy body', async () => {
    // A slow refill (one sign-in per 10 s), so the burst is all that four requests at once get.
    const h = await server({ perFiveMinutes: 30, burst: 2 });
    const [email] = (await db.client.query<{ email: string }>('SELECT email FROM auth.users WHERE id = $1', [subs[0]])).rows.map((row) => row.email);
    const answers = await Promise.all(Array.from({ length: 4 }, () => h.client().auth.signInWithPassword({ email: email!, password: SEED_PASSWORD })));
    expect(answers.filter((answer) => answer.error === null)).toHaveLength(2);
    for (const { error } of answers.filter((answer) => answer.error !== null)) expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' });
    const legacy = await fetch(`${h.api.url}/auth/v1/token?grant_type=password`, { method: 'POST', headers: { apikey: h.keys.anonKey, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: SEED_PASSWORD }) });
    expect(legacy.status).toBe(429);
    expect(legacy.headers.get('retry-after')).toBeNull();
    expect(await legacy.json()).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
  });

  it('paced above the limit: the 429s are counted apart and retried, and every persona ends signed in as itself', async () => {
    const h = await server(LIMIT);
    const endpoint = endpointOf(h, { perSecond: 200, burst: 12, timeoutSeconds: 60 });
    const tokens = await personaTokens(db.client, endpoint, subs);
    expect(endpoint.signIns.tally.rateLimited).toBeGreaterThan(0);
    expect(endpoint.signIns.tally.signIns).toBe(subs.length);
    expect(endpoint.signIns.tally.durationMs).toBeGreaterThan(0);
    expect([...tokens.keys()].sort()).toEqual([...subs].sort());
    for (const sub of subs) {
      const { data, error } = await h.client().auth.getUser(tokens.get(sub)!);
      expect(error).toBeNull();
      expect(data.user?.id).toBe(sub);
    }
  });

  it('paced under the limit: no 429 at all', async () => {
    const h = await server(LIMIT);
    const endpoint = endpointOf(h, { perSecond: 10, burst: 1, timeoutSeconds: 60 });
    const tokens = await personaTokens(db.client, endpoint, subs.slice(0, 8));
    expect(endpoint.signIns.tally).toMatchObject({ signIns: 8, rateLimited: 0 });
    expect(tokens.size).toBe(8);
  });

  it("shares one pace between the scenario's drivers: a second batch right after the first waits its turn instead of bursting", async () => {
    const h = await server({ perFiveMinutes: 5 * 300, burst: 3 });
    const endpoint = endpointOf(h, { perSecond: 4, burst: 3, timeoutSeconds: 60 });
    await personaTokens(db.client, endpoint, subs.slice(0, 3));
    const second = await personaTokens(db.client, endpoint, subs.slice(3, 6));
    expect(second.size).toBe(3);
    expect(endpoint.signIns.tally).toMatchObject({ signIns: 6, rateLimited: 0 });
  });

  it('is bounded in time: a pace that cannot fit is refused before any sign-in, a limit that never lets up stops at the bound (exit 3)', async () => {
    const h = await server({ perFiveMinutes: 3, burst: 1 });
    const slow = endpointOf(h, { perSecond: 0.01, burst: 1, timeoutSeconds: 60 });
    const refused = await personaTokens(db.client, slow, subs).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GomflowError);
    expect((refused as GomflowError).exitCode).toBe(3);
    expect((refused as Error).message).toMatch(/^signing 12 personas in at 0\.01\/s takes about \d+ s, more than supabase\.signIn\.timeoutSeconds \(60 s\); set SUPABASE_JWT_SECRET/);
    expect(slow.signIns.tally).toEqual({ signIns: 0, rateLimited: 0, durationMs: 0 });
    const starved = endpointOf(h, { perSecond: 100, burst: 3, timeoutSeconds: 2 });
    const stopped = await personaTokens(db.client, starved, subs.slice(0, 3)).catch((error: unknown) => error);
    expect((stopped as GomflowError).exitCode).toBe(3);
    expect((stopped as Error).message).toMatch(/^could not sign \d+ of the personas in within supabase\.signIn\.timeoutSeconds \(2 s\) under \/auth\/v1's rate limit/);
    expect(starved.signIns.tally.signIns).toBe(1);
    expect(starved.signIns.tally.rateLimited).toBeGreaterThan(0);
  });
});
