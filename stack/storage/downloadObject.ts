import type pg from 'pg';
import { findObject } from './objectRows.ts';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { StorageContext, StorageResponse } from './storageTypes.ts';

export interface DownloadRequest {
  bucketId: string;
  name: string;
  /** `caller`: the row read under the caller's role, so the SELECT policies decide; `server`: public buckets and signed URLs. */
  readAs: 'caller' | 'server';
  head: boolean;
  range?: string;
  /** `?download[=name]`: served as an attachment. */
  download?: string | null;
}

/**
 * An object's bytes as Storage's renderer sends them: content-type, cache-control, ETag and
 * Last-Modified from the row's metadata, Accept-Ranges, and a single `bytes=` range as 206.
 * A row the caller cannot see is "Object not found", exactly as a missing one.
 */
export async function downloadObject(ctx: StorageContext, session: StorageSession, request: DownloadRequest): Promise<StorageResponse> {
  const find = (client: pg.Client) => findObject(client, request.bucketId, request.name);
  const row = await (request.readAs === 'caller' ? session.asCaller(find, { readOnly: true }) : session.asSuperuser(find));
  const size = row && (await ctx.store.size(row.version));
  if (!row || size === undefined) throw STORAGE_ERRORS.noSuchKey();
  const metadata = row.metadata;
  const headers: Record<string, string> = {
    'content-type': metadata?.mimetype ?? 'application/octet-stream',
    'cache-control': metadata?.cacheControl ?? 'no-cache',
    'accept-ranges': 'bytes',
    'last-modified': new Date(metadata?.lastModified ?? row.updated_at).toUTCString(),
    ...(metadata?.eTag ? { etag: metadata.eTag } : {}),
    ...(request.download !== undefined && request.download !== null ? { 'content-disposition': `attachment;${request.download ? ` filename=${encodeURIComponent(request.download)}` : ''}` } : {}),
  };
  const range = request.range ? parseRange(request.range, size) : undefined;
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { 'content-range': `bytes */${size}` }, dbMs: session.dbMs };
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(size);
  }
  const status = range ? 206 : 200;
  if (request.head || size === 0) return { status, headers, dbMs: session.dbMs };
  return { status, headers, stream: ctx.store.open(row.version, range), dbMs: session.dbMs };
}

/** One `bytes=start-end`, `bytes=start-` or `bytes=-suffix`; anything else is ignored (the whole object), as HTTP allows. */
function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
