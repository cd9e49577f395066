import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSeeds, listSeedRuns } from '../../seed/seedRuns.ts';
import { applyHarnessSchema } from '../../stack/schema/applySchema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** The run records of an older harness, where a kept scenario was a seed run of scale 'load:<name>'. */
describe('seed run records', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('seedruns');
    await db.client.query(`ALTER TABLE gomflow_loadtest.seed_runs DROP COLUMN kind, DROP COLUMN scenario, ALTER COLUMN scale SET NOT NULL`);
    await db.client.query(
      `INSERT INTO gomflow_loadtest.seed_runs (id, seed, scale, reference_date, counts, status) VALUES
         ('0000000a', 1, 'small', '2026-11-20', '{"public.orders": 40}', 'complete'),
         ('0000000b', 0, 'load:smoke', '2026-11-21', '{"public.notifications": 12}', 'complete')`,
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('an older table reads as seed and scenario runs without being altered, and the harness schema upgrades it to the same', async () => {
    const expected = [
      { id: '0000000a', kind: 'seed', scenario: null, scale: 'small' },
      { id: '0000000b', kind: 'scenario', scenario: 'smoke', scale: null },
    ];
    const shape = (runs: Awaited<ReturnType<typeof listSeedRuns>>) => runs.map(({ id, kind, scenario, scale }) => ({ id, kind, scenario, scale }));
    expect(shape(await listSeedRuns(db.client))).toEqual(expected);
    await applyHarnessSchema(db.client);
    const upgraded = await listSeedRuns(db.client);
    expect(shape(upgraded)).toEqual(expected);
    // Bench's "the loaded … seed" is only ever a seed.
    expect(completeSeeds(upgraded).map((run) => run.scale)).toEqual(['small']);
  });
});
