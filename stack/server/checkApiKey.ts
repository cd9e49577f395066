import { verifyRestJwt } from '../auth/verifyRestJwt.ts';

/** Supabase's gateway refusals (key-auth): before PostgREST or GoTrue see the request. */
export interface GatewayRefusal {
  status: 401;
  body: { message: string; hint?: string };
}

/**
 * The gateway's apikey check (header `apikey`, or `?apikey=` as Realtime sends it): the key
 * must be one of the target's API keys, i.e. a JWT signed with its secret whose role is anon
 * or service_role.
 */
export async function checkApiKey(apikey: string | undefined, secret: string): Promise<GatewayRefusal | undefined> {
  if (!apikey) return { status: 401, body: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' } };
  const verified = await verifyRestJwt(apikey, secret);
  if (verified.ok && (verified.claims.role === 'anon' || verified.claims.role === 'service_role')) return undefined;
  return { status: 401, body: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' } };
}
