import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import { LOCAL_API_HEADER } from '../../../stack/server/localApiBanner.ts';
import { ClassifiedError, type ErrorClass } from '../../engine/classifyError.ts';
import { parseServerTiming, type ServerTiming } from '../rest/serverTiming.ts';

/** One answer of /storage/v1: Storage's own status (the body's statusCode on a 400), bytes read, time. */
export interface StorageAnswer {
  ok: boolean;
  /** HTTP status for 2xx and 5xx; Storage's statusCode ("413", "403" …) for its 400 error bodies. */
  statusCode: string;
  bytes: number;
  latencyMs: number;
  timing?: ServerTiming;
  /** The JSON body of a 2xx answer to a JSON call (sign); undefined for downloads. */
  json?: unknown;
}

const REQUEST_TIMEOUT_MS = 120_000;

/** Storage's statuses as error classes: refusals apart, the rest by HTTP family. */
export function storageErrorClass(statusCode: string): ErrorClass {
  switch (statusCode) {
    case '413':
      return 'too-large';
    case '415':
      return 'wrong-type';
    case '403':
      return 'denied';
    case '409':
      return 'duplicate';
  }
  return statusCode === '429' ? 'rate-limited' : statusCode.startsWith('5') ? 'http-5xx' : 'http-4xx';
}

/**
 * The Storage driver's HTTP side: a keep-alive pool to /storage/v1, every call timed from
 * send to the whole body; a download's body is counted as it streams, never held.
 */
export class StorageClient {
  localStack = false;
  private readonly pool: Pool;

  constructor(
    url: string,
    private readonly apikey: string,
    connections: number,
  ) {
    this.pool = new Pool(new URL(url).origin, { connections, keepAliveTimeout: 60_000, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  }

  /** storage-js `upload` with a raw body: POST, x-upsert false, the user metadata base64 JSON in x-metadata. */
  upload(bucket: string, name: string, body: Readable, size: number, mime: string, bearer: string, metadata: Record<string, unknown>): Promise<StorageAnswer> {
    return this.call('POST', `/storage/v1/object/${bucket}/${encodePath(name)}`, bearer, {
      body,
      headers: { 'content-type': mime, 'content-length': String(size), 'cache-control': 'max-age=3600', 'x-upsert': 'false', 'x-metadata': Buffer.from(JSON.stringify(metadata)).toString('base64') },
    });
  }

  /** storage-js `download` of a private object: the authenticated path, read under the caller's policies. */
  download(bucket: string, name: string, bearer: string): Promise<StorageAnswer> {
    return this.call('GET', `/storage/v1/object/authenticated/${bucket}/${encodePath(name)}`, bearer, {});
  }

  /** createSignedUrl: a policy-checked read that answers a URL anyone holding it may GET. */
  sign(bucket: string, name: string, bearer: string, expiresIn = 3600): Promise<StorageAnswer> {
    return this.call('POST', `/storage/v1/object/sign/${bucket}/${encodePath(name)}`, bearer, { json: { expiresIn } });
  }

  /** GET of a signed URL's path (`/object/sign/…?token=…`), as a browser opens it. */
  fetchSigned(signedUrl: string): Promise<StorageAnswer> {
    return this.call('GET', `/storage/v1${signedUrl}`, undefined, {});
  }

  /** Storage's remove: DELETE /object/{bucket} {prefixes}, rows and files. */
  remove(bucket: string, names: readonly string[], bearer: string): Promise<StorageAnswer> {
    return this.call('DELETE', `/storage/v1/object/${bucket}`, bearer, { json: { prefixes: names } });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, bearer: string | undefined, options: { body?: Readable; headers?: Record<string, string>; json?: unknown }): Promise<StorageAnswer> {
    const started = performance.now();
    const headers: Record<string, string> = { apikey: this.apikey, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...options.headers };
    let body: Readable | string | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let status: number;
    let bytes = 0;
    let text = '';
    let responseHeaders: Record<string, string | string[] | undefined>;
    try {
      const response = await this.pool.request({ method, path, headers, ...(body !== undefined ? { body } : {}) });
      status = response.statusCode;
      responseHeaders = response.headers;
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (isJson) text += chunk.toString('utf8');
      }
    } catch (error) {
      throw new ClassifiedError('network', `${method} ${path.split('?')[0]}: ${(error as Error).message}`, { cause: error });
    }
    const latencyMs = performance.now() - started;
    if (responseHeaders[LOCAL_API_HEADER] !== undefined) this.localStack = true;
    const timing = parseServerTiming(responseHeaders['server-timing']);
    const parsed = text ? (safeJson(text) as { statusCode?: unknown } | undefined) : undefined;
    if (status >= 200 && status < 300) return { ok: true, statusCode: String(status), bytes, latencyMs, ...(timing ? { timing } : {}), ...(parsed ? { json: parsed } : {}) };
    const statusCode = status === 400 && typeof parsed?.statusCode === 'string' ? parsed.statusCode : String(status);
    return { ok: false, statusCode, bytes, latencyMs, ...(timing ? { timing } : {}) };
  }
}

/** Each segment percent-encoded, the slashes kept: object names carry folders. */
function encodePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
