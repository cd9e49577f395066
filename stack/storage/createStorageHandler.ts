import type pg from 'pg';
import { BucketCache } from './bucketCache.ts';
import { bucketEndpoints } from './bucketEndpoints.ts';
import { copyObject } from './copyObject.ts';
import { downloadObject } from './downloadObject.ts';
import { listObjects } from './listObjects.ts';
import { moveObject, relocationOf } from './moveObject.ts';
import { findBucket } from './objectRows.ts';
import { ObjectStore } from './objectStore.ts';
import { objectInfo } from './objectInfo.ts';
import { readJsonBody } from './readJsonBody.ts';
import { removeObjects } from './removeObjects.ts';
import { signObjectUrl, signObjectUrls, signUploadUrl } from './signObjectUrls.ts';
import { verifyStorageToken } from './signedToken.ts';
import { storageCaller } from './storageCaller.ts';
import { StorageError, STORAGE_ERRORS } from './storageError.ts';
import { StorageSession } from './storageSession.ts';
import type { StorageContext, StorageHandler, StorageRequest, StorageResponse } from './storageTypes.ts';
import { uploadObject } from './uploadObject.ts';

/** Supabase's default project-wide upload limit: 50 MiB (config.toml `file_size_limit = "50MiB"`). */
export const DEFAULT_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

export interface StorageOptions {
  /** Where object bytes live: beside the cluster's data directory, never inside it. */
  root: string;
  jwtSecret: string;
  /** The project-wide upload limit in bytes; DEFAULT_FILE_SIZE_LIMIT when absent. */
  fileSizeLimit?: number;
  /** Where the handler reports what it cannot answer with (a file left behind after its row went): the caller's log, never stdout. */
  log: (line: string) => void;
}

/** The caller until the JWT is checked; public objects and signed URLs never need one. */
const ANON = { role: 'anon' as const };

/**
 * The local `/storage/v1`: Storage's object and bucket routes over the server's pool and an
 * ObjectStore. Errors render as Storage renders them (HTTP 400, the real status in the body);
 * anything else is the router's 500. Every answer carries the database time for Server-Timing.
 */
export function createStorageHandler(pool: pg.Pool, options: StorageOptions): StorageHandler {
  const ctx: StorageContext = {
    store: new ObjectStore(options.root, options.log),
    buckets: new BucketCache(),
    jwtSecret: options.jwtSecret,
    fileSizeLimit: options.fileSizeLimit ?? DEFAULT_FILE_SIZE_LIMIT,
  };
  return async (request) => {
    const session = new StorageSession(pool, ANON);
    try {
      return await route(ctx, session, request);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      return json(error.httpStatus, error.body, session);
    }
  };
}

