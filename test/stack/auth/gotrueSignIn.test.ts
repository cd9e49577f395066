import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import { applySchema } from '../../../stack/schema/applySchema.ts';
import { startTestApi, type LocalApiHarness } from '../../helpers/localApiHarness.ts';
import { seedTiny } from '../../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';

/** Seeded users against the local /auth/v1, which reads GoTrue's auth.users and auth.identities as GoTrue does. */
describe('seeded users and GoTrue sign-in', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;
  let emails: string[];

  beforeAll(async () => {
    db = await createTestDatabase('gotrue_signin');
    await seedTiny(db.url, 9);
    h = await startTestApi(db.url);
    emails = (await db.client.query<{ email: string }>('SELECT email FROM auth.users ORDER BY email LIMIT 3')).rows.map((r) => r.email);
  });

  afterAll(async () => {
    await h?.api.close();
    await db?.drop();
  });

  it('seeds users as GoTrue writes them: one email identity each, token columns empty, e-mail provider, confirmed', async () => {
    const { rows } = await db.client.query(`
      SELECT count(*)::int AS users,
             count(*) FILTER (WHERE (SELECT count(*) FROM auth.identities i WHERE i.user_id = u.id AND i.provider = 'email' AND i.provider_id = u.id::text AND i.email = lower(u.email)) = 1)::int AS with_identity,
             count(*) FILTER (WHERE confirmation_token = '' AND recovery_token = '' AND email_change_token_new = '' AND email_change = ''
                                AND phone_change = '' AND phone_change_token = '' AND email_change_token_current = '' AND reauthentication_token = '')::int AS empty_tokens,
             count(*) FILTER (WHERE raw_app_meta_data = '{"provider":"email","providers":["email"]}' AND role = 'authenticated' AND aud = 'authenticated'
                                AND email_confirmed_at IS NOT NULL AND confirmed_at = email_confirmed_at)::int AS accepted
      FROM auth.users u`);
    expect(rows[0].users).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ users: rows[0].users, with_identity: rows[0].users, empty_tokens: rows[0].users, accepted: rows[0].users });
    const identities = await db.client.query<{ n: number }>('SELECT count(*)::int AS n FROM auth.identities');
    expect(identities.rows[0]!.n).toBe(rows[0].users);
  });

  it('a seeded user signs in with the seed password through supabase-js', async () => {
    const { data, error } = await h.client().auth.signInWithPassword({ email: emails[0]!, password: SEED_PASSWORD });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: emails[0], role: 'authenticated', aud: 'authenticated', app_metadata: { provider: 'email', providers: ['email'] } });
    expect(data.user?.identities?.map((i) => i.provider)).toEqual(['email']);
  });

  it('a user without its email identity signs in as GoTrue lets it (the password grant reads auth.users only), with no identities', async () => {
    await db.client.query(`DELETE FROM auth.identities WHERE user_id = (SELECT id FROM auth.users WHERE email = $1)`, [emails[1]]);
    const { data, error } = await h.client().auth.signInWithPassword({ email: emails[1]!, password: SEED_PASSWORD });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: emails[1], identities: [] });
    const wrong = await h.client().auth.signInWithPassword({ email: emails[1]!, password: 'not-the-seed-password' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('a user with a NULL token column fails as GoTrue fails: 500 "Database error querying schema"', async () => {
    await db.client.query(`UPDATE auth.users SET confirmation_token = NULL WHERE email = $1`, [emails[2]]);
    // supabase-js reports a 5xx as retryable without its body; the body is GoTrue's.
    const { error } = await h.client().auth.signInWithPassword({ email: emails[2]!, password: SEED_PASSWORD });
    expect(error).toMatchObject({ name: 'AuthRetryableFetchError', status: 500 });
    const response = await fetch(`${h.api.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: h.keys.anonKey, 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify({ email: emails[2], password: SEED_PASSWORD }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 'unexpected_failure', message: 'Database error querying schema' });
  });

  it('sign-up writes the user GoTrue would: empty tokens and an email identity', async () => {
    const { error } = await h.client().auth.signUp({ email: 'new.buyer@example.ph', password: 'a-new-password' });
    expect(error).toBeNull();
    const { rows } = await db.client.query(
      `SELECT u.confirmation_token, u.email_change, i.provider, i.provider_id = u.id::text AS provider_id_is_user FROM auth.users u JOIN auth.identities i ON i.user_id = u.id WHERE u.email = 'new.buyer@example.ph'`,
    );
    expect(rows).toEqual([{ confirmation_token: '', email_change: '', provider: 'email', provider_id_is_user: true }]);
  });
});

describe("the shim upgrades its own older auth.users to GoTrue's", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('gotrue_upgrade', 'empty');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('adds the missing columns, sets the tokens to empty strings and gives e-mail users their identity', async () => {
    await db.client.query(`CREATE SCHEMA auth;
      CREATE TABLE auth.users (instance_id uuid, id uuid NOT NULL PRIMARY KEY, aud varchar(255), role varchar(255), email varchar(255),
        encrypted_password varchar(255), email_confirmed_at timestamptz, raw_app_meta_data jsonb, raw_user_meta_data jsonb,
        created_at timestamptz, updated_at timestamptz, last_sign_in_at timestamptz, is_sso_user boolean NOT NULL DEFAULT false);
      INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at) VALUES ('00000000-0000-4000-8000-000000000001', 'Old@Example.ph', 'hash', now());`);
    await applySchema(db.client, { source: 'empty', withShim: true });
    await applySchema(db.client, { source: 'empty', withShim: true });
    const columns = await db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'users'`);
    expect(columns.rows[0]!.n).toBe(35);
    const { rows } = await db.client.query(`SELECT u.confirmation_token, u.reauthentication_token, i.provider, i.email FROM auth.users u JOIN auth.identities i ON i.user_id = u.id`);
    expect(rows).toEqual([{ confirmation_token: '', reauthentication_token: '', provider: 'email', email: 'old@example.ph' }]);
  });
});
