import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GomflowError } from '../../core/errors.ts';
import type { LoadEvents } from '../../seed/loadTables.ts';
import { runSeed, seedRunTag } from '../../seed/runSeed.ts';
import { getSeedRun, runIdOf } from '../../seed/seedRuns.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { insertGom } from '../fixtures/sampleRows.ts';
import { runCli } from '../helpers/runCli.ts';
import { rowsOfRun, seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { sessionBusyWith, waitFor, waitUntilAlone } from '../helpers/seedSessions.ts';
import { connectTo, QUIET, tinyRequest } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** Where to interrupt: given the abort, the events that pull it. */
type InterruptPoint = (abort: () => void) => LoadEvents;

/** Tables started and not yet done, to interrupt while several are mid-COPY. */
function whileTablesInFlight(count: number): InterruptPoint {
  return (abort) => {
    const inFlight = new Set<string>();
    return {
      ...QUIET,
      tableStart: (table) => {
        inFlight.add(table);
        if (inFlight.size >= count) abort();
      },
      tableDone: (result) => inFlight.delete(result.table),
    };
  };
}

const POINTS: [string, InterruptPoint][] = [
  ['before its first table is written', (abort) => ({ ...QUIET, tableStart: (table) => table === 'auth.users' && abort() })],
  ['while two tables are mid-COPY on their connections', whileTablesInFlight(2)],
  ['after the parents were committed, while children load', (abort) => ({ ...QUIET, tableStart: (table) => table === 'public.payment_transactions' && abort() })],
];

describe('an interrupted seed leaves no row behind (normal path, 2 tables at a time)', () => {
  let db: TestDatabase;
  let before: Record<string, string>;
  const tables = seededTables(ALL_TABLE_SPECS);

  beforeAll(async () => {
    db = await createTestDatabase('interrupted');
    // A row that was there before: the seed takes the normal path, and clean-up must keep it.
    await insertGom(db.client, 'hand_made_gom');
    before = await tableFingerprints(db.client, tables);
  });

  afterAll(async () => {
    await db.drop();
  });

  /** Seeds `seed` until interrupted; returns the error after every seed session has ended. */
  async function interrupt(seed: number, point: InterruptPoint, whileSeeding?: (abort: () => void) => Promise<void>): Promise<GomflowError> {
    const controller = new AbortController();
    const abort = () => controller.abort(new Error('test interrupt'));
    const seeding = runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(seed, { signal: controller.signal, events: point(abort) }));
    await whileSeeding?.(abort);
    const error = (await seeding.catch((e: unknown) => e)) as GomflowError;
    await waitUntilAlone(db.client);
    return error;
  }

  async function expectNothingLeft(seed: number, error: GomflowError): Promise<void> {
    expect(error.code).toBe('E_ABORTED');
    expect(error.message).toMatch(/interrupted; removed the \d+ rows it had written, counted 0 left: the database is as before/);
    const runTag = seedRunTag(seed, SCALE_PRESETS.tiny, new Date('2026-11-20T00:00:00Z'), 'designed');
    expect(await rowsOfRun(db.client, runTag)).toBe(0);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
    expect(await getSeedRun(db.client, runIdOf(runTag))).toMatchObject({ status: 'failed', error: 'interrupted', counts: {} });
  }

  it.each(POINTS.map(([name, point], i) => [name, point, 20 + i] as const))('interrupted %s', async (_name, point, seed) => {
    await expectNothingLeft(seed, await interrupt(seed, point));
  });

  it('interrupted while the server is still finishing a COPY whose rows were all sent', async () => {
    // The window of the reported bug: the client has sent a table's last rows, the server is
    // still busy with them (here a statement trigger sleeps), and the seed gives up. The COPY
    // must not commit after the clean-up has run.
    await db.client.query(`CREATE FUNCTION test_slow_copy() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(5); RETURN NULL; END $$`);
    await db.client.query(`CREATE TRIGGER test_slow_copy AFTER INSERT ON public.monitoring_service_health FOR EACH STATEMENT EXECUTE FUNCTION test_slow_copy()`);
    try {
      const error = await interrupt(30, () => QUIET, async (abort) => {
        await waitFor('the COPY to reach its trigger', () => sessionBusyWith(db.client, { waitEvent: 'PgSleep' }));
        abort();
      });
      await expectNothingLeft(30, error);
    } finally {
      await db.client.query('DROP TRIGGER test_slow_copy ON public.monitoring_service_health; DROP FUNCTION test_slow_copy()');
    }
  });
});

describe('a seed interrupted from the command line', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('interruptcli');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('Ctrl-C once it has started: exit 3, one line that says what it checked, no row left', async () => {
    const runTag = seedRunTag(31, SCALE_PRESETS.tiny, new Date('2026-11-20T00:00:00Z'), 'designed');
    const args = ['seed', '--scale', 'tiny', '--seed', '31', '--reference-date', '2026-11-20', '--target', 'postgres', '--confirm-target', `127.0.0.1/${db.name}`];
    const running = async () => (await getSeedRun(db.client, runIdOf(runTag)).catch(() => undefined))?.status === 'running';
    const result = await runCli(args, { DATABASE_URL: db.url }, undefined, {
      started: (child) => void waitFor('the seed to start', running).then(() => child.kill('SIGINT')),
    });
    expect(result.code).toBe(3);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('gomflow-load:'));
    expect(errors).toEqual([expect.stringMatching(/^gomflow-load: seed run [0-9a-f]{8} interrupted; removed the \d+ rows it had written, counted 0 left: the database is as before; what was measured is in \S+ \(partial\) \[E_ABORTED\]$/)]);
    await waitUntilAlone(db.client);
    expect(await rowsOfRun(db.client, runTag)).toBe(0);
  });
});