async function route(ctx: StorageContext, session: StorageSession, call: StorageRequest): Promise<StorageResponse> {
  const segments = decodeSegments(call.path);
  const { method } = call;
  const [area, second] = segments;
  const rest = (from: number) => segments.slice(from).join('/');
  const isRead = method === 'GET' || method === 'HEAD';

  // Routes that prove themselves: no JWT needed (Storage's allowInvalidJwt / own token checks).
  if (area === 'object' && second === 'public' && isRead && segments.length >= 4) {
    const bucket = await session.asSuperuser((client) => findBucket(client, segments[2]!, { publicOnly: true }));
    if (!bucket) throw STORAGE_ERRORS.noSuchBucket();
    return downloadObject(ctx, session, { bucketId: segments[2]!, name: rest(3), readAs: 'server', head: method === 'HEAD', range: call.headers.range, download: call.query.get('download') });
  }
  if (area === 'object' && second === 'sign' && isRead && segments.length >= 4) {
    await verifyStorageToken(call.query.get('token') ?? '', ctx.jwtSecret, rest(2));
    return downloadObject(ctx, session, { bucketId: segments[2]!, name: rest(3), readAs: 'server', head: method === 'HEAD', range: call.headers.range, download: call.query.get('download') });
  }
  if (area === 'object' && second === 'upload' && segments[2] === 'sign' && method === 'PUT' && segments.length >= 5) {
    const token = await verifyStorageToken(call.query.get('token') ?? '', ctx.jwtSecret, rest(3));
    // The PUT runs as the server with the owner the token names (uploadSignedObject).
    session.caller = { role: 'service_role', ...(token.owner ? { sub: token.owner } : {}) };
    const uploaded = await uploadObject(ctx, session, call.request, call.headers, { bucketId: segments[3]!, name: rest(4), upsert: token.upsert === true, ...(token.owner ? { owner: token.owner } : {}) });
    return json(200, uploaded, session);
  }

  session.caller = await storageCaller(call.headers, ctx.jwtSecret, { method, path: call.path });
  if (area === 'bucket') return bucketRoute(ctx, session, call, segments);
  if (area !== 'object' || !second) throw STORAGE_ERRORS.notFoundRoute(method, call.path);

  if (second === 'list' && method === 'POST' && segments.length >= 3) return json(200, await listObjects(session, rest(2), await readJsonBody(call.request)), session);
  if (second === 'move' && method === 'POST' && segments.length === 2) return json(200, await moveObject(session, relocationOf(await readJsonBody(call.request))), session);
  if (second === 'copy' && method === 'POST' && segments.length === 2) return json(200, await copyObject(ctx, session, relocationOf(await readJsonBody(call.request))), session);
  if (second === 'sign' && method === 'POST' && segments.length === 3) return json(200, await signObjectUrls(ctx, session, segments[2]!, await readJsonBody(call.request)), session);
  if (second === 'sign' && method === 'POST' && segments.length >= 4) return json(200, await signObjectUrl(ctx, session, segments[2]!, rest(3), await readJsonBody(call.request)), session);
  if (second === 'upload' && segments[2] === 'sign' && method === 'POST' && segments.length >= 5) {
    call.request.resume();
    return json(200, await signUploadUrl(ctx, session, segments[3]!, rest(4), call.headers['x-upsert'] === 'true'), session);
  }
  if (second === 'info' && method === 'GET') {
    const from = segments[2] === 'authenticated' || segments[2] === 'public' ? 3 : 2;
    if (segments.length < from + 2) throw STORAGE_ERRORS.notFoundRoute(method, call.path);
    return json(200, await objectInfo(session, segments[from]!, rest(from + 1)), session);
  }
  if (second === 'authenticated' && isRead && segments.length >= 4) {
    return downloadObject(ctx, session, { bucketId: segments[2]!, name: rest(3), readAs: 'caller', head: method === 'HEAD', range: call.headers.range, download: call.query.get('download') });
  }
  if (segments.length === 2 && method === 'DELETE') return json(200, await removeObjects(ctx, session, second, await readJsonBody(call.request)), session);
  if (segments.length >= 3) {
    const bucketId = second;
    const name = rest(2);
    if (method === 'POST' || method === 'PUT') {
      // PUT is storage-js `update`: Storage uploads it as an upsert.
      const upsert = method === 'PUT' || call.headers['x-upsert'] === 'true';
      return json(200, await uploadObject(ctx, session, call.request, call.headers, { bucketId, name, upsert, ...(session.caller.sub ? { owner: session.caller.sub } : {}) }), session);
    }
    if (isRead) return downloadObject(ctx, session, { bucketId, name, readAs: 'caller', head: method === 'HEAD', range: call.headers.range, download: call.query.get('download') });
    if (method === 'DELETE') {
      const [removed] = await removeObjects(ctx, session, bucketId, { prefixes: [name] });
      if (!removed) throw STORAGE_ERRORS.noSuchKey();
      return json(200, { message: 'Successfully deleted' }, session);
    }
  }
  throw STORAGE_ERRORS.notFoundRoute(method, call.path);
}

async function bucketRoute(ctx: StorageContext, session: StorageSession, call: StorageRequest, segments: string[]): Promise<StorageResponse> {
  const { method } = call;
  const id = segments[1];
  if (segments.length === 1 && method === 'GET') return json(200, await bucketEndpoints.list(session, call.query), session);
  if (segments.length === 1 && method === 'POST') return json(200, await bucketEndpoints.create(session, await readJsonBody(call.request)), session);
  if (segments.length === 2 && method === 'GET') return json(200, await bucketEndpoints.get(session, id!), session);
  // Invalidated once the write is over (committed or not), so no upload keeps the old limits.
  if (segments.length === 2 && method === 'PUT') return json(200, await bucketEndpoints.update(session, id!, await readJsonBody(call.request)).finally(() => ctx.buckets.invalidate(id!)), session);
  if (segments.length === 2 && method === 'DELETE') return json(200, await bucketEndpoints.remove(session, id!).finally(() => ctx.buckets.invalidate(id!)), session);
  if (segments.length === 3 && segments[2] === 'empty' && method === 'POST') return json(200, await bucketEndpoints.empty(ctx, session, id!), session);
  throw STORAGE_ERRORS.notFoundRoute(method, call.path);
}

/** The path's segments, percent-decoded; empty ones (a leading or doubled slash) dropped. */
function decodeSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw STORAGE_ERRORS.invalidKey(segment);
      }
    });
}

function json(status: number, body: unknown, session: StorageSession): StorageResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), dbMs: session.dbMs };
}
