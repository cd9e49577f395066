/**
 * True when an error means the connection to the target is gone (server stopped, killed,
 * network reset) rather than that a statement failed: the command then stops, writes what it
 * measured as partial and exits 3. SQLSTATE class 08 is "connection exception"; 57P01–57P03
 * are the server shutting down or not accepting connections.
 */
export function isConnectionLost(error: unknown): boolean {
  const err = error as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|Client has encountered a connection error|connection is closed|not queryable/i.test(message);
}
