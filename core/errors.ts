/** Stable error codes: scripts and CI may match on them. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG_INVALID'
  | 'E_UNSAFE_TARGET'
  | 'E_TARGET_UNREACHABLE'
  | 'E_TARGET_LOST'
  | 'E_AUTH_FAILED'
  | 'E_DATABASE_MISSING'
  | 'E_NOT_POSTGRES'
  | 'E_FILE_NOT_FOUND'
  | 'E_LOCAL_ONLY'
  | 'E_LOCAL_STACK'
  | 'E_SCHEMA_FAILED'
  | 'E_SCHEMA_MISSING'
  | 'E_SEED_EXISTS'
  | 'E_SEED_BUSY'
  | 'E_SEED_FAILED'
  | 'E_SEED_UNKNOWN'
  | 'E_ABORTED'
  | 'E_STAGE_FAILED'
  | 'E_INTERNAL'
  | 'E_CLEANUP_FAILED'
  | 'E_BUDGET_FAILED';

/**
 * What each code means for the exit status, as DESIGN.md fixes it: 1 the verdict failed,
 * 2 the user asked for something wrong (usage, configuration), 3 the work could not be done.
 * A Record, so adding a code without deciding its exit status does not compile.
 */
export const EXIT_CODE_OF: Readonly<Record<ErrorCode, ExitCode>> = {
  E_USAGE: 2,
  E_CLEANUP_FAILED: 3,
  E_CONFIG_INVALID: 2,
  E_UNSAFE_TARGET: 2,
  E_FILE_NOT_FOUND: 2,
  E_LOCAL_ONLY: 2,
  E_SEED_UNKNOWN: 2,
  E_SEED_EXISTS: 2,
  // Like E_SEED_EXISTS, the request conflicts with the database's state and the user decides
  // (wait, or stop the other process); nothing is broken, so not 3.
  E_SEED_BUSY: 2,
  E_SCHEMA_MISSING: 2,
  E_TARGET_UNREACHABLE: 3,
  E_TARGET_LOST: 3,
  E_AUTH_FAILED: 3,
  E_DATABASE_MISSING: 3,
  E_NOT_POSTGRES: 3,
  E_LOCAL_STACK: 3,
  E_SCHEMA_FAILED: 3,
  E_SEED_FAILED: 3,
  E_ABORTED: 3,
  // A stage of `run` threw: the run stops there with a partial report.
  E_STAGE_FAILED: 3,
  E_INTERNAL: 3,
  E_BUDGET_FAILED: 1,
};

/** The process exit status of every command: 0 success / READY, 1 verdict failed, 2 usage or config, 3 could not do the work. */
export type ExitCode = 0 | 1 | 2 | 3;

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

  get exitCode(): ExitCode {
    return EXIT_CODE_OF[this.code];
  }
}

/** How an error is shown: one line on stderr, its code last for scripts to match. */
export function errorLine(error: GomflowError): string {
  return `gomflow-load: ${error.message} [${error.code}]`;
}

export function isGomflowError(error: unknown): error is GomflowError {
  return error instanceof GomflowError;
}
