import { findBucket } from './objectRows.ts';
import type { StorageSession } from './storageSession.ts';
import type { BucketLimits } from './storageTypes.ts';

/** How long a bucket row is trusted: the bound on staleness after a change made by direct SQL. */
export const BUCKET_TTL_MS = 1000;

/**
 * The bucket rows uploads read (limits, MIME types), kept for BUCKET_TTL_MS so an upload does
 * not pay a lookup. The bucket endpoints of this server invalidate an id on every write, so
 * their changes apply to the next upload; a change made by direct SQL applies within the TTL.
 * Only found buckets are kept: a missing one is looked up again.
 */
export class BucketCache {
  private readonly rows = new Map<string, { bucket: BucketLimits; until: number }>();
  /** Bumped by invalidate: a lookup that began before a write does not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs = BUCKET_TTL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get(session: StorageSession, id: string): Promise<BucketLimits | undefined> {
    const kept = this.rows.get(id);
    if (kept && kept.until > this.now()) return kept.bucket;
    const generation = this.generation;
    const bucket = await session.asSuperuser((client) => findBucket(client, id));
    if (!bucket) this.rows.delete(id);
    else if (generation === this.generation) this.rows.set(id, { bucket, until: this.now() + this.ttlMs });
    return bucket;
  }

  invalidate(id: string): void {
    this.generation++;
    this.rows.delete(id);
  }
}
