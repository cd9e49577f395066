import type { Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { userIdOf } from '../world/ids.ts';
import type { Order } from '../world/orders.ts';
import type { Submission } from '../world/submissions.ts';
import { ev, type EventDraft } from './eventDraft.ts';

/**
 * What happens to a submission outside the buyer's visits: verification by the smart agent
 * or the GOM, gateway failures, rejections, cancellations, reminders and the odd 502. The
 * same in both tracked modes; none of them carries a session.
 */
export function serverEvents(ctx: SeedContext, o: Order, s: Submission, rng: Random, guild: string | null, out: EventDraft[]): void {
  const endMs = ctx.referenceDate.getTime();
  const gomUser = userIdOf(ctx.runTag, o.gomIndex);
  const { country, currency } = s;
  const platform = s.buyerPlatform;
  const buyerUser = s.buyerUserId;
  const oid = o.id;
  const sid = s.id;
  if (s.status === 'paid') {
    const verified = `{"payment_reference":"${s.paymentReference}","amount":${s.totalAmount},"method":"${s.paymentMethod}","verified_by":"${rng.chance(0.6) ? 'smart_agent' : 'gom'}"}`;
    out.push(ev('submission_payment_verified', gomUser, oid, sid, guild, platform, country, currency, verified, null, null, null, s.paidAtMs));
    if (s.failedAttempts > 0) out.push(ev('payment_error', buyerUser, oid, sid, guild, platform, country, currency, `{"gateway":"${s.paymentGateway}","code":"payment_failed"}`, null, null, null, s.lastFailureMs));
  } else if (s.status === 'failed') {
    out.push(ev('submission_payment_rejected', gomUser, oid, sid, guild, platform, country, currency, `{"payment_reference":"${s.paymentReference}","gateway":"${s.paymentGateway}"}`, null, null, null, s.lastFailureMs));
  } else if (s.status === 'cancelled') {
    out.push(ev('submission_updated', buyerUser, oid, sid, guild, platform, country, currency, '{"status":"cancelled"}', null, null, null, s.updatedAtMs));
  }
  for (let i = 0; i < s.reminderCount; i += 1) {
    const t = s.createdAtMs + Math.floor((s.lastReminderSentMs - s.createdAtMs) * ((i + 1) / s.reminderCount));
    out.push(ev('platform_message_sent', gomUser, oid, sid, guild, platform === 'web' ? 'whatsapp' : platform, country, currency, '{"message_type":"reminder"}', null, null, null, t));
  }
  if (rng.chance(0.004)) out.push(ev('api_error', buyerUser, oid, sid, guild, platform, country, currency, '{"status":502,"route":"/api/orders/[id]/submissions"}', null, null, null, Math.min(endMs, s.createdAtMs + 1_000)));
}
