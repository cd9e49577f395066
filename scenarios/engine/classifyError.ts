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
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/**
 * Which class a failed iteration's error belongs to. 53300 is the server refusing a
 * connection beyond max_connections (or a role/database limit); Supabase's pooler
 * (Supavisor) refuses with its own "max clients reached" messages, a plan quota rather
 * than the server's limit, so those are counted apart.
 */
export function classifyError(error: unknown): ErrorClass {
  const err = error as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  if (/EMAXCONN|max client connections reached|max clients reached|MaxClientsInSessionMode/i.test(message)) return 'quota';
  if (code === '53300' || /too many clients|too many connections/i.test(message)) return 'too-many-clients';
  if (/timeout exceeded when trying to connect/i.test(message)) return 'pool-timeout';
  if (isConnectionLost(error)) return 'connection-lost';
  if (code === '57014') return 'statement-timeout';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'conflict';
  if (code === '42501') return 'permission';
  if (code.startsWith('23')) return 'constraint';
  return 'other';
}
