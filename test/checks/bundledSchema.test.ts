import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckResultSchema, type CheckResult } from '../../results/resultsModel.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { check, fingerprint, insertSampleData } from '../helpers/checkFixtures.ts';
import { EXPECTED_BUCKETS } from '../../checks/schema/expectedObjects.ts';

describe('check on the bundled production schema with a few sample rows', () => {
  let db: TestDatabase;
  let results: CheckResult[];
  let before: Record<string, string>;
  let after: Record<string, string>;
  const byId = (id: string) => {
    const found = results.find((r) => r.id === id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
  };
  const leaks = (id: string) => byId(id).evidence.filter((e) => e.leak === true);

  beforeAll(async () => {
    db = await createTestDatabase('check');
    await insertSampleData(db.client);
    before = await fingerprint(db.client);
    results = await check(db.client);
    after = await fingerprint(db.client);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('leaves every table and every definition exactly as it found them', () => {
    expect(Object.keys(before).length).toBeGreaterThan(35);
    expect(after).toEqual(before);
  });

  it('writes results that fit the results model, and fails exactly on the known production leaks', () => {
    for (const result of results) expect(() => CheckResultSchema.parse(result)).not.toThrow();
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    const gating = results.filter((r) => r.status === 'fail' && r.level === 'fail').map((r) => r.id).sort();
    expect(gating).toEqual([
      'lint.security-definer-function',
      'lint.security-definer-view',
      'probe.anon-paid-submission',
      'probe.security-definer-calls',
      'rls.anon-access',
      'rls.user-isolation',
      'storage.access',
    ]);
    expect(results.filter((r) => r.detail.startsWith('the check itself failed'))).toEqual([]);
  });

  it('finds the 6 duplicate indexes by name, each with the DROP that fixes it', () => {
    const dup = byId('lint.duplicate-index');
    expect(dup.status).toBe('warn');
    expect(dup.evidence.map((e) => e.index).sort()).toEqual([
      'idx_notification_preferences_user_id',
      'idx_notification_templates_type_channel',
      'idx_orders_slug',
      'idx_profiles_email',
      'idx_profiles_username',
      'idx_submissions_payment_reference',
    ]);
    expect(dup.remediationSql).toContain('DROP INDEX IF EXISTS public.idx_profiles_email;');
  });

  it('flags order_summaries: the lint reads its owner bypassing RLS, the anon probe sees its rows', () => {
    const lint = byId('lint.security-definer-view');
    expect(lint.evidence.find((e) => e.view === 'public.order_summaries')).toMatchObject({ problem: 'bypasses RLS on orders, profiles, submissions' });
    expect(lint.remediationSql).toContain('ALTER VIEW public.order_summaries SET (security_invoker = true);');
    const anon = leaks('rls.anon-access');
    expect(anon).toHaveLength(1);
    // 4 orders (one inactive) are visible through the view; under RLS anon would see none (profiles hides the join).
    expect(anon[0]).toMatchObject({ relation: 'public.order_summaries', persona: 'anon', operation: 'SELECT', rows: 4, rowsUnderRls: 0 });
  });

  it('payment-proofs: GOM B reads GOM A\'s proof, with the policy to blame and its fix', () => {
    const storage = byId('storage.access');
    expect(storage.status).toBe('fail');
    expect(leaks('storage.access')).toEqual([expect.objectContaining({ bucket: 'payment-proofs', persona: 'GOM B', operation: "read GOM A's object", rows: 1, policies: 'Order owners can view payment proofs' })]);
    // anon cannot list either private bucket: one listing per private bucket of the schema, each empty.
    const privateBuckets = Object.keys(EXPECTED_BUCKETS).filter((id) => !EXPECTED_BUCKETS[id]!.public).sort();
    expect(privateBuckets).toHaveLength(2);
    const anonPrivate = storage.evidence.filter((e) => e.persona === 'anon' && e.public === false);
    expect(anonPrivate.map((e) => e.bucket).sort()).toEqual(privateBuckets);
    expect(anonPrivate.map((e) => e.rows)).toEqual(privateBuckets.map(() => 0));
    // The uploader, or the GOM of the order named by the path's second folder (payment-proofs/{orderId}/…).
    expect(storage.remediationSql).toBe(
      `ALTER POLICY "Order owners can view payment proofs" ON storage.objects USING ((((bucket_id = 'payment-proofs'::text) AND (auth.role() = 'authenticated'::text))) AND ` +
        `(owner_id = ((SELECT auth.uid()))::text OR EXISTS (SELECT 1 FROM public.orders o WHERE o.user_id = (SELECT auth.uid()) AND o.id::text = (storage.foldername(objects.name))[2])));`,
    );
  });

  it('anon (and a buyer) insert a submission already paid with amount 0', () => {
    const paid = leaks('probe.anon-paid-submission');
    expect(paid.map((e) => e.persona).sort()).toEqual(['anon', 'buyer']);
    expect(paid[0]).toMatchObject({ table: 'public.submissions', operation: 'INSERT', result: 'accepted', rows: 1, values: { status: 'paid', total_amount: '0.00', quantity: 1 } });
    expect(paid[0]!.policies).toBe('Anyone can create submissions for active orders');
    // The honest submission (pending, quantity × price) is accepted for each persona that tried: that is the app's flow.
    const honest = byId('probe.anon-paid-submission').evidence.filter((e) => e.expect === 'accepted');
    expect(honest.map((e) => [e.persona, e.result]).sort()).toEqual([['anon', 'accepted'], ['buyer', 'accepted']]);
  });

  it('SECURITY DEFINER functions: no search_path, and anon acts on GOM A\'s data through them', () => {
    const lint = byId('lint.security-definer-function');
    const definers = [
      'cleanup_old_data()',
      'create_default_notification_preferences()',
      'database_health_check()',
      'get_unread_notification_count(uuid)',
      'mark_notification_read(uuid,uuid)',
    ];
    // One row per function and API role, each tagged with the splinter lint for that role.
    const byLint = (id: string) => lint.evidence.filter((e) => e.splinter === id).map((e) => e.function).sort();
    expect(byLint('0028_anon_security_definer_function_executable')).toEqual(definers);
    expect(byLint('0029_authenticated_security_definer_function_executable')).toEqual(definers);
    expect(lint.evidence).toHaveLength(10);
    expect(lint.evidence.every((e) => e.searchPath === 'not set' && e.executableBy === `${e.splinter === '0028_anon_security_definer_function_executable' ? 'anon' : 'authenticated'} (through PUBLIC)`)).toBe(true);
    const calls = leaks('probe.security-definer-calls');
    const anon = calls.filter((e) => e.persona === 'anon').map((e) => String(e.function).replace(/\(.*/, ''));
    expect(anon.sort()).toEqual(['cleanup_old_data', 'database_health_check', 'get_unread_notification_count', 'mark_notification_read']);
    expect(calls.find((e) => e.persona === 'anon' && String(e.function).startsWith('get_unread'))!.result).toMatch(/^returned (\d+) \(GOM A has \1 unread\)$/);
    expect(calls.find((e) => String(e.function).startsWith('cleanup_old_data'))!.rowsDeleted).toMatchObject({ messages: 1 });
  });

  it('no bucket has a size or MIME limit; the public flags are right', () => {
    expect(byId('storage.size-limits')).toMatchObject({ status: 'warn' });
    expect(byId('storage.size-limits').evidence.map((e) => e.fileSizeLimit)).toEqual([null, null, null, null]);
    expect(byId('storage.mime-types').evidence.map((e) => e.allowedMimeTypes)).toEqual([null, null, null, null]);
    expect(byId('storage.buckets').status).toBe('pass');
  });

  it('passes where production is right: RLS on all 31 tables, profiles isolated, service_role reaches everything', () => {
    expect(byId('rls.enabled')).toMatchObject({ status: 'pass', detail: 'RLS enabled on 31 of 31 public tables' });
    const profiles = byId('rls.user-isolation').evidence.filter((e) => e.table === 'public.profiles' && e.persona === 'GOM A');
    expect(profiles.map((e) => [e.operation, e.leak])).toEqual([['SELECT', false], ['UPDATE', false], ['DELETE', false], ['INSERT', false]]);
    expect(profiles.find((e) => e.operation === 'SELECT')).toMatchObject({ rows: 0, result: '0 rows seen' });
    expect(profiles.find((e) => e.operation === 'UPDATE')).toMatchObject({ rows: 0, result: '0 rows affected' });
    expect(byId('rls.service-role').status).toBe('pass');
    for (const id of ['schema.tables', 'schema.columns', 'schema.indexes', 'rls.policies', 'templates.loaded', 'storage.policies', 'roles.superusers', 'grants.public-schema', 'monitoring.slow-queries', 'lint.policy-always-true', 'schema.functions-executable', 'functions.sample-data', 'triggers.sample-operations']) {
      expect(byId(id).status, id).toBe('pass');
    }
  });

  it('user isolation: any user records analytics events and logs under another user\'s id', () => {
    expect(leaks('rls.user-isolation').map((e) => `${e.persona} ${e.operation} ${e.table}`).sort()).toEqual([
      'GOM A INSERT public.analytics_events',
      'GOM A INSERT public.monitoring_logs',
      'buyer INSERT public.analytics_events',
      'buyer INSERT public.monitoring_logs',
    ]);
    expect(byId('rls.user-isolation').remediationSql).toContain('ALTER POLICY "Anyone can track events" ON public.analytics_events WITH CHECK');
  });

  it('reads the policy expression trees: 52 policies call auth functions per row; several permissive policies', () => {
    const initplan = byId('lint.auth-rls-initplan');
    expect(initplan.evidence).toHaveLength(52);
    expect(initplan.detail).toContain('33 call auth.uid(), 24 call auth.role()');
    const multiple = byId('lint.multiple-permissive-policies').evidence;
    expect(multiple).toContainEqual({ table: 'public.orders', role: 'anon', command: 'SELECT', policies: 'Public can view active orders | Service role full access orders | Users can view own orders' });
    expect(byId('lint.policy-no-role').evidence).toHaveLength(57);
    expect(byId('lint.rls-no-policy').evidence).toHaveLength(11);
    expect(byId('lint.unindexed-foreign-keys').evidence.map((e) => e.columns)).toEqual(Array(7).fill('created_by'));
  });

  it('finds what Supabase\'s advisor (splinter) finds, each tagged with its lint id and level', () => {
    const tagged = (id: string) => results.filter((r) => r.splinter?.some((t) => t.id === id));
    const search = byId('lint.function-search-path-mutable');
    expect(search).toMatchObject({ status: 'warn', splinter: [{ id: '0011_function_search_path_mutable', level: 'WARN' }] });
    expect(search.evidence.filter((e) => e.security === 'invoker').map((e) => e.function).sort()).toEqual([
      'public.generate_payment_reference(country_prefix text)',
      'public.get_order_stats(order_uuid uuid)',
      'public.get_user_dashboard_stats(user_uuid uuid)',
      'public.update_updated_at_column()',
    ]);
    expect(search.evidence.filter((e) => e.security === 'definer')).toHaveLength(5);
    expect(byId('lint.extension-in-public')).toMatchObject({ status: 'warn', evidence: [{ extension: 'pg_trgm', schema: 'public' }], splinter: [{ id: '0014_extension_in_public', level: 'WARN' }] });
    const listing = byId('lint.public-bucket-allows-listing');
    expect(listing.evidence.map((e) => [e.bucket, e.policy])).toEqual([
      ['order-images', 'Anyone can view order images'],
      ['profile-images', 'Anyone can view profile images'],
    ]);
    expect(listing.splinter).toEqual([{ id: '0025_public_bucket_allows_listing', level: 'WARN' }]);
    // Splinter's levels beside ours.
    expect(tagged('0010_security_definer_view').map((r) => [r.id, r.level])).toEqual([['lint.security-definer-view', 'fail'], ['rls.anon-access', 'fail']]);
    expect(byId('lint.unindexed-foreign-keys').splinter).toEqual([{ id: '0001_unindexed_foreign_keys', level: 'INFO' }]);
    expect(byId('rls.enabled').splinter).toEqual([{ id: '0013_rls_disabled_in_public', level: 'ERROR' }]);
    // Where check reports more than splinter, it says so.
    expect(byId('lint.auth-rls-initplan').beyondSplinter).toContain('storage.objects');
    expect(byId('lint.auth-rls-initplan').evidence.filter((e) => e.table === 'storage.objects')).toHaveLength(6);
    expect(byId('lint.duplicate-index').beyondSplinter).toContain('UNIQUE');
    expect(byId('rls.user-isolation')).toMatchObject({ beyondSplinter: expect.stringContaining('live probe') });
    expect(byId('rls.user-isolation').splinter).toBeUndefined();
    // unused_index on a database no load has run on: a pointer to the scenario, not 103 indexes.
    expect(byId('lint.unused-index')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/^needs a load scenario: \d+ of \d+ non-unique indexes have idx_scan = 0/), splinter: [{ id: '0005_unused_index', level: 'INFO' }] });
    // Lints that apply but find nothing in GOMFLOW pass, tagged all the same.
    for (const id of ['lint.auth-users-exposed', 'lint.no-primary-key', 'lint.policy-exists-rls-disabled', 'lint.rls-references-user-metadata', 'lint.fkey-to-auth-unique', 'lint.sensitive-columns-exposed', 'lint.policy-always-true']) {
      expect(byId(id), id).toMatchObject({ status: 'pass', splinter: [expect.objectContaining({ id: expect.stringMatching(/^\d{4}_/) })] });
    }
  });

  it('reports the checklist\'s claims against reality as warnings, and its own broken SQL', () => {
    expect(byId('schema.functions')).toMatchObject({ status: 'warn', detail: expect.stringContaining('the checklist claims 15+ functions: there are 9') });
    expect(byId('schema.triggers')).toMatchObject({ status: 'warn', detail: expect.stringContaining('the checklist claims 20+ triggers: there are 16') });
    expect(byId('schema.indexes').detail).toContain('109 explicit indexes, 147 with the 38');
    expect(byId('rls.policies').detail).toContain('57 policies');
    expect(byId('checklist.sql').detail).toContain('column "total_time" does not exist');
    expect(byId('monitoring.slow-queries').detail).toContain('use total_exec_time and mean_exec_time');
    expect(byId('schema.adaptations')).toMatchObject({ status: 'warn', detail: expect.stringContaining('view public.slow_queries (column-rename)') });
  });
});
