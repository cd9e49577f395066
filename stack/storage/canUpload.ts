import { randomUUID } from 'node:crypto';
import { objectRowStatement } from './objectRows.ts';
import { StorageError, STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';

export interface UploadTarget {
  bucketId: string;
  name: string;
  upsert: boolean;
  /** The JWT sub of the caller (or of the signed upload URL's creator). */
  owner?: string;
}

/**
 * Storage's permission test (uploader.ts canUpload): the row the upload would write — an INSERT,
 * or the upsert's INSERT … ON CONFLICT DO UPDATE … RETURNING — tried under the caller's role in a
 * transaction that is rolled back, so the storage policies decide before any byte is stored.
 * One round trip: BEGIN, the request context, the row and ROLLBACK go as one pipeline.
 */
export async function canUpload(session: StorageSession, target: UploadTarget): Promise<void> {
  const probe = { id: randomUUID(), bucketId: target.bucketId, name: target.name, owner: target.owner, version: '1' };
  try {
    await session.requestQuery(objectRowStatement(probe, target.upsert));
  } catch (error) {
    throw duplicateAsKey(error, target.upsert);
  }
}

/** createObject turns a unique violation into KeyAlreadyExists. */
export function duplicateAsKey(error: unknown, upsert: boolean): unknown {
  return !upsert && error instanceof StorageError && error.code === 'ResourceAlreadyExists' ? STORAGE_ERRORS.keyAlreadyExists() : error;
}
