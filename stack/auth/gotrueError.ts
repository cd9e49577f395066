import type { AuthResponse } from './authTypes.ts';

/** The API version supabase-js sends (X-Supabase-Api-Version) and GoTrue echoes on errors. */
export const API_VERSION_2024 = '2024-01-01';

/**
 * An error as GoTrue answers it (AU internal/api/errors.go): an HTTP status, a stable
 * error code (`invalid_credentials`, `user_already_exists` …) and a message.
 */
export class GotrueError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** weak_password only: why the password was refused (`length`, …). */
    readonly reasons?: string[],
  ) {
    super(message);
    this.name = 'GotrueError';
  }
}

/**
 * The body GoTrue writes for an error: `{code, message}` for clients that send API version
 * 2024-01-01 or later (supabase-js does, and reads `code`), the legacy `{code: <status>,
 * error_code, msg}` otherwise; weak passwords add `weak_password.reasons` to either.
 */
export function gotrueErrorResponse(error: GotrueError, requestHeaders: Record<string, string>): AuthResponse {
  const versioned = (requestHeaders['x-supabase-api-version'] ?? '') >= API_VERSION_2024;
  const weak = error.reasons ? { weak_password: { reasons: error.reasons } } : {};
  const body = versioned
    ? { code: error.errorCode, message: error.message, ...weak }
    : { code: error.status, error_code: error.errorCode, msg: error.message, ...weak };
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', ...(versioned ? { 'x-supabase-api-version': API_VERSION_2024 } : {}) },
    body: JSON.stringify(body),
  };
}
