import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../../../stack/auth/mintAccessToken.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';
import { startTestApi, type LocalApiHarness } from '../../helpers/localApiHarness.ts';

/** /rest/v1 as PostgREST takes requests in: the JWT decides the role and claims the database sees. */
describe('local /rest/v1 routing and JWTs', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase('local_api_routing');
    h = await startTestApi(db.url);
  });

  afterAll(async () => {
    await h?.api.close();
    await db?.drop();
  });

  const userToken = (issuedAt?: number) =>
    mintAccessToken({ id: 'b1c2d3e4-0000-4000-8000-000000000001', email: 'persona@example.ph' }, { secret: h.secret, issuer: `${h.api.url}/auth/v1`, ...(issuedAt ? { issuedAt } : {}) });

  it('runs an anon-key request as anon, with no user', async () => {
    const { data, error } = await h.client().from('whoami').select();
    expect(error).toBeNull();
    expect(data).toEqual([{ role: 'anon', uid: null, email: null, path: '/whoami' }]);
  });

  it("runs a user's request as authenticated with its claims, and a signed-in user's as itself", async () => {
    const { data } = await h.client({ accessToken: await userToken() }).from('whoami').select();
    expect(data).toEqual([{ role: 'authenticated', uid: 'b1c2d3e4-0000-4000-8000-000000000001', email: 'persona@example.ph', path: '/whoami' }]);

    const supabase = h.client();
    const signUp = await supabase.auth.signUp({ email: `rest-${randomUUID()}@example.ph`, password: 'rest-password' });
    const mine = await supabase.from('whoami').select();
    expect(mine.data).toEqual([{ role: 'authenticated', uid: signUp.data.user!.id, email: signUp.data.user!.email, path: '/whoami' }]);
  });

  it('runs a service key request as service_role', async () => {
    const { data } = await h.client({ key: h.keys.serviceRoleKey }).from('whoami').select();
    expect(data).toEqual([{ role: 'service_role', uid: null, email: null, path: '/whoami' }]);
  });

  it("refuses an expired token with PostgREST's PGRST303 and a tampered one with PGRST301, both 401", async () => {
    const expired = await userToken(Math.floor(Date.now() / 1000) - 7200);
    const late = await h.client({ accessToken: expired }).from('whoami').select();
    expect(late.status).toBe(401);
    expect(late.error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });

    const [header, payload, signature] = (await userToken()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'service_role' })).toString('base64url');
    const tampered = await h.client({ accessToken: `${header}.${forged}.${signature}` }).from('whoami').select();
    expect(tampered.status).toBe(401);
    expect(tampered.error).toMatchObject({ code: 'PGRST301', message: 'JWT cryptographic operation failed' });
  });

  it('answers bad JSON, a missing apikey and preflights as Supabase does, and says it is a local test target', async () => {
    const badJson = await fetch(`${h.api.url}/rest/v1/whoami`, { method: 'POST', headers: { apikey: h.keys.anonKey, 'content-type': 'application/json' }, body: '{"oops":' });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });

    const noKey = await fetch(`${h.api.url}/rest/v1/whoami`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });

    const preflight = await fetch(`${h.api.url}/rest/v1/whoami`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey, authorization, content-type, prefer' } });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('apikey, authorization, content-type, prefer');

    const ok = await fetch(`${h.api.url}/rest/v1/whoami`, { headers: { apikey: h.keys.anonKey } });
    expect(ok.headers.get('x-gomflow-local')).toBe('test target, not Supabase');
    const timing = /^db;dur=(\d+\.\d+), total;dur=(\d+\.\d+)$/.exec(ok.headers.get('server-timing') ?? '');
    expect(timing).not.toBeNull();
    expect(Number(timing![1])).toBeLessThanOrEqual(Number(timing![2]));
  });
});
