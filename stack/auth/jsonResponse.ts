import type { AuthResponse } from './authTypes.ts';

/** A 200 JSON answer, as GoTrue's sendJSON writes it. */
export function jsonResponse(body: unknown, headers: Record<string, string> = {}): AuthResponse {
  return { status: 200, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
