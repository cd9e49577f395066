import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { canUpload, duplicateAsKey, type UploadTarget } from './canUpload.ts';
import { findObject, objectRowStatement, upsertObjectRow, type ObjectRowValues } from './objectRows.ts';
import type { ReceivedBytes } from './objectStore.ts';
import { readUpload, type IncomingFile } from './readUpload.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { ObjectMetadata, StorageContext } from './storageTypes.ts';

/**
 * An upload as Storage runs it (uploader.ts): the bucket found as the server (BucketCache); the caller's
 * permission tested by trying the row in a rolled-back transaction before one byte is read
 * (canUpload, so the policies decide and a denied upload costs no disk); the MIME type and the
 * size limits checked; the bytes streamed into their version's file; the row committed as the
 * server (completeUpload's asSuperUser). Any rejection leaves neither row nor file.
 */
export async function uploadObject(ctx: StorageContext, session: StorageSession, request: IncomingMessage, headers: Record<string, string>, target: UploadTarget): Promise<{ Id: string; Key: string }> {
  const bucket = await ctx.buckets.get(session, target.bucketId);
  if (!bucket) {
    request.resume();
    throw STORAGE_ERRORS.noSuchBucket();
  }
  try {
    await canUpload(session, target);
  } catch (error) {
    request.resume();
    throw error;
  }
  const file = await readUpload(request, headers);
  const limit = Math.min(bucket.fileSizeLimit ?? Infinity, ctx.fileSizeLimit);
  let received: ReceivedBytes;
  try {
    if (bucket.allowedMimeTypes && bucket.allowedMimeTypes.length > 0) checkMimeType(file.mimeType, bucket.allowedMimeTypes);
    if (file.declaredSize !== undefined && file.declaredSize > limit) throw STORAGE_ERRORS.entityTooLarge();
    received = await ctx.store.receive(file.body, limit);
  } catch (error) {
    file.drain();
    throw error;
  }
  return commitUpload(ctx, session, target, file, received);
}

async function commitUpload(ctx: StorageContext, session: StorageSession, target: UploadTarget, file: IncomingFile, received: ReceivedBytes): Promise<{ Id: string; Key: string }> {
  const { version } = received;
  const metadata: ObjectMetadata = {
    eTag: received.eTag,
    size: received.size,
    mimetype: file.mimeType,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: received.size,
    httpStatusCode: 200,
  };
  const row: ObjectRowValues = { id: randomUUID(), bucketId: target.bucketId, name: target.name, owner: target.owner, version, metadata, userMetadata: file.userMetadata };
  let written: { id: string; replaced?: string };
  try {
    // As Storage's completeUpload, the row is written as the server: the caller's policies had
    // their say in the permission test. A plain insert replaces nothing: one statement, one
    // round trip. An upsert first reads the current version and locks it until commit, so a
    // concurrent upsert cannot orphan its file.
    written = !target.upsert
      ? await session.asSuperuser((client) => client.query(objectRowStatement(row, false))).then(() => ({ id: row.id }))
      : await session.inTransaction(async (client) => {
          const current = await findObject(client, target.bucketId, target.name, { forUpdate: true });
          return { id: await upsertObjectRow(client, row), ...(current ? { replaced: current.version } : {}) };
        });
  } catch (error) {
    await ctx.store.discard(version);
    throw duplicateAsKey(error, target.upsert);
  }
  if (written.replaced) await ctx.store.remove(written.replaced);
  return { Id: written.id, Key: `${target.bucketId}/${target.name}` };
}

/**
 * uploader.ts validateMimeType: `type/subtype` must match an allowed type exactly or its
 * `type/*`; parameters are not stripped there either, so `text/plain;charset=UTF-8` matches
 * only itself.
 */
function checkMimeType(mimeType: string, allowed: string[]): void {
  const [type, subtype] = mimeType.split('/');
  if (!type || !subtype) throw STORAGE_ERRORS.invalidMimeType(mimeType);
  const ok = allowed.some((entry) => {
    const [allowedType, allowedSubtype] = entry.split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
  if (!ok) throw STORAGE_ERRORS.invalidMimeType(mimeType);
}
