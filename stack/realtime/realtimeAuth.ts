import { verifyRestJwt } from '../auth/verifyRestJwt.ts';
import { isApiRole, type ApiRole } from '../requestContext.ts';

/** Who a channel acts as: its role and whole JWT claims, used for every RLS check (facts §1: realtime.subscription keeps both). */
export interface ChannelAuth {
  role: ApiRole;
  claims: Record<string, unknown>;
}

/**
 * Verifies a channel's token (its access_token, or else the socket's apikey) with the target's
 * secret. The refusal is the reason Realtime puts in its join error ("InvalidJWTToken: …").
 */
export async function channelAuth(token: string, secret: string): Promise<ChannelAuth | { reason: string }> {
  const verified = await verifyRestJwt(token, secret);
  if (!verified.ok) return { reason: `InvalidJWTToken: ${verified.error.message}` };
  const role = verified.claims.role ?? 'anon';
  if (!isApiRole(role)) return { reason: `Unauthorized: the role ${JSON.stringify(String(role))} is not an API role` };
  return { role, claims: verified.claims };
}
