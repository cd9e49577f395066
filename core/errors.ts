/** Stable error codes: scripts and CI may match on them. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG_INVALID'
  | 'E_UNSAFE_TARGET'
  | 'E_TARGET_UNREACHABLE'
  | 'E_AUTH_FAILED'
  | 'E_DATABASE_MISSING'
  | 'E_NOT_POSTGRES'
  | 'E_FILE_NOT_FOUND'
  | 'E_LOCAL_ONLY'
  | 'E_LOCAL_STACK'
  | 'E_SCHEMA_FAILED'
  | 'E_SCHEMA_MISSING'
  | 'E_SEED_EXISTS'
  | 'E_SEED_FAILED'
  | 'E_SEED_UNKNOWN'
  | 'E_ABORTED'
  | 'E_BUDGET_FAILED';

/** Codes that mean "you asked for something wrong" rather than "something failed". */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  'E_USAGE',
  'E_CONFIG_INVALID',
  'E_UNSAFE_TARGET',
  'E_FILE_NOT_FOUND',
  'E_LOCAL_ONLY',
  'E_SEED_UNKNOWN',
]);

/**
 * The one error type of the harness. `message` is a single line that says what was
 * wrong and what to do; it is printed once at the top, the stack only with --verbose.
 */
export class GomflowError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GomflowError';
    this.code = code;
  }

  /** 2 for usage and configuration errors, 1 for failures (as documented in the README). */
  get exitCode(): 1 | 2 {
    return USAGE_CODES.has(this.code) ? 2 : 1;
  }
}

export function isGomflowError(error: unknown): error is GomflowError {
  return error instanceof GomflowError;
}
