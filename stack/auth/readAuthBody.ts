import { GotrueError } from './gotrueError.ts';
import type { AuthRequest } from './authTypes.ts';

/** The JSON object of a request body (an empty body is `{}`), or GoTrue's bad_json error. */
export function readAuthBody(request: AuthRequest): Record<string, unknown> {
  if (request.rawBody.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody);
  } catch (error) {
    throw new GotrueError(400, 'bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GotrueError(400, 'bad_json', 'Could not parse request body as JSON: expected an object');
  }
  return parsed as Record<string, unknown>;
}

/** A string field, or undefined when absent; any other type is GoTrue's validation_failed. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new GotrueError(400, 'validation_failed', `${name} must be a string`);
  return value;
}

/** An object field (metadata), or undefined when absent. */
export function objectField(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new GotrueError(400, 'validation_failed', `${name} must be an object`);
  return value as Record<string, unknown>;
}
