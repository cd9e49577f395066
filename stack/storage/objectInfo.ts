import { findObject } from './objectRows.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';

/** GET /object/info/{bucket}/{name} (storage-js `info`): the row read under the caller's role, in Storage's info shape. */
export async function objectInfo(session: StorageSession, bucketId: string, name: string): Promise<Record<string, unknown>> {
  const row = await session.asCaller((client) => findObject(client, bucketId, name), { readOnly: true });
  if (!row) throw STORAGE_ERRORS.noSuchKey();
  return {
    id: row.id,
    name,
    version: row.version,
    bucket_id: bucketId,
    size: row.metadata?.size ?? null,
    content_type: row.metadata?.mimetype ?? null,
    cache_control: row.metadata?.cacheControl ?? null,
    etag: row.metadata?.eTag ?? null,
    metadata: row.user_metadata,
    last_modified: row.metadata?.lastModified ?? null,
    created_at: row.created_at,
  };
}
