import type { Random } from '../../../generators/random.ts';
import type { ReadJourney } from '../../workloads/workload.ts';
import type { ReadSetup } from './readSetup.ts';

/** A read request's placeholder values and whose token sends it. */
export interface ReadCall {
  params: Record<string, unknown>;
  /** A user's access token, or the key of the role. */
  token: string | 'anon' | 'service_role';
}

/**
 * The k6 counterpart of the pg driver's samplers (bench/sampleParams.ts): the same placeholders
 * of restShapes.ts, drawn from setup's sample; the hot order and GOM `hotShare` of the time.
 */
export function readCall(journey: ReadJourney, data: ReadSetup, random: Random): ReadCall {
  const hot = random.chance(journey.hotShare);
  const order = hot ? data.orders[0]! : random.pick(data.orders);
  const gom = hot ? data.goms[0]! : random.pick(data.goms);
  const submission = random.pick(data.pending);
  const token = journey.role === 'authenticated' ? gom.token : journey.role;
  const amount = Number(submission.total_amount);
  const params: Record<string, unknown> = {
    now: new Date(),
    order_id: order.id,
    user_id: journey.role === 'authenticated' ? gom.id : random.pick(journey.name === 'device-tokens' ? data.deviceUsers : data.prefUsers),
    user_uuid: gom.id,
    payment_reference: submission.payment_reference ?? '',
    currency: submission.currency,
    // SA3's band: the extracted amount ±5 % (sql/queries/pending_by_amount_band.sql).
    min_amount: Math.round(amount * 95) / 100,
    max_amount: Math.round(amount * 105) / 100,
    name_pattern: `%${submission.buyer_name.split(' ')[0] ?? ''}%`,
  };
  return { params, token };
}
