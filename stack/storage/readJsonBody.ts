import type { IncomingMessage } from 'node:http';
import { STORAGE_ERRORS } from './storageError.ts';

/** Storage's JSON bodies are small (bucket settings, a thousand paths at most); a larger one is refused unread. */
const MAX_JSON_BYTES = 1024 * 1024;

/** A JSON object body ({} when empty); anything else is an invalid parameter, as Storage's schema validation refuses it. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw STORAGE_ERRORS.entityTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw STORAGE_ERRORS.invalidParameter('body', 'Body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw STORAGE_ERRORS.invalidParameter('body', 'body must be object');
  return value as Record<string, unknown>;
}
