import { serviceGet, signIn, type K6Target } from './k6Target.ts';

/** What the read journeys draw their parameters from, read once in setup() and handed to every VU. */
export interface ReadSetup {
  /** Active orders, the drop's hot order (most pending submissions in the sample) first. */
  orders: { id: string; user_id: string }[];
  /** Pending submissions: payment references, amounts and buyer names to look up. */
  pending: { order_id: string; payment_reference: string | null; currency: string; total_amount: number; buyer_name: string }[];
  /** Users with notification preferences and with devices. */
  prefUsers: string[];
  deviceUsers: string[];
  /** GOMs of the sampled orders, signed in: the authenticated journeys. */
  goms: { id: string; token: string }[];
}

const SAMPLE = 100;
const SIGNED_IN_GOMS = 5;

/** Reads the sample as service_role and signs the orders' GOMs in with `password` (the seed's users share one). */
export function readSetup(target: K6Target, password: string): ReadSetup {
  const orders = serviceGet<ReadSetup['orders']>(target, `/rest/v1/orders?select=id,user_id&is_active=eq.true&order=created_at.desc&limit=${SAMPLE}`);
  const pending = serviceGet<ReadSetup['pending']>(target, `/rest/v1/submissions?select=order_id,payment_reference,currency,total_amount,buyer_name&status=eq.pending&limit=${SAMPLE}`);
  const prefUsers = serviceGet<{ user_id: string }[]>(target, `/rest/v1/notification_preferences?select=user_id&limit=${SAMPLE}`).map((row) => row.user_id);
  const deviceUsers = serviceGet<{ user_id: string }[]>(target, `/rest/v1/user_devices?select=user_id&is_active=eq.true&limit=${SAMPLE}`).map((row) => row.user_id);
  if (orders.length === 0 || pending.length === 0) throw new Error('setup: the target has no active orders or no pending submissions; seed it first (gomflow-load seed)');
  const pendingPerOrder = new Map<string, number>();
  for (const row of pending) pendingPerOrder.set(row.order_id, (pendingPerOrder.get(row.order_id) ?? 0) + 1);
  orders.sort((a, b) => (pendingPerOrder.get(b.id) ?? 0) - (pendingPerOrder.get(a.id) ?? 0));
  const gomIds = [...new Set(orders.map((order) => order.user_id))].slice(0, SIGNED_IN_GOMS);
  const profiles = serviceGet<{ user_id: string; email: string }[]>(target, `/rest/v1/profiles?select=user_id,email&user_id=in.(${gomIds.join(',')})`);
  const goms = profiles.map((profile) => ({ id: profile.user_id, token: signIn(target, profile.email, password) }));
  return { orders, pending, prefUsers: prefUsers.length ? prefUsers : gomIds, deviceUsers: deviceUsers.length ? deviceUsers : gomIds, goms };
}

/** What setup() hands every VU: the sample, and the tag in every name and row the run writes, so teardown finds exactly them. */
export type ScriptSetup = ReadSetup & { runTag: string };

/** setup() of every script: the sample, read with the GOMs' password from GOMFLOW_USER_PASSWORD, and a tag for what the run writes. */
export function scriptSetup(target: K6Target, env: Readonly<Record<string, string | undefined>>): ScriptSetup {
  const password = env.GOMFLOW_USER_PASSWORD;
  if (!password) throw new Error('GOMFLOW_USER_PASSWORD is not set: the password the GOMs sign in with (seeded users: see the README\'s seed section)');
  return { ...readSetup(target, password), runTag: `k6-${Date.now().toString(36)}` };
}
