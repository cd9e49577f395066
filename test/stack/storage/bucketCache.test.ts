import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BucketCache } from '../../../stack/storage/bucketCache.ts';
import { StorageSession } from '../../../stack/storage/storageSession.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/testCluster.ts';

/** The bucket rows uploads read: kept for the TTL, dropped at once on invalidate. */
describe('BucketCache', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let clock = 0;
  const cache = new BucketCache(1000, () => clock);
  const session = () => new StorageSession(pool, { role: 'anon' });
  const setLimit = (limit: number | null) => db.client.query(`UPDATE storage.buckets SET file_size_limit = $1 WHERE id = 'payment-proofs'`, [limit]);

  beforeAll(async () => {
    db = await createTestDatabase('bucket_cache');
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('a change made by direct SQL shows once the TTL is over; invalidate shows it at once', async () => {
    await setLimit(1000);
    expect(await cache.get(session(), 'payment-proofs')).toMatchObject({ id: 'payment-proofs', fileSizeLimit: 1000 });
    await setLimit(2000);
    clock = 999;
    expect((await cache.get(session(), 'payment-proofs'))?.fileSizeLimit).toBe(1000);
    clock = 1000;
    expect((await cache.get(session(), 'payment-proofs'))?.fileSizeLimit).toBe(2000);
    await setLimit(null);
    cache.invalidate('payment-proofs');
    expect((await cache.get(session(), 'payment-proofs'))?.fileSizeLimit).toBeNull();
  });

  it('a lookup that began before an invalidate does not keep what it read', async () => {
    await setLimit(3000);
    cache.invalidate('payment-proofs');
    const racing = cache.get(session(), 'payment-proofs');
    cache.invalidate('payment-proofs');
    expect((await racing)?.fileSizeLimit).toBe(3000);
    await setLimit(4000);
    expect((await cache.get(session(), 'payment-proofs'))?.fileSizeLimit).toBe(4000);
  });

  it('a missing bucket is not kept: created later, it is found', async () => {
    expect(await cache.get(session(), 'later')).toBeUndefined();
    await db.client.query(`INSERT INTO storage.buckets (id, name) VALUES ('later', 'later')`);
    expect(await cache.get(session(), 'later')).toMatchObject({ id: 'later', public: false });
  });
});
