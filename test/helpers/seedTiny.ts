import pg from 'pg';
import type { LoadEvents } from '../../seed/loadTables.ts';
import { runSeed, type SeedOutcome, type SeedRequest } from '../../seed/runSeed.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';

/** Load events nobody listens to. */
export const QUIET: LoadEvents = { tableStart: () => undefined, tableProgress: () => undefined, tableDone: () => undefined };

/** A connect function for runSeed: a new client on the test database each call. */
export function connectTo(url: string): () => Promise<pg.Client> {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
}

/** A request for the tiny preset, analytics as designed, two tables at a time, on the normal path unless overridden. */
export function tinyRequest(seed: number, overrides: Partial<SeedRequest> = {}): SeedRequest {
  return {
    seed,
    scale: 'tiny',
    counts: SCALE_PRESETS.tiny,
    analytics: 'designed',
    referenceDate: new Date('2026-11-20T00:00:00Z'),
    parallel: 2,
    fastPath: false,
    signal: new AbortController().signal,
    events: QUIET,
    ...overrides,
  };
}

/**
 * Seeds the tiny preset into a test database, as `seed` does on the local target (fast path
 * when the tables are empty). The default reference instant is 22:00 in Manila, in the
 * evening peak; any instant fills every table.
 */
export async function seedTiny(url: string, seed: number, referenceDate = new Date('2026-11-20T14:00:00Z')): Promise<SeedOutcome> {
  return runSeed(connectTo(url), ALL_TABLE_SPECS, tinyRequest(seed, { referenceDate, fastPath: true }));
}
