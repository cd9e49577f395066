import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GomflowError } from '../../core/errors.ts';
import { cleanRun } from '../../seed/cleanRun.ts';
import type { LoadEvents } from '../../seed/loadTables.ts';
import { runSeed, seedRunTag } from '../../seed/runSeed.ts';
import { listSeedRuns } from '../../seed/seedRuns.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { TableSpec } from '../../generators/types.ts';
import { insertGom, insertOrder, insertSubmission } from '../fixtures/sampleRows.ts';
import { runCli } from '../helpers/runCli.ts';
import { connectTo, QUIET, tinyRequest } from '../helpers/seedTiny.ts';
import { rowsOfRun, seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const REFERENCE_DATE = new Date('2026-11-20T00:00:00Z');
const request = tinyRequest;

describe('seeding and exact clean-up', () => {
  let db: TestDatabase;
  const connect = () => connectTo(db.url)();

  beforeAll(async () => {
    db = await createTestDatabase('seed');
    // Rows that were there before any seed: clean-up must never touch them.
    const gom = await insertGom(db.client, 'hand_made_gom');
    const order = await insertOrder(db.client, gom);
    await insertSubmission(db.client, order, { status: 'paid', quantity: 2, amount: 3600 });
  });

  afterAll(async () => {
    await db.drop();
  });

  it('cleaning one of two runs leaves the other run and the hand-inserted rows exactly as they were', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const first = await runSeed(connect, ALL_TABLE_SPECS, request(1));
    const afterFirst = await tableFingerprints(db.client, tables);
    const second = await runSeed(connect, ALL_TABLE_SPECS, request(2));
    expect(first.totalRows).toBeGreaterThan(10_000);
    expect(second.runId).not.toBe(first.runId);

    // Removing the second run gives back exactly the state after the first.
    const removed = await cleanRun(db.client, second.context.runTag, ALL_TABLE_SPECS);
    expect(removed).toBeGreaterThanOrEqual(second.totalRows);
    expect(await tableFingerprints(db.client, tables)).toEqual(afterFirst);
    // And removing the first gives back the hand-made rows alone.
    await cleanRun(db.client, first.context.runTag, ALL_TABLE_SPECS);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
  });

  it('an aborted seed leaves no row behind and is listed as failed', async () => {
    const controller = new AbortController();
    const events: LoadEvents = { ...QUIET, tableDone: (result) => result.table === 'public.orders' && controller.abort(new Error('test abort')) };
    const error = (await runSeed(connect, ALL_TABLE_SPECS, request(3, { signal: controller.signal, events })).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_ABORTED');
    expect(error.message).toMatch(/interrupted; removed the \d+ rows it had written/);
    const runTag = seedRunTag(3, SCALE_PRESETS.tiny, REFERENCE_DATE, 'designed');
    expect(await rowsOfRun(db.client, runTag)).toBe(0);
    const run = (await listSeedRuns(db.client)).find((r) => r.id === runTag.toString(16).padStart(8, '0'));
    expect(run).toMatchObject({ status: 'failed', error: 'interrupted' });
  });

  it('a seed that fails on a constraint removes what it wrote', async () => {
    const broken: TableSpec[] = ALL_TABLE_SPECS.map((spec) =>
      spec.table === 'public.platform_posts'
        ? { ...spec, rows: function* (ctx) { yield* spec.rows(ctx); yield [...spec.rows(ctx)][0]!; } }
        : spec,
    );
    const error = (await runSeed(connect, broken, request(4)).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_SEED_FAILED');
    expect(error.message).toMatch(/duplicate key value.*removed the \d+ rows it had written/);
    expect(await rowsOfRun(db.client, seedRunTag(4, SCALE_PRESETS.tiny, REFERENCE_DATE, 'designed'))).toBe(0);
  });

  it('refuses to seed the same run twice', async () => {
    const again = await runSeed(connect, ALL_TABLE_SPECS, request(5));
    const error = (await runSeed(connect, ALL_TABLE_SPECS, request(5)).catch((e: unknown) => e)) as GomflowError;
    expect(error.code).toBe('E_SEED_EXISTS');
    expect(error.message).toContain(`seed clean --run ${again.runId}`);
    await cleanRun(db.client, again.context.runTag, ALL_TABLE_SPECS);
  });

  it('refuses a non-local target without --confirm-target: exit 2, nothing written', async () => {
    const runsBefore = await listSeedRuns(db.client);
    const result = await runCli(['seed', '--scale', 'tiny', '--target', 'postgres'], { DATABASE_URL: db.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing to seed data on remote target 127\.0\.0\.1\/\w+ without confirmation.*\[E_UNSAFE_TARGET\]/);
    expect(await listSeedRuns(db.client)).toEqual(runsBefore);
  });
});
