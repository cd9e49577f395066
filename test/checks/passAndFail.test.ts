import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/runChecks.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { CHECK_OPTIONS, insertSampleData, one } from '../helpers/checkFixtures.ts';

/** Each check made to fail by a change to the schema, and made to pass again (by its own remediation where it has one). */
describe('every check fails on a broken database and passes on a fixed one', () => {
  let db: TestDatabase;
  const sql = (text: string) => db.client.query(text);
  const fixWith = async (id: string) => {
    const result = await one(db.client, id);
    expect(result.remediationSql, `${id} has remediation SQL`).toBeTruthy();
    await sql(result.remediationSql!);
    return one(db.client, id);
  };

  beforeAll(async () => {
    db = await createTestDatabase('checkpf');
    await insertSampleData(db.client);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('rls.enabled: RLS turned off on profiles fails; its remediation turns it back on', async () => {
    await sql('ALTER TABLE public.profiles DISABLE ROW LEVEL SECURITY');
    const failed = await one(db.client, 'rls.enabled');
    expect(failed).toMatchObject({ status: 'fail', evidence: [{ table: 'public.profiles', rls: 'disabled', policies: 4 }] });
    expect(failed.remediationSql).toBe('ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;');
    expect((await fixWith('rls.enabled')).status).toBe('pass');
  });

  it('lint.duplicate-index: passes once the 6 are dropped, fails on a new copy of an index', async () => {
    expect((await fixWith('lint.duplicate-index')).status).toBe('pass');
    await sql('CREATE INDEX idx_orders_user_id_copy ON public.orders (user_id)');
    const found = await one(db.client, 'lint.duplicate-index');
    expect(found.evidence).toEqual([expect.objectContaining({ index: 'idx_orders_user_id_copy', duplicates: 'idx_orders_user_id' })]);
    expect((await fixWith('lint.duplicate-index')).status).toBe('pass');
    // schema.indexes does not miss production's duplicates once they are gone.
    expect((await one(db.client, 'schema.indexes')).status).toBe('pass');
  });

  it('lint.policy-always-true: an UPDATE policy USING (true) fails; with a SELECT USING (true) too, GOM A updates GOM B\'s profile', async () => {
    await sql(`CREATE POLICY "Anyone can edit profiles" ON public.profiles FOR UPDATE USING (true)`);
    const lint = await one(db.client, 'lint.policy-always-true');
    expect(lint).toMatchObject({ status: 'fail', evidence: [{ table: 'public.profiles', policy: 'Anyone can edit profiles', command: 'UPDATE' }] });
    // A filtered UPDATE (PostgREST's PATCH ?user_id=eq.…) also needs the row to pass a SELECT policy: still 0 rows.
    const hidden = await one(db.client, 'rls.user-isolation');
    expect(hidden.evidence.find((e) => e.table === 'public.profiles' && e.persona === 'GOM A' && e.operation === 'UPDATE')).toMatchObject({ leak: false, rows: 0 });
    await sql(`CREATE POLICY "Anyone can read profiles" ON public.profiles FOR SELECT USING (true)`);
    const open = await one(db.client, 'rls.user-isolation');
    const profileLeaks = open.evidence.filter((e) => e.table === 'public.profiles' && e.persona === 'GOM A' && e.leak === true);
    expect(profileLeaks.map((e) => [e.operation, e.rows, e.policies])).toEqual([
      ['SELECT', 1, 'Anyone can read profiles'],
      ['UPDATE', 1, 'Anyone can edit profiles'],
    ]);
    await sql(`DROP POLICY "Anyone can read profiles" ON public.profiles`);
    await sql(lint.remediationSql!.replace(/;.*$/s, ';'));
    expect((await one(db.client, 'lint.policy-always-true')).status).toBe('pass');
  });

  it('lint.security-definer-view: a new view over profiles granted to anon fails until it gets security_invoker', async () => {
    expect((await fixWith('lint.security-definer-view')).status).toBe('pass');
    await sql('CREATE VIEW public.profile_names AS SELECT name, country FROM public.profiles');
    await sql('GRANT SELECT ON public.profile_names TO anon');
    const found = await one(db.client, 'lint.security-definer-view');
    expect(found.evidence).toEqual([expect.objectContaining({ view: 'public.profile_names', problem: 'bypasses RLS on profiles' })]);
    const anon = await one(db.client, 'rls.anon-access');
    expect(anon.evidence.find((e) => e.relation === 'public.profile_names')).toMatchObject({ leak: true, rowsUnderRls: 0 });
    expect((await fixWith('lint.security-definer-view')).status).toBe('pass');
  });

  it('lint.unindexed-foreign-keys: passes once indexed; dropping the indexes under orders.user_id fails', async () => {
    expect((await fixWith('lint.unindexed-foreign-keys')).status).toBe('pass');
    await sql('DROP INDEX public.idx_orders_user_id; DROP INDEX public.idx_orders_user_active');
    const found = await one(db.client, 'lint.unindexed-foreign-keys');
    expect(found.evidence).toEqual([{ table: 'public.orders', constraint: 'orders_user_id_fkey', columns: 'user_id', references: 'profiles' }]);
    expect((await fixWith('lint.unindexed-foreign-keys')).status).toBe('pass');
  });

  it('lint.auth-rls-initplan: sees auth.uid() through a helper function; the wrapped form passes', async () => {
    await sql(`CREATE FUNCTION public.current_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT auth.uid() $$`);
    await sql(`CREATE POLICY "Devices via helper" ON public.user_devices FOR SELECT TO authenticated USING (user_id = public.current_user_id())`);
    const found = await one(db.client, 'lint.auth-rls-initplan');
    const helper = found.evidence.find((e) => e.policy === 'Devices via helper');
    expect(helper).toMatchObject({ perRowCalls: 'public.current_user_id() → auth.uid()' });
    expect(found.remediationSql).toContain('ALTER POLICY "Devices via helper" ON public.user_devices USING ((user_id = ( SELECT current_user_id())));');
    const fixed = await fixWith('lint.auth-rls-initplan');
    expect(fixed.status).toBe('pass');
    // A call inside a correlated sub-select is still per row.
    await sql(`ALTER POLICY "Devices via helper" ON public.user_devices USING (EXISTS (SELECT 1 FROM public.profiles p WHERE p.user_id = user_devices.user_id AND p.user_id = auth.uid()))`);
    expect((await one(db.client, 'lint.auth-rls-initplan')).evidence.map((e) => e.policy)).toEqual(['Devices via helper']);
    await sql('DROP POLICY "Devices via helper" ON public.user_devices; DROP FUNCTION public.current_user_id()');
  });

  it('lint.multiple-permissive-policies, lint.policy-no-role, lint.rls-no-policy, lint.security-definer-function: each remediation passes', async () => {
    for (const id of ['lint.policy-no-role', 'lint.multiple-permissive-policies', 'lint.rls-no-policy', 'lint.security-definer-function']) {
      expect((await one(db.client, id)).status, id).not.toBe('pass');
      expect((await fixWith(id)).status, id).toBe('pass');
    }
  });

  it('storage: a public payment-proofs bucket fails; limits and MIME types pass once set', async () => {
    await sql(`UPDATE storage.buckets SET public = true WHERE id = 'payment-proofs'`);
    expect(await one(db.client, 'storage.buckets')).toMatchObject({ status: 'fail', remediationSql: `UPDATE storage.buckets SET public = false WHERE id = 'payment-proofs';` });
    expect((await fixWith('storage.buckets')).status).toBe('pass');
    expect((await fixWith('storage.size-limits')).status).toBe('pass');
    expect((await fixWith('storage.mime-types')).status).toBe('pass');
    await sql('ALTER TABLE storage.objects DISABLE ROW LEVEL SECURITY');
    expect((await one(db.client, 'storage.policies')).status).toBe('warn');
    expect((await fixWith('storage.policies')).status).toBe('pass');
  });

  it('grants: PUBLIC CREATE on schema public fails; anon TRUNCATE warns; service_role without DELETE warns', async () => {
    await sql('GRANT CREATE ON SCHEMA public TO PUBLIC');
    expect((await one(db.client, 'grants.public-schema')).status).toBe('fail');
    expect((await fixWith('grants.public-schema')).status).toBe('pass');
    expect((await fixWith('grants.anon')).status).toBe('pass');
    await sql('REVOKE DELETE, UPDATE ON public.messages FROM service_role');
    expect(await one(db.client, 'grants.service-role')).toMatchObject({ status: 'warn', evidence: expect.arrayContaining([{ table: 'public.messages', privileges: 'SELECT, INSERT, TRUNCATE, REFERENCES, TRIGGER' }]) });
    expect((await one(db.client, 'rls.service-role')).evidence.find((e) => e.table === 'public.messages')).toMatchObject({ ok: false });
    expect((await fixWith('grants.service-role')).status).toBe('pass');
    expect((await one(db.client, 'rls.service-role')).status).toBe('pass');
  });

  it('schema objects: a renamed table, a retyped column, a renamed index, function, policy and a dropped view are missing', async () => {
    await sql('ALTER TABLE public.monitoring_downtimes RENAME TO monitoring_outages');
    expect(await one(db.client, 'schema.tables')).toMatchObject({ status: 'fail', evidence: [{ table: 'monitoring_downtimes', problem: 'missing' }, { table: 'monitoring_outages', problem: 'not in gomflow-schema.md' }] });
    expect((await one(db.client, 'schema.tables.monitoring')).status).toBe('fail');
    await sql('ALTER TABLE public.monitoring_outages RENAME TO monitoring_downtimes');
    await sql('ALTER TABLE public.platform_posts ALTER COLUMN post_url TYPE varchar(500)');
    expect(await one(db.client, 'schema.columns')).toMatchObject({ status: 'fail', evidence: [{ table: 'platform_posts', column: 'post_url', expected: 'text', actual: 'character varying(500)', problem: 'type differs' }] });
    await sql('ALTER TABLE public.platform_posts ALTER COLUMN post_url TYPE text');
    expect((await one(db.client, 'schema.columns')).status).toBe('pass');
    await sql('ALTER INDEX public.idx_orders_currency RENAME TO orders_currency_idx');
    expect((await one(db.client, 'schema.indexes')).detail).toContain('missing idx_orders_currency');
    await sql('ALTER INDEX public.orders_currency_idx RENAME TO idx_orders_currency');
    await sql('ALTER FUNCTION public.get_order_stats(uuid) RENAME TO get_order_statistics');
    expect((await one(db.client, 'schema.functions')).detail).toContain('missing get_order_stats');
    await sql('ALTER FUNCTION public.get_order_statistics(uuid) RENAME TO get_order_stats');
    await sql(`ALTER POLICY "Anyone can view templates" ON public.notification_templates RENAME TO "Templates"`);
    expect((await one(db.client, 'rls.policies')).detail).toContain('notification_templates: SELECT Anyone can view templates');
    await sql(`ALTER POLICY "Templates" ON public.notification_templates RENAME TO "Anyone can view templates"`);
    const definition = (await db.client.query<{ def: string }>(`SELECT pg_get_viewdef('public.slow_queries'::regclass) AS def`)).rows[0]!.def;
    await sql('DROP VIEW public.slow_queries');
    expect((await one(db.client, 'schema.views')).evidence).toEqual([{ view: 'public.slow_queries', problem: "production's definition selects total_time/mean_time, which PG 13 renamed: CREATE VIEW fails" }]);
    expect((await one(db.client, 'monitoring.slow-queries')).detail).toContain('slow_queries: public.slow_queries does not exist');
    await sql(`CREATE VIEW public.slow_queries AS ${definition}`);
    expect((await one(db.client, 'schema.views')).status).toBe('pass');
    expect((await one(db.client, 'monitoring.slow-queries')).status).toBe('pass');
  });

  it('triggers: a disabled trigger is a finding for schema.triggers and triggers.sample-operations', async () => {
    await sql('ALTER TABLE public.orders DISABLE TRIGGER trigger_orders_updated_at');
    expect((await one(db.client, 'schema.triggers')).evidence).toContainEqual({ object: 'orders.trigger_orders_updated_at', problem: 'disabled' });
    expect(await one(db.client, 'triggers.sample-operations')).toMatchObject({ status: 'warn', detail: expect.stringContaining('orders.trigger_orders_updated_at') });
    await fixWith('schema.triggers');
    expect((await one(db.client, 'triggers.sample-operations')).status).toBe('pass');
  });

  it('functions: one that errors fails schema.functions-executable; a wrong result fails functions.sample-data', async () => {
    await sql(`CREATE FUNCTION public.broken_total() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1 / 0; END $$`);
    expect(await one(db.client, 'schema.functions-executable')).toMatchObject({ status: 'fail', detail: expect.stringContaining('broken_total(): division by zero') });
    await sql('DROP FUNCTION public.broken_total()');
    expect((await one(db.client, 'schema.functions-executable')).status).toBe('pass');
    const original = (await db.client.query<{ def: string }>(`SELECT pg_get_functiondef('public.generate_payment_reference(text)'::regprocedure) AS def`)).rows[0]!.def;
    await sql(`CREATE OR REPLACE FUNCTION public.generate_payment_reference(country_prefix text) RETURNS text LANGUAGE sql AS $$ SELECT lower(country_prefix) || '-1' $$`);
    expect((await one(db.client, 'functions.sample-data')).evidence.find((e) => e.function === 'generate_payment_reference')).toMatchObject({ returned: 'ph-1', ok: false });
    await sql(original);
    expect((await one(db.client, 'functions.sample-data')).status).toBe('pass');
  });

  it('statistics: after a stats reset the tables with rows were never analyzed; ANALYZE fixes it', async () => {
    await sql('SELECT pg_stat_reset()');
    const stale = await one(db.client, 'stats.analyzed');
    expect(stale.status).toBe('warn');
    expect(stale.evidence.map((e) => e.table)).toContain('orders');
    expect((await fixWith('stats.analyzed')).status).toBe('pass');
  });

  it('settings, roles and SSL judge against the configured expectations', async () => {
    const run = async (id: string, options: Partial<typeof CHECK_OPTIONS>) => (await runChecks(db.client, { ...CHECK_OPTIONS, ...options, only: [id] }))[0]!;
    expect((await run('settings.max-connections', {})).status).toBe('pass');
    expect(await run('settings.max-connections', { budgets: { ...CHECK_OPTIONS.budgets, maxConnections: 200 } })).toMatchObject({ status: 'warn', detail: 'max_connections is 100, the checklist wants 200' });
    expect(await run('settings.statement-timeout', { budgets: { ...CHECK_OPTIONS.budgets, statementTimeoutMs: 10_000 } })).toMatchObject({ status: 'warn', detail: expect.stringContaining('statement_timeout is 30s for the server') });
    expect(await run('settings.idle-timeout', { budgets: { ...CHECK_OPTIONS.budgets, idleTimeoutMs: 20_000 } })).toMatchObject({ status: 'warn', detail: expect.stringContaining('stricter') });
    expect((await run('roles.superusers', {})).status).toBe('pass');
    expect(await run('roles.superusers', { superusers: ['supabase_admin'] })).toMatchObject({ status: 'fail', remediationSql: 'ALTER ROLE postgres NOSUPERUSER;' });
    expect((await run('security.ssl', {})).status).toBe('skip');
    expect(await run('security.ssl', { remote: true })).toMatchObject({ status: 'fail', detail: expect.stringContaining('SSL off') });
    expect((await run('settings.audit-logging', {})).status).toBe('warn');
    await sql(`SET log_statement = 'mod'`);
    expect((await run('settings.audit-logging', {})).status).toBe('pass');
    await sql('RESET log_statement');
  });

  it('levels: a check set to warn or off in the config does not gate; an unknown id is a config error', async () => {
    await sql(`UPDATE storage.buckets SET file_size_limit = NULL WHERE id = 'export-files'`);
    const levels = { 'storage.size-limits': 'fail' as const, 'rls.enabled': 'off' as const };
    const results = await runChecks(db.client, { ...CHECK_OPTIONS, levels, only: ['storage.size-limits', 'rls.enabled'] });
    expect(results.map((r) => [r.id, r.status, r.level])).toEqual([
      ['rls.enabled', 'skip', 'fail'],
      ['storage.size-limits', 'fail', 'fail'],
    ]);
    await expect(runChecks(db.client, { ...CHECK_OPTIONS, levels: { 'rls.enabeld': 'off' } })).rejects.toThrow(/checks\.levels\.rls\.enabeld: no check has this id/);
  });
});
