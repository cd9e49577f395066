import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GomflowError } from '../../core/errors.ts';
import { runSeed, seedRunTag } from '../../seed/runSeed.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { TableSpec } from '../../generators/types.ts';
import { insertGom } from '../fixtures/sampleRows.ts';
import { rowsOfRun, seededTables } from '../helpers/seedFingerprint.ts';
import { sessionBusyWith, waitFor, waitUntilAlone } from '../helpers/seedSessions.ts';
import { connectTo, QUIET, tinyRequest } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const tagOf = (seed: number) => seedRunTag(seed, SCALE_PRESETS.tiny, new Date('2026-11-20T00:00:00Z'), 'designed');

/** Every index of the seeded schemas as the catalog defines it (pg_indexes.indexdef is pg_get_indexdef). */
async function indexDefinitions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE schemaname IN ('public', 'auth') ORDER BY indexname`);
  return rows.map((r) => r.def);
}

/** Every trigger of the seeded schemas and whether it is enabled (the fast path switches foreign-key checks off while it loads). */
async function triggerStates(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ state: string }>(
    `SELECT format('%s %s %s', t.tgrelid::regclass, t.tgname, t.tgenabled) AS state FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace IN ('public'::regnamespace, 'auth'::regnamespace) ORDER BY 1`,
  );
  return rows.map((r) => r.state);
}

/** Rows per seeded table. */
async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of seededTables(ALL_TABLE_SPECS)) counts[table] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  return counts;
}

/** A hash of each table's rows over the columns the seed writes (defaults like now() differ between loads). */
async function contentHashes(client: pg.Client): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const spec of ALL_TABLE_SPECS) {
    const row = `ROW(${spec.columns.map((c) => `"${c}"`).join(', ')})::text`;
    const { rows } = await client.query<{ h: string }>(`SELECT md5(coalesce(string_agg(md5(${row}), '' ORDER BY md5(${row})), '')) AS h FROM ${spec.table}`);
    hashes[spec.table] = rows[0]!.h;
  }
  return hashes;
}

describe('the fast path: empty local tables loaded without their secondary indexes', () => {
  const made: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase('fastseed');
    made.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of made) await db.drop();
  });

  it('rebuilds exactly the index definitions it dropped, and writes the same rows as the normal path', async () => {
    const [fast, normal] = [await fresh(), await fresh()];
    const before = await indexDefinitions(fast.client);
    const triggersBefore = await triggerStates(fast.client);
    const outcome = await runSeed(connectTo(fast.url), ALL_TABLE_SPECS, tinyRequest(50, { fastPath: true }));
    expect(outcome.fast?.indexes).toBeGreaterThan(90);
    expect(outcome.fast?.foreignKeys).toBeGreaterThan(20);
    expect(await indexDefinitions(fast.client)).toEqual(before);
    expect(await triggerStates(fast.client)).toEqual(triggersBefore);
    expect(triggersBefore.some((state) => state.endsWith(' D'))).toBe(false);

    const reference = await runSeed(connectTo(normal.url), ALL_TABLE_SPECS, tinyRequest(50, { fastPath: false }));
    expect(reference.fast).toBeUndefined();
    expect(outcome.tables.map((t) => [t.table, t.rows]).sort()).toEqual(reference.tables.map((t) => [t.table, t.rows]).sort());
    expect(await contentHashes(fast.client)).toEqual(await contentHashes(normal.client));
    expect(await tableCounts(fast.client)).toEqual(await tableCounts(normal.client));
  });

  it('takes the normal path, dropping no index, when a seeded table holds a row', async () => {
    const db = await fresh();
    await insertGom(db.client, 'hand_made_gom');
    const before = await indexDefinitions(db.client);
    const outcome = await runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(51, { fastPath: true }));
    expect(outcome.fast).toBeUndefined();
    expect(await indexDefinitions(db.client)).toEqual(before);
    expect(await rowsOfRun(db.client, tagOf(51))).toBeGreaterThan(outcome.totalRows);
  });

  describe('stopped half-way, it leaves every index in place and zero rows', () => {
    let db: TestDatabase;
    let indexesBefore: string[];
    let triggersBefore: string[];
    let emptyCounts: Record<string, number>;

    beforeAll(async () => {
      db = await fresh();
      // An index whose build takes seconds (a sleep per row), so the test can stop the seed in
      // the middle of rebuilding: it is a plain index like the schema's, dropped and rebuilt too.
      await db.client.query(`CREATE FUNCTION test_slow_id(uuid) RETURNS uuid IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN $1; END $$`);
      await db.client.query('CREATE INDEX test_slow_idx ON public.analytics_events (test_slow_id(id))');
      indexesBefore = await indexDefinitions(db.client);
      triggersBefore = await triggerStates(db.client);
      emptyCounts = await tableCounts(db.client);
    });

    async function expectAsBefore(seed: number): Promise<void> {
      await waitUntilAlone(db.client);
      expect(await indexDefinitions(db.client)).toEqual(indexesBefore);
      expect(await triggerStates(db.client)).toEqual(triggersBefore);
      expect(await tableCounts(db.client)).toEqual(emptyCounts);
      expect(await rowsOfRun(db.client, tagOf(seed))).toBe(0);
    }

    it('interrupted in the middle of its COPYs', async () => {
      const controller = new AbortController();
      const events = { ...QUIET, tableStart: (table: string) => table === 'public.submissions' && controller.abort(new Error('test interrupt')) };
      const error = (await runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(52, { fastPath: true, signal: controller.signal, events })).catch((e: unknown) => e)) as GomflowError;
      expect(error.code).toBe('E_ABORTED');
      expect(error.message).toMatch(/interrupted; removed the 0 rows it had written, counted 0 left and every index in place: the database is as before/);
      await expectAsBefore(52);
    });

    it('interrupted while it rebuilds the indexes', async () => {
      const controller = new AbortController();
      const seeding = runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(53, { fastPath: true, signal: controller.signal }));
      await waitFor('the slow index to be rebuilt', () => sessionBusyWith(db.client, { query: 'CREATE INDEX test_slow_idx' }));
      controller.abort(new Error('test interrupt'));
      const error = (await seeding.catch((e: unknown) => e)) as GomflowError;
      expect(error.code).toBe('E_ABORTED');
      await expectAsBefore(53);
    });

    it('failing on a row the server rejects', async () => {
      const broken: TableSpec[] = ALL_TABLE_SPECS.map((spec) =>
        spec.table === 'public.messages' ? { ...spec, rows: function* (ctx) { yield* spec.rows(ctx); yield [...spec.rows(ctx)][0]!; } } : spec,
      );
      const error = (await runSeed(connectTo(db.url), broken, tinyRequest(54, { fastPath: true })).catch((e: unknown) => e)) as GomflowError;
      expect(error.code).toBe('E_SEED_FAILED');
      expect(error.message).toMatch(/failed: public\.messages: duplicate key value.*counted 0 left and every index in place/);
      await expectAsBefore(54);
    });

    it('failing on a row whose parent does not exist, found by the one check after the load', async () => {
      const orphan: TableSpec[] = ALL_TABLE_SPECS.map((spec) =>
        spec.table === 'public.payment_transactions'
          ? {
              ...spec,
              rows: function* (ctx) {
                let first = true;
                for (const row of spec.rows(ctx)) {
                  // The first transaction points at a submission nobody inserted.
                  yield first ? [row[0]!, '00000000-0000-4000-8000-000000000000', ...row.slice(2)] : row;
                  first = false;
                }
              },
            }
          : spec,
      );
      const error = (await runSeed(connectTo(db.url), orphan, tinyRequest(55, { fastPath: true })).catch((e: unknown) => e)) as GomflowError;
      expect(error.code).toBe('E_SEED_FAILED');
      expect(error.message).toMatch(
        /failed: public\.payment_transactions: 1 rows violate foreign key payment_transactions_submission_id_fkey, such as key \(00000000-0000-4000-8000-000000000000\), which is not in the referenced table.*counted 0 left and every index in place/,
      );
      await expectAsBefore(55);
    });
  });
});
