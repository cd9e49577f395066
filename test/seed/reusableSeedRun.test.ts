import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveScale } from '../../generators/resolveScale.ts';
import type { SeedOutcome } from '../../seed/runSeed.ts';
import { reusableSeedRun, reusedSeedSection } from '../../seed/reusableSeedRun.ts';
import { SeedSectionSchema } from '../../results/resultsModel.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** `run` keeps a recorded seed run instead of seeding again only when seed, scale and analytics mode all match. */
describe('the seed run a rehearsal reuses', () => {
  let db: TestDatabase;
  let seeded: SeedOutcome;
  const tiny = resolveScale('tiny', {});

  beforeAll(async () => {
    db = await createTestDatabase('reuseseed');
    seeded = await seedTiny(db.url, 7);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('is the recorded run of the same seed, scale and analytics mode, whatever its reference date, and none otherwise', async () => {
    const reused = await reusableSeedRun(db.client, { seed: 7, scale: tiny, analytics: 'designed' });
    expect(reused?.id).toBe(seeded.runId);
    expect(reused?.referenceDate.toISOString()).toBe('2026-11-20T14:00:00.000Z');
    expect(await reusableSeedRun(db.client, { seed: 8, scale: tiny, analytics: 'designed' })).toBeUndefined();
    expect(await reusableSeedRun(db.client, { seed: 7, scale: resolveScale('small', {}), analytics: 'designed' })).toBeUndefined();
    expect(await reusableSeedRun(db.client, { seed: 7, scale: tiny, analytics: 'built' })).toBeUndefined();
  });

  it('becomes a seed section marked reused, holding the recorded rows and no load time', async () => {
    const section = reusedSeedSection((await reusableSeedRun(db.client, { seed: 7, scale: tiny, analytics: 'designed' }))!);
    expect(SeedSectionSchema.parse(section)).toEqual(section);
    expect(section).toMatchObject({ runId: seeded.runId, seed: 7, scale: 'tiny', totalRows: seeded.totalRows, totalMs: 0, tables: [], reused: true });
  });
});
