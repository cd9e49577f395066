import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

/** One /storage/v1 request as the router hands it over: the body is still unread in `request`. */
export interface StorageRequest {
  method: string;
  /** The path after /storage/v1, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  request: IncomingMessage;
}

export interface StorageResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, for everything but object bytes. */
  body?: string;
  /** Object bytes, streamed from disk. */
  stream?: Readable;
  /** Time spent waiting on the database, for `Server-Timing` (the policy checks' share of an upload). */
  dbMs: number;
}

export type StorageHandler = (request: StorageRequest) => Promise<StorageResponse>;

/** A row of storage.buckets as the upload path needs it. */
export interface BucketLimits {
  id: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

/** Storage's ObjectMetadata, kept in storage.objects.metadata. */
export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

/** What every Storage endpoint shares: the bytes, the bucket cache, the secret signed URLs use, the global upload limit. */
export interface StorageContext {
  store: import('./objectStore.ts').ObjectStore;
  /** The bucket rows uploads read; the bucket endpoints invalidate what they change. */
  buckets: import('./bucketCache.ts').BucketCache;
  jwtSecret: string;
  /** The project-wide upload limit in bytes (Supabase's default 50 MiB); a bucket's own limit can only lower it. */
  fileSizeLimit: number;
}
