import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODE_OF, type GomflowError } from '../../core/errors.ts';
import { cleanRun } from '../../seed/cleanRun.ts';
import { claimRun, releaseRun } from '../../seed/runLock.ts';
import { runSeed, seedRunTag, type SeedOutcome } from '../../seed/runSeed.ts';
import { getSeedRun, listSeedRuns, runIdOf } from '../../seed/seedRuns.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { insertGom } from '../fixtures/sampleRows.ts';
import { runCli } from '../helpers/runCli.ts';
import { rowsOfRun, seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { connectTo, QUIET, tinyRequest } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const REFERENCE_DATE = new Date('2026-11-20T00:00:00Z');
const tagOf = (seed: number) => seedRunTag(seed, SCALE_PRESETS.tiny, REFERENCE_DATE, 'designed');

/** The rows a finished run must have: what it says it wrote, plus the preferences its profiles' trigger made. */
function expectedRows(outcome: SeedOutcome): number {
  return outcome.totalRows + outcome.tables.find((t) => t.table === 'public.profiles')!.rows;
}

describe.each([
  ['the normal path', false],
  ['the fast path', true],
])('two seeds of the same run at once, on %s', (_path, fastPath) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('concurrent');
    // On the normal path a hand-made row keeps the tables from being empty.
    if (!fastPath) await insertGom(db.client, 'hand_made_gom');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('exactly one succeeds; the other says who holds the run and changes nothing', async () => {
    const seed = () => runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(40, { fastPath }));
    const settled = await Promise.allSettled([seed(), seed()]);
    const won = settled.filter((s): s is PromiseFulfilledResult<SeedOutcome> => s.status === 'fulfilled');
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as GomflowError;
    expect(error.code).toBe('E_SEED_BUSY');
    expect(error.message).toMatch(new RegExp(`^seed run ${runIdOf(tagOf(40))} is already being seeded or cleaned by another process \\(gomflow-load seed, pid ${process.pid}, server pid \\d+\\); wait for it to finish or stop it`));
    // Every row the winner wrote is there, and its record says complete.
    const winner = won[0]!.value;
    expect(winner.fast !== undefined).toBe(fastPath);
    expect(await rowsOfRun(db.client, tagOf(40))).toBe(expectedRows(winner));
    expect(await getSeedRun(db.client, winner.runId)).toMatchObject({ status: 'complete' });
    expect((await listSeedRuns(db.client)).map((r) => r.id)).toEqual([winner.runId]);
  });
});

describe('cleaning a run while it is being seeded', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('cleanbusy');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is refused and deletes nothing', async () => {
    let cleaning: Promise<unknown> | undefined;
    const events = {
      ...QUIET,
      // The run is claimed and its first table is loading: clean it from another session.
      tableStart: (table: string) => {
        if (table === 'auth.users') cleaning = cleanRun(db.client, tagOf(41), ALL_TABLE_SPECS).catch((e: unknown) => e);
      },
    };
    const outcome = await runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(41, { events }));
    const error = (await cleaning) as GomflowError;
    expect(error.code).toBe('E_SEED_BUSY');
    expect(await rowsOfRun(db.client, tagOf(41))).toBe(expectedRows(outcome));
  });
});

describe('seed of a run another process holds, from the command line', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('busycli');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('exits 2 with one line naming the holder, and writes nothing', async () => {
    const tag = seedRunTag(42, SCALE_PRESETS.tiny, REFERENCE_DATE, 'designed');
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    await db.client.query(`SELECT set_config('application_name', 'another seed', false)`);
    await claimRun(db.client, tag);
    try {
      const result = await runCli(['seed', '--scale', 'tiny', '--seed', '42', '--reference-date', '2026-11-20', '--target', 'postgres', '--confirm-target', `127.0.0.1/${db.name}`], { DATABASE_URL: db.url });
      expect(result.code).toBe(EXIT_CODE_OF.E_SEED_BUSY);
      expect(result.code).toBe(2);
      const errorLines = result.stderr.split('\n').filter((line) => line.startsWith('gomflow-load:'));
      expect(errorLines).toEqual([expect.stringMatching(/^gomflow-load: seed run [0-9a-f]{8} is already being seeded or cleaned by another process \(another seed, server pid \d+\); wait for it to finish or stop it, then run this again \[E_SEED_BUSY\]$/)]);
    } finally {
      await releaseRun(db.client, tag);
    }
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
    expect(await listSeedRuns(db.client)).toEqual([]);
  });
});
