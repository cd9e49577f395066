import { canUpload } from './canUpload.ts';
import { findBucket, findObject } from './objectRows.ts';
import { signStorageToken } from './signedToken.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { StorageContext } from './storageTypes.ts';

/** Storage's default life of a signed upload URL (uploadSignedUrlExpirationTime): two hours. */
const UPLOAD_URL_TTL_S = 7200;

/** POST /object/sign/{bucket}/{name} {expiresIn}: only an object the caller can read is signed (findObject under its role). */
export async function signObjectUrl(ctx: StorageContext, session: StorageSession, bucketId: string, name: string, body: Record<string, unknown>): Promise<{ signedURL: string }> {
  const expiresIn = expiresInOf(body);
  const row = await session.asCaller((client) => findObject(client, bucketId, name), { readOnly: true });
  if (!row) throw STORAGE_ERRORS.noSuchKey();
  return { signedURL: await signedUrl(ctx, bucketId, name, expiresIn) };
}

/** POST /object/sign/{bucket} {expiresIn, paths}: one entry per path, an error string for those the caller cannot read. */
export async function signObjectUrls(ctx: StorageContext, session: StorageSession, bucketId: string, body: Record<string, unknown>): Promise<{ error: string | null; path: string; signedURL: string | null }[]> {
  const expiresIn = expiresInOf(body);
  const paths = body.paths;
  if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string')) throw STORAGE_ERRORS.invalidParameter('paths', 'body must have required property \'paths\'');
  const { rows } = await session.asCaller((client) => client.query<{ name: string }>(`SELECT name FROM storage.objects WHERE bucket_id = $1 AND name = ANY($2::text[])`, [bucketId, paths]), { readOnly: true });
  const visible = new Set(rows.map((r) => r.name));
  return Promise.all(
    (paths as string[]).map(async (path) =>
      visible.has(path)
        ? { error: null, path, signedURL: await signedUrl(ctx, bucketId, path, expiresIn) }
        : { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null },
    ),
  );
}

/**
 * POST /object/upload/sign/{bucket}/{name}: the caller's permission is tested now (canUpload,
 * rolled back), and the token carries the owner and upsert the later PUT uploads with.
 */
export async function signUploadUrl(ctx: StorageContext, session: StorageSession, bucketId: string, name: string, upsert: boolean): Promise<{ url: string; token: string }> {
  const bucket = await session.asSuperuser((client) => findBucket(client, bucketId));
  if (!bucket) throw STORAGE_ERRORS.noSuchBucket();
  const owner = session.caller.sub;
  await canUpload(session, { bucketId, name, upsert, ...(owner ? { owner } : {}) });
  const token = await signStorageToken({ url: `${bucketId}/${name}`, upsert, ...(owner ? { owner } : {}) }, ctx.jwtSecret, UPLOAD_URL_TTL_S);
  return { url: `/object/upload/sign/${bucketId}/${name}?token=${token}`, token };
}

async function signedUrl(ctx: StorageContext, bucketId: string, name: string, expiresIn: number): Promise<string> {
  const url = `${bucketId}/${name}`;
  return `/object/sign/${url}?token=${await signStorageToken({ url }, ctx.jwtSecret, expiresIn)}`;
}

function expiresInOf(body: Record<string, unknown>): number {
  const value = body.expiresIn;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw STORAGE_ERRORS.invalidParameter('expiresIn', 'body/expiresIn must be >= 1');
  return value;
}
