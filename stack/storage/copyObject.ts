import { randomUUID } from 'node:crypto';
import { duplicateAsKey } from './canUpload.ts';
import type { Relocation } from './moveObject.ts';
import { findObject, objectRowStatement } from './objectRows.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { StorageContext } from './storageTypes.ts';

/**
 * POST /object/copy: the source read under the caller's role (SELECT policies), its bytes copied
 * to a new version, the new row inserted under the caller's role (INSERT policies) with the
 * caller as owner — as an upload, so a refused copy leaves nothing behind.
 */
export async function copyObject(ctx: StorageContext, session: StorageSession, copy: Relocation): Promise<{ Id: string; Key: string }> {
  const source = await session.asCaller((client) => findObject(client, copy.bucketId, copy.sourceKey), { readOnly: true });
  if (!source) throw STORAGE_ERRORS.noSuchKey();
  const version = await ctx.store.copy(source.version);
  const row = {
    id: randomUUID(),
    bucketId: copy.destinationBucket,
    name: copy.destinationKey,
    owner: session.caller.sub,
    version,
    ...(source.metadata ? { metadata: { ...source.metadata, lastModified: new Date().toISOString() } } : {}),
    ...(source.user_metadata ? { userMetadata: source.user_metadata } : {}),
  };
  try {
    await session.requestQuery(objectRowStatement(row, false), { outcome: 'commit' });
  } catch (error) {
    await ctx.store.discard(version);
    throw duplicateAsKey(error, false);
  }
  return { Id: row.id, Key: `${copy.destinationBucket}/${copy.destinationKey}` };
}
