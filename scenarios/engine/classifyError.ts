import type { TargetKind } from '../../core/config/configSchema.ts';
import { isConnectionLost } from '../../stack/connectionLost.ts';

/** Error classes the series and the report count apart. */
export const ERROR_CLASSES = [
  'too-many-clients',
  'quota',
  'connection-lost',
  'pool-timeout',
  'statement-timeout',
  'conflict',
  'permission',
  'constraint',
  'http-4xx',
  'http-5xx',
  'rate-limited',
  // Storage's refusals, by the status in its 400 body: too large 413, wrong type 415, denied 403, duplicate 409.
  'too-large',
  'wrong-type',
  'denied',
  'duplicate',
  'network',
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/**
 * Classes of a request the server answered with an error status: counted apart from latency
 * (a fast 401 is no latency a user waited for a page), as autocannon records only 2xx.
 */
export const ANSWERED_ERROR_CLASSES: ReadonlySet<ErrorClass> = new Set(['http-4xx', 'http-5xx', 'rate-limited', 'too-large', 'wrong-type', 'denied', 'duplicate']);

/** An error whose class its driver already knows (the REST driver's HTTP status or network failure). */
export class ClassifiedError extends Error {
  constructor(
    readonly errorClass: ErrorClass,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Which class a failed iteration's error belongs to. Supabase's pooler (Supavisor) refuses past
 * the plan's client limit with its own messages ("Max client connections reached",
 * EMAXCONN…): always 'quota'. 53300 ("too many clients", "remaining connection slots are
 * reserved …") is the server refusing past max_connections (or a role or database limit): on
 * a supabase target that limit is the compute size's, so a plan quota too; elsewhere
 * 'too-many-clients'.
 */
export function classifyError(error: unknown, target: TargetKind = 'local'): ErrorClass {
  if (error instanceof ClassifiedError) return error.errorClass;
  const err = error as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  if (/EMAXCONN|max client connections reached|max clients reached|MaxClientsInSessionMode/i.test(message)) return 'quota';
  if (code === '53300' || /too many clients|too many connections|remaining connection slots are reserved/i.test(message)) return target === 'supabase' ? 'quota' : 'too-many-clients';
  if (/timeout exceeded when trying to connect/i.test(message)) return 'pool-timeout';
  if (isConnectionLost(error)) return 'connection-lost';
  if (code === '57014') return 'statement-timeout';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'conflict';
  if (code === '42501') return 'permission';
  if (code.startsWith('23')) return 'constraint';
  return 'other';
}
