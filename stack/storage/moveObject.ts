import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';

export interface Relocation {
  bucketId: string;
  sourceKey: string;
  destinationBucket: string;
  destinationKey: string;
}

/** The body of /object/move and /object/copy as storage-js sends it; destinationBucket defaults to the source bucket. */
export function relocationOf(body: Record<string, unknown>): Relocation {
  for (const name of ['bucketId', 'sourceKey', 'destinationKey']) {
    if (typeof body[name] !== 'string' || body[name] === '') throw STORAGE_ERRORS.invalidParameter(name, `body must have required property '${name}'`);
  }
  const bucketId = body.bucketId as string;
  return { bucketId, sourceKey: body.sourceKey as string, destinationKey: body.destinationKey as string, destinationBucket: typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : bucketId };
}

/**
 * POST /object/move: the row is renamed under the caller's role, so its UPDATE policies (and
 * the SELECT ones its WHERE reads through) decide; the bytes stay, being filed by version. A row
 * the caller cannot see is "Object not found"; a taken destination is Duplicate.
 */
export async function moveObject(session: StorageSession, move: Relocation): Promise<{ message: string }> {
  const { rowCount } = await session.asCaller(
    (client) =>
      client.query(`UPDATE storage.objects SET bucket_id = $3, name = $4, updated_at = now() WHERE bucket_id = $1 AND name = $2`, [move.bucketId, move.sourceKey, move.destinationBucket, move.destinationKey]),
    { commit: true },
  );
  if (!rowCount) throw STORAGE_ERRORS.noSuchKey();
  return { message: 'Successfully moved' };
}
