import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { STORAGE_ERRORS } from './storageError.ts';

/** An upload's file as Storage reads it (uploader.ts incomingFileInfo), its bytes not yet read. */
export interface IncomingFile {
  mimeType: string;
  cacheControl: string;
  userMetadata?: Record<string, unknown>;
  /** Content-Length of a raw body; unknown for multipart. */
  declaredSize?: number;
  body: Readable;
  /** Reads and drops the rest of the request, after a rejection, so the connection stays usable. */
  drain: () => void;
}

/**
 * A multipart body (storage-js sends a Blob as FormData: cacheControl, metadata, then the file)
 * is parsed with busboy up to the file part, which is handed over as a stream; anything else is
 * the raw file with cache-control, content-type and base64 JSON x-metadata headers.
 */
export function readUpload(request: IncomingMessage, headers: Record<string, string>): Promise<IncomingFile> {
  const contentType = headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return Promise.resolve({
      mimeType: contentType || 'application/octet-stream',
      cacheControl: headers['cache-control'] ?? 'no-cache',
      userMetadata: parseJson(headers['x-metadata'], 'base64'),
      ...(headers['content-length'] ? { declaredSize: Number(headers['content-length']) } : {}),
      body: request,
      drain: () => request.resume(),
    });
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1 } });
    } catch {
      request.resume();
      reject(STORAGE_ERRORS.noContentProvided());
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, file, info) => {
      resolve({
        mimeType: fields.contentType || info.mimeType,
        cacheControl: fields.cacheControl ? `max-age=${fields.cacheControl}` : 'no-cache',
        userMetadata: parseJson(fields.metadata ?? fields.userMetadata, 'utf8'),
        body: file,
        // Past a rejection busboy may wait on a file stream no one reads (or one destroyed at the
        // size limit), so the request is taken from it and drained directly.
        drain: () => {
          request.unpipe(parser);
          request.resume();
        },
      });
    });
    parser.on('error', () => reject(STORAGE_ERRORS.noContentProvided()));
    // Finished without a file part: nothing to store.
    parser.on('close', () => reject(STORAGE_ERRORS.noContentProvided()));
    request.pipe(parser);
  });
}

/** Storage ignores metadata it cannot parse. */
function parseJson(text: string | undefined, encoding: 'base64' | 'utf8'): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
