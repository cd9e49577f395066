import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { countObjects } from '../../stack/schema/countObjects.ts';
import { GOMFLOW_INDEX_NAMES } from '../fixtures/gomflowIndexNames.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** Everything that identifies the schema's objects and their definitions, for before/after comparison. */
const CATALOG_SNAPSHOT_SQL = `
SELECT json_build_object(
  'columns', (SELECT json_agg(format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) ORDER BY table_name, ordinal_position)
              FROM information_schema.columns WHERE table_schema IN ('public', 'auth', 'storage')),
  'indexes', (SELECT json_agg(indexdef ORDER BY schemaname, indexname) FROM pg_indexes WHERE schemaname IN ('public', 'auth', 'storage')),
  'functions', (SELECT json_agg(pg_get_functiondef(p.oid) ORDER BY p.proname) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname IN ('public', 'auth', 'storage') AND p.prokind = 'f'),
  'triggers', (SELECT json_agg(pg_get_triggerdef(t.oid) ORDER BY t.tgname) FROM pg_trigger t WHERE NOT t.tgisinternal),
  'policies', (SELECT json_agg(format('%s.%s %s %s %s %s', schemaname, tablename, policyname, cmd, qual, with_check) ORDER BY schemaname, tablename, policyname) FROM pg_policies),
  'views', (SELECT json_agg(format('%s %s', viewname, definition) ORDER BY viewname) FROM pg_views WHERE schemaname = 'public'),
  'buckets', (SELECT json_agg(format('%s %s %s %s', id, public, file_size_limit, allowed_mime_types) ORDER BY id) FROM storage.buckets),
  'templates', (SELECT json_agg(format('%s %s %s %s', type, channel, language, title) ORDER BY type, channel) FROM public.notification_templates),
  'adaptations', (SELECT json_agg(object ORDER BY object) FROM gomflow_loadtest.schema_adaptations),
  'grants', (SELECT json_agg(format('%s %s %s', grantee, table_name, privilege_type) ORDER BY grantee, table_name, privilege_type)
             FROM information_schema.role_table_grants WHERE table_schema = 'public')
) AS snapshot`;

/** Definitions are deparsed relative to search_path, so pin it: the shim's apply changes the session's. */
async function snapshot(db: TestDatabase): Promise<unknown> {
  await db.client.query('BEGIN');
  try {
    await db.client.query('SET LOCAL search_path = pg_catalog');
    return (await db.client.query(CATALOG_SNAPSHOT_SQL)).rows[0];
  } finally {
    await db.client.query('ROLLBACK');
  }
}

describe('the bundled GOMFLOW schema on a fresh local target', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('schema');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('has the counts of production: 31 tables (7/5/11/8), 11 enums, 109 explicit indexes, 9 functions, 16 triggers, 57 policies, 4 buckets, 8 templates, 3 views', async () => {
    expect(await countObjects(db.client)).toEqual({
      tables: 31,
      tablesByGroup: { core: 7, notifications: 5, analytics: 11, monitoring: 8 },
      enums: 11,
      explicitIndexes: 109,
      indexes: 147,
      functions: 9,
      triggers: 16,
      policies: 57,
      rlsTables: 31,
      buckets: 4,
      templates: 8,
      views: 3,
    });
  });

  it('has every explicit index under its production name', async () => {
    const { rows } = await db.client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
    const present = new Set(rows.map((row) => row.indexname));
    expect(GOMFLOW_INDEX_NAMES.filter((name) => !present.has(name))).toEqual([]);
    expect(new Set(GOMFLOW_INDEX_NAMES).size).toBe(109);
  });

  it('splits the policies 49 on public tables and 8 on storage.objects', async () => {
    const { rows } = await db.client.query<{ schemaname: string; n: number }>(
      `SELECT schemaname, count(*)::int AS n FROM pg_policies GROUP BY schemaname ORDER BY schemaname`,
    );
    expect(rows).toEqual([
      { schemaname: 'public', n: 49 },
      { schemaname: 'storage', n: 8 },
    ]);
  });

  it('has the four buckets with their public flags and, like production, no size or MIME limits', async () => {
    const { rows } = await db.client.query(`SELECT id, public, file_size_limit, allowed_mime_types FROM storage.buckets ORDER BY id`);
    expect(rows).toEqual([
      { id: 'export-files', public: false, file_size_limit: null, allowed_mime_types: null },
      { id: 'order-images', public: true, file_size_limit: null, allowed_mime_types: null },
      { id: 'payment-proofs', public: false, file_size_limit: null, allowed_mime_types: null },
      { id: 'profile-images', public: true, file_size_limit: null, allowed_mime_types: null },
    ]);
  });

  it('has the three views by name, without security_invoker (the RLS bypass is kept on purpose)', async () => {
    const { rows } = await db.client.query<{ relname: string; reloptions: string[] | null }>(
      `SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'v' ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'connection_stats', reloptions: null },
      { relname: 'order_summaries', reloptions: null },
      { relname: 'slow_queries', reloptions: null },
    ]);
  });

  it('records its adaptations where check can report them', async () => {
    const { rows } = await db.client.query<{ object: string; reason: string }>(`SELECT object, reason FROM gomflow_loadtest.schema_adaptations`);
    const text = rows.map((row) => `${row.object} ${row.reason}`).join('\n');
    expect(text).toMatch(/slow_queries/);
    expect(text).toMatch(/CONCURRENTLY|transaction/i);
  });

  it('is idempotent: applying it again changes nothing', async () => {
    const before = await snapshot(db);
    const report = await applySchema(db.client, { source: 'bundled', withShim: true });
    await applySchema(db.client, { source: 'bundled', withShim: true });
    const after = await snapshot(db);
    expect(report.failures).toEqual([]);
    expect(after).toEqual(before);
    expect((await countObjects(db.client)).explicitIndexes).toBe(109);
  });

  it('leaves no invalid index behind from the concurrent builds', async () => {
    const { rows } = await db.client.query(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid`);
    expect(rows).toEqual([]);
  });
});
