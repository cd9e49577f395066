import { verifyRestJwt } from '../auth/verifyRestJwt.ts';
import { isApiRole } from '../requestContext.ts';
import type { RestRequest } from '../rest/restTypes.ts';

/** A refusal in PostgREST's error shape, with the headers it sends (WWW-Authenticate). */
export interface RestRefusal {
  status: number;
  headers: Record<string, string>;
  body: { code: string; message: string; details: null; hint: null };
}

/**
 * Who makes a /rest/v1 request, as PostgREST decides it: the Bearer token, or the apikey
 * when there is none (an anon key then means anon); claims verified (PGRST301/303 → 401).
 * A role that is not an API role is refused as PostgreSQL would refuse the switch, since the
 * local server connects as a superuser that could otherwise become it.
 */
export async function authenticateRest(headers: Record<string, string>, apikey: string, secret: string): Promise<RestRequest['auth'] | RestRefusal> {
  const bearer = /^bearer\s+(\S*)$/i.exec(headers.authorization ?? '')?.[1];
  const verified = await verifyRestJwt(bearer ?? apikey, secret);
  if (!verified.ok) {
    const { code, message } = verified.error;
    return {
      status: 401,
      headers: { 'www-authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}` },
      body: { code, message, details: null, hint: null },
    };
  }
  const { claims } = verified;
  const role = claims.role ?? 'anon';
  if (!isApiRole(role)) {
    return { status: 403, headers: {}, body: { code: '42501', message: `permission denied to set role ${JSON.stringify(String(role))}`, details: null, hint: null } };
  }
  return { role, claims, ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}) };
}
