import pg from 'pg';
import { runSeed, type SeedOutcome } from '../../seed/runSeed.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';

/**
 * Seeds the tiny preset into a test database. The default reference instant is 22:00 in
 * Manila: tiny keeps 2 hours of monitoring, and evening drops are what make alerts fire.
 */
export async function seedTiny(url: string, seed: number, referenceDate = new Date('2026-11-20T14:00:00Z')): Promise<SeedOutcome> {
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
  return runSeed(connect, ALL_TABLE_SPECS, {
    seed,
    scale: 'tiny',
    counts: SCALE_PRESETS.tiny,
    referenceDate,
    parallel: 2,
    fastPath: true,
    signal: new AbortController().signal,
    events: { tableStart: () => undefined, tableProgress: () => undefined, tableDone: () => undefined },
  });
}
