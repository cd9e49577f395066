/**
 * CORS as Supabase answers it: its gateway's cors plugin allows any origin, and PostgREST
 * exposes the headers its clients read (PGR's CORS middleware list).
 */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit, X-Total-Count, Link, X-Supabase-Api-Version',
};

/** The preflight answer: the gateway's default methods, the requested headers echoed back. */
export function preflightHeaders(requestHeaders: Record<string, string | string[] | undefined>): Record<string, string> {
  const asked = requestHeaders['access-control-request-headers'];
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT',
    ...(asked ? { 'access-control-allow-headers': Array.isArray(asked) ? asked.join(', ') : asked } : {}),
  };
}
