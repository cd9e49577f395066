import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/runChecks.ts';
import type { CheckResult } from '../../results/resultsModel.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { CHECK_OPTIONS } from '../helpers/checkFixtures.ts';

/**
 * Each splinter lint on fixture objects made to trigger it, beside a fixed twin that must not.
 * Catalog fixtures live in schema fx (exposed to the API here through checks.apiSchemas), policy
 * fixtures on public tables named fx_* (the policy lints read public and storage.objects); the
 * bundled schema's own findings are filtered out by those names.
 */
describe('splinter lints: a trigger and its fixed twin', () => {
  let db: TestDatabase;
  const sql = (text: string) => db.client.query(text);
  const lint = async (id: string): Promise<CheckResult> => {
    const [result] = await runChecks(db.client, { ...CHECK_OPTIONS, apiSchemas: ['public', 'fx'], only: [id] });
    return result!;
  };
  const mentions = (result: CheckResult, key: string, pattern: RegExp) => result.evidence.map((e) => String(e[key])).filter((value) => pattern.test(value)).sort();

  beforeAll(async () => {
    db = await createTestDatabase('splinter');
    await sql('CREATE SCHEMA fx');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('0001 unindexed_foreign_keys: a bare FK column is found, an indexed one is not', async () => {
    await sql('CREATE TABLE fx.parent (id int PRIMARY KEY); CREATE TABLE fx.child (id int PRIMARY KEY, parent_id int REFERENCES fx.parent); CREATE TABLE fx.child_indexed (id int PRIMARY KEY, parent_id int REFERENCES fx.parent); CREATE INDEX ON fx.child_indexed (parent_id)');
    const result = await lint('lint.unindexed-foreign-keys');
    expect(mentions(result, 'table', /^fx\./)).toEqual(['fx.child']);
    expect(result.splinter).toEqual([{ id: '0001_unindexed_foreign_keys', level: 'INFO' }]);
  });

  it('0002 auth_users_exposed: a definer view over auth.users granted to anon is found; one granted to nobody is not', async () => {
    await sql('CREATE VIEW fx.user_emails AS SELECT id, email FROM auth.users; GRANT SELECT ON fx.user_emails TO anon');
    await sql('CREATE VIEW fx.user_emails_private AS SELECT id, email FROM auth.users; REVOKE ALL ON fx.user_emails_private FROM PUBLIC, anon, authenticated');
    const result = await lint('lint.auth-users-exposed');
    expect(result).toMatchObject({ status: 'fail', evidence: [{ view: 'fx.user_emails', readableBy: 'anon', reads: 'auth.users' }] });
    expect(result.remediationSql).toBe('REVOKE SELECT ON fx.user_emails FROM anon;');
  });

  it('0004 no_primary_key: a keyless table is found, its keyed twin is not', async () => {
    await sql('CREATE TABLE fx.keyless (a int); CREATE TABLE fx.keyed (a int PRIMARY KEY)');
    expect(mentions(await lint('lint.no-primary-key'), 'table', /^fx\./)).toEqual(['fx.keyless']);
  });

  it('0007 policy_exists_rls_disabled and 0008 rls_enabled_no_policy: each finds its table and not the other', async () => {
    await sql('CREATE TABLE fx.policy_rls_off (a int PRIMARY KEY); CREATE POLICY "reads" ON fx.policy_rls_off FOR SELECT USING (true)');
    await sql('CREATE TABLE fx.policy_rls_on (a int PRIMARY KEY); CREATE POLICY "reads" ON fx.policy_rls_on FOR SELECT USING (true); ALTER TABLE fx.policy_rls_on ENABLE ROW LEVEL SECURITY');
    await sql('CREATE TABLE fx.no_policy (a int PRIMARY KEY); ALTER TABLE fx.no_policy ENABLE ROW LEVEL SECURITY');
    const disabled = await lint('lint.policy-exists-rls-disabled');
    expect(disabled).toMatchObject({ status: 'fail', evidence: [{ table: 'fx.policy_rls_off', policies: 'reads' }] });
    expect(mentions(await lint('lint.rls-no-policy'), 'table', /^fx\./)).toEqual(['fx.no_policy']);
  });

  it('0009 duplicate_index: a second identical index is found; a wider one on the same column is not', async () => {
    await sql('CREATE TABLE fx.dup (a int, b int); CREATE INDEX fx_dup_a ON fx.dup (a); CREATE INDEX fx_dup_a_again ON fx.dup (a); CREATE INDEX fx_dup_a_b ON fx.dup (a, b)');
    expect(mentions(await lint('lint.duplicate-index'), 'index', /^fx_/)).toEqual(['fx_dup_a_again']);
  });

  it('0010 security_definer_view and 0016 materialized_view_in_api: the definer view and the matview are found, the invoker view is not', async () => {
    await sql('CREATE TABLE fx.secrets (id int PRIMARY KEY, note text); ALTER TABLE fx.secrets ENABLE ROW LEVEL SECURITY');
    await sql('CREATE VIEW fx.secret_notes AS SELECT note FROM fx.secrets; CREATE MATERIALIZED VIEW fx.secret_counts AS SELECT count(*) FROM fx.secrets');
    await sql('CREATE VIEW fx.secret_notes_invoker WITH (security_invoker = true) AS SELECT note FROM fx.secrets');
    await sql('GRANT SELECT ON fx.secret_notes, fx.secret_counts, fx.secret_notes_invoker TO anon');
    const result = await lint('lint.security-definer-view');
    const fx = result.evidence.filter((e) => String(e.view).startsWith('fx.secret'));
    expect(fx.map((e) => [e.view, e.splinter])).toEqual([
      ['fx.secret_counts', '0016_materialized_view_in_api'],
      ['fx.secret_notes', '0010_security_definer_view'],
    ]);
  });

  it('0011 function_search_path_mutable: a function without search_path is found, one that pins it is not', async () => {
    await sql(`CREATE FUNCTION fx.loose() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE FUNCTION fx.pinned() RETURNS int LANGUAGE sql SET search_path = fx, pg_temp AS 'SELECT 1'`);
    const result = await lint('lint.function-search-path-mutable');
    expect(mentions(result, 'function', /^fx\./)).toEqual(['fx.loose()']);
    expect(result.remediationSql).toContain('ALTER FUNCTION fx.loose() SET search_path = fx, public, pg_temp;');
  });

  it('0013 rls_disabled_in_public: with fx exposed, its table without RLS is found and the one with RLS is not', async () => {
    await sql('CREATE TABLE fx.open_table (a int PRIMARY KEY)');
    const result = await lint('rls.enabled');
    expect(mentions(result, 'table', /^fx\./)).toEqual(['fx.dup', 'fx.keyed', 'fx.keyless', 'fx.open_table', 'fx.parent', 'fx.child', 'fx.child_indexed', 'fx.policy_rls_off'].sort());
    expect(result.splinter).toEqual([{ id: '0013_rls_disabled_in_public', level: 'ERROR' }]);
    // A schema the API does not expose is not this lint's business.
    const [publicOnly] = await runChecks(db.client, { ...CHECK_OPTIONS, only: ['rls.enabled'] });
    expect(publicOnly!.status).toBe('pass');
  });

  it('0014 extension_in_public: pg_trgm in public is found; moved by the remediation, it passes', async () => {
    const found = await lint('lint.extension-in-public');
    expect(found.evidence).toEqual([{ extension: 'pg_trgm', version: expect.any(String), schema: 'public', relocatable: true }]);
    await sql(found.remediationSql!);
    expect((await lint('lint.extension-in-public')).status).toBe('pass');
  });

  it('0015 rls_references_user_metadata: a policy on user_metadata is found, its app_metadata twin is not', async () => {
    await sql('CREATE TABLE public.fx_admin_notes (id int PRIMARY KEY); ALTER TABLE public.fx_admin_notes ENABLE ROW LEVEL SECURITY');
    await sql(`CREATE POLICY "fx admins by user metadata" ON public.fx_admin_notes FOR SELECT TO authenticated USING ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin')`);
    await sql(`CREATE POLICY "fx admins by app metadata" ON public.fx_admin_notes FOR SELECT TO authenticated USING ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin')`);
    const result = await lint('lint.rls-references-user-metadata');
    expect(result).toMatchObject({ status: 'fail', evidence: [{ table: 'public.fx_admin_notes', policy: 'fx admins by user metadata' }] });
  });

  it('0021 fkey_to_auth_unique: an FK onto a unique auth key is found, one onto auth.users(id) is not', async () => {
    await sql('CREATE TABLE fx.by_token (token varchar(255) REFERENCES auth.refresh_tokens (token)); CREATE TABLE fx.by_user (user_id uuid REFERENCES auth.users (id))');
    const result = await lint('lint.fkey-to-auth-unique');
    expect(result.evidence).toEqual([expect.objectContaining({ table: 'fx.by_token', constraint: 'by_token_token_fkey' })]);
  });

  it('0023 sensitive_columns_exposed: a password column without RLS readable by anon is found; with RLS it is not', async () => {
    await sql('CREATE TABLE fx.accounts (id int PRIMARY KEY, password text); CREATE TABLE fx.accounts_guarded (id int PRIMARY KEY, password text); ALTER TABLE fx.accounts_guarded ENABLE ROW LEVEL SECURITY');
    await sql('GRANT SELECT ON fx.accounts, fx.accounts_guarded TO anon');
    const result = await lint('lint.sensitive-columns-exposed');
    expect(result.evidence).toEqual([{ table: 'fx.accounts', columns: 'password', readableBy: 'anon', rls: 'disabled' }]);
  });

  it('0024 rls_policy_always_true: UPDATE USING (1 = 1) and an INSERT without WITH CHECK are found; a real condition is not', async () => {
    await sql('CREATE TABLE public.fx_posts (id int PRIMARY KEY, owner uuid); ALTER TABLE public.fx_posts ENABLE ROW LEVEL SECURITY');
    await sql('CREATE POLICY "fx anyone edits" ON public.fx_posts FOR UPDATE TO authenticated USING (1 = 1)');
    await sql('CREATE POLICY "fx anyone posts" ON public.fx_posts FOR INSERT TO authenticated');
    await sql('CREATE POLICY "fx owners edit" ON public.fx_posts FOR UPDATE TO authenticated USING (owner = (SELECT auth.uid()))');
    expect(mentions(await lint('lint.policy-always-true'), 'policy', /^fx /)).toEqual(['fx anyone edits', 'fx anyone posts']);
  });

  it('0003 auth_rls_initplan and 0006 multiple_permissive_policies on fx_posts: the per-row call and the doubled UPDATE', async () => {
    await sql('CREATE POLICY "fx owners edit per row" ON public.fx_posts FOR DELETE TO authenticated USING (owner = auth.uid())');
    expect(mentions(await lint('lint.auth-rls-initplan'), 'policy', /^fx owners/)).toEqual(['fx owners edit per row']);
    const multiple = (await lint('lint.multiple-permissive-policies')).evidence.filter((e) => e.table === 'public.fx_posts');
    expect(multiple).toEqual([{ table: 'public.fx_posts', role: 'authenticated', command: 'UPDATE', policies: 'fx anyone edits | fx owners edit' }]);
  });

  it('0025 public_bucket_allows_listing: a bucket-wide SELECT on a public bucket is found; a private bucket or an owner test is not', async () => {
    await sql(`INSERT INTO storage.buckets (id, name, public) VALUES ('fx-open', 'fx-open', true), ('fx-closed', 'fx-closed', false), ('fx-owned', 'fx-owned', true)`);
    await sql(`CREATE POLICY "fx list open" ON storage.objects FOR SELECT USING (bucket_id = 'fx-open' AND auth.role() = 'authenticated')`);
    await sql(`CREATE POLICY "fx list closed" ON storage.objects FOR SELECT USING (bucket_id = 'fx-closed')`);
    await sql(`CREATE POLICY "fx list own" ON storage.objects FOR SELECT USING (bucket_id = 'fx-owned' AND owner = auth.uid())`);
    const result = await lint('lint.public-bucket-allows-listing');
    expect(mentions(result, 'bucket', /^fx-/)).toEqual(['fx-open']);
    expect(result.remediationSql).toContain('DROP POLICY "fx list open" ON storage.objects;');
  });

  it('0028/0029 SECURITY DEFINER executable: PUBLIC execute gives a row per role; granted to authenticated only, one 0029 row; revoked, none', async () => {
    await sql(`CREATE FUNCTION fx.definer_open() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'`);
    await sql(`CREATE FUNCTION fx.definer_signed_in() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'; REVOKE EXECUTE ON FUNCTION fx.definer_signed_in() FROM PUBLIC; GRANT EXECUTE ON FUNCTION fx.definer_signed_in() TO authenticated`);
    await sql(`CREATE FUNCTION fx.definer_closed() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'; REVOKE EXECUTE ON FUNCTION fx.definer_closed() FROM PUBLIC`);
    const result = await lint('lint.security-definer-function');
    const fx = result.evidence.filter((e) => String(e.function).startsWith('fx.'));
    expect(fx.map((e) => [e.function, e.splinter])).toEqual([
      ['fx.definer_open()', '0028_anon_security_definer_function_executable'],
      ['fx.definer_open()', '0029_authenticated_security_definer_function_executable'],
      ['fx.definer_signed_in()', '0029_authenticated_security_definer_function_executable'],
    ]);
    await sql(result.remediationSql!);
    expect((await lint('lint.security-definer-function')).status).toBe('pass');
  });
});
