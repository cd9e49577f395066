import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtKey } from '../../../stack/auth/jwtKey.ts';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';
import { startTestApi, type LocalApiHarness } from '../../helpers/localApiHarness.ts';
import { seedTiny } from '../../helpers/seedTiny.ts';

/** The local /auth/v1 through the official supabase-js client, as GOMFLOW's app calls it. */
describe('local /auth/v1 with supabase-js', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;

  beforeAll(async () => {
    db = await createTestDatabase('local_auth');
    h = await startTestApi(db.url);
  });

  afterAll(async () => {
    await h?.api.close();
    await db?.drop();
  });

  it('signs up, signs in, reads and updates the user, refreshes, and signs out for good', async () => {
    const supabase = h.client();
    const email = 'Buyer.One@Example.ph';
    const signUp = await supabase.auth.signUp({ email, password: 'first-password', options: { data: { username: 'buyer1' } } });
    expect(signUp.error).toBeNull();
    expect(signUp.data.user).toMatchObject({ email: 'buyer.one@example.ph', aud: 'authenticated', role: 'authenticated', user_metadata: { username: 'buyer1' } });
    expect(signUp.data.session?.token_type).toBe('bearer');

    const signIn = await supabase.auth.signInWithPassword({ email, password: 'first-password' });
    expect(signIn.error).toBeNull();
    const session = signIn.data.session!;
    const { payload } = await jwtVerify(session.access_token, jwtKey(h.secret));
    expect(payload).toMatchObject({ sub: signUp.data.user!.id, aud: 'authenticated', role: 'authenticated', email: 'buyer.one@example.ph', aal: 'aal1', is_anonymous: false, iss: `${h.api.url}/auth/v1` });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(typeof payload.session_id).toBe('string');

    const got = await supabase.auth.getUser();
    expect(got.data.user?.id).toBe(signUp.data.user!.id);

    const updated = await supabase.auth.updateUser({ data: { country: 'PH', username: null }, password: 'second-password' });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ country: 'PH' });
    const oldPassword = await h.client().auth.signInWithPassword({ email, password: 'first-password' });
    expect(oldPassword.error?.code).toBe('invalid_credentials');
    expect((await h.client().auth.signInWithPassword({ email, password: 'second-password' })).error).toBeNull();

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(session.refresh_token);
    const lastRefreshToken = refreshed.data.session!.refresh_token;
    const lastAccessToken = refreshed.data.session!.access_token;

    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterLogout = await h.client().auth.refreshSession({ refresh_token: lastRefreshToken });
    expect(afterLogout.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    const staleUser = await h.client().auth.getUser(lastAccessToken);
    expect(staleUser.error?.name).toBe('AuthSessionMissingError');
  });

  it('answers wrong credentials, duplicates and weak passwords with GoTrue codes', async () => {
    const supabase = h.client();
    expect((await supabase.auth.signUp({ email: 'dupe@example.ph', password: 'dupe-password' })).error).toBeNull();
    const dupe = await supabase.auth.signUp({ email: 'DUPE@example.ph', password: 'dupe-password' });
    expect(dupe.error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
    const weak = await supabase.auth.signUp({ email: 'weak@example.ph', password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password', name: 'AuthWeakPasswordError', reasons: ['length'] });
    const wrong = await supabase.auth.signInWithPassword({ email: 'dupe@example.ph', password: 'not-it' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const nobody = await supabase.auth.signInWithPassword({ email: 'nobody@example.ph', password: 'not-it' });
    expect(nobody.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    const reused = await supabase.auth.refreshSession({ refresh_token: 'never-issued' });
    expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('lets the service key create, list, update and delete users, and refuses the anon key', async () => {
    const admin = h.client({ key: h.keys.serviceRoleKey }).auth.admin;
    const created = await admin.createUser({ email: 'gom@example.my', password: 'gom-password', email_confirm: true, user_metadata: { name: 'GOM' } });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user).toMatchObject({ email: 'gom@example.my', app_metadata: { provider: 'email' }, user_metadata: { name: 'GOM' } });
    expect(created.data.user?.email_confirmed_at).toBeTruthy();

    const page = await admin.listUsers({ page: 1, perPage: 2 });
    expect(page.error).toBeNull();
    expect(page.data.users).toHaveLength(2);
    const total = Number((await db.client.query('SELECT count(*) FROM auth.users')).rows[0].count);
    expect(page.data).toMatchObject({ total, lastPage: Math.ceil(total / 2) });

    const changed = await admin.updateUserById(id, { user_metadata: { country: 'MY' } });
    expect(changed.data.user?.user_metadata).toEqual({ name: 'GOM', country: 'MY' });
    expect((await h.client().auth.signInWithPassword({ email: 'gom@example.my', password: 'gom-password' })).error).toBeNull();

    expect((await admin.deleteUser(id)).error).toBeNull();
    expect((await admin.getUserById(id)).error).toMatchObject({ status: 404, code: 'user_not_found' });
    expect((await db.client.query('SELECT count(*)::int AS n FROM auth.sessions WHERE user_id = $1', [id])).rows[0].n).toBe(0);

    const refused = await h.client().auth.admin.listUsers();
    expect(refused.error).toMatchObject({ status: 403, code: 'not_admin' });
  });

  it('signs a seeded user in with the seed password', async () => {
    await seedTiny(db.url, 3);
    const { email } = (await db.client.query<{ email: string }>('SELECT email FROM auth.users WHERE email_confirmed_at IS NOT NULL AND encrypted_password IS NOT NULL ORDER BY created_at LIMIT 1 OFFSET 5')).rows[0]!;
    const signIn = await h.client().auth.signInWithPassword({ email, password: SEED_PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.email).toBe(email);
  });
});
