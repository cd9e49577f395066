import { rngFor, type Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { sideTrafficDetail } from '../world/detail.ts';
import { buyer, buyerCountry, gom } from '../world/people.ts';
import { order, type Order } from '../world/orders.ts';
import { goalReachedMs, submissionOf, type Submission } from '../world/submissions.ts';
import { userIdOf } from '../world/ids.ts';
import { worldWindow } from '../world/time.ts';
import { deviceCount } from './userDevices.ts';

export type Channel = 'websocket' | 'push' | 'email';

/** One notification before it becomes a notifications row (and its deliveries). */
export interface NotificationDraft {
  /** Position in the stream: the runUuid sequence of notifications.id. */
  readonly sequence: number;
  readonly userSequence: number;
  readonly userId: string;
  readonly type: string;
  readonly title: string;
  readonly message: string;
  /** notifications.data as JSON text. */
  readonly data: string;
  readonly priority: 'low' | 'normal' | 'high' | 'urgent';
  /** Channels that succeeded (notifications.channels_sent). */
  readonly channelsSent: Channel[];
  /** Channels that failed, with the error text (notifications.errors). */
  readonly failed: { readonly channel: Channel; readonly error: string }[];
  readonly createdAtMs: number;
  readonly readAtMs: number;
  readonly scheduledForMs: number;
  readonly expiresAtMs: number;
}

const CURRENCY_SIGN = { PHP: '₱', MYR: 'RM' } as const;
const ANNOUNCEMENTS = [
  { at: 0.2, type: 'feature_update', title: 'New: Telegram bot orders', message: 'Buyers can now join your drops from your Telegram channel with /submit.' },
  { at: 0.45, type: 'system_maintenance', title: 'Scheduled maintenance', message: 'GOMFLOW will be read-only on Sunday 2:00–3:00 AM (PH/MY time) for database maintenance.' },
  { at: 0.7, type: 'announcement', title: 'GOMFLOW is now in Malaysia 🇲🇾', message: 'Billplz payments (FPX, Touch \'n Go, Boost) are live for Malaysian GOMs.' },
  { at: 0.9, type: 'feature_update', title: 'Smart payment verification', message: 'Screenshots are now checked automatically; you only review the unclear ones.' },
] as const;

/**
 * Every notification of the world in a fixed order: per drop, the GOM's "order created", the
 * per-submission notifications (GOM: new submission; buyer with an account: payment required,
 * then confirmed or rejected), deadline, goal and completion notices, and recommendations to
 * buyers of the same country; then platform announcements to GOMs. Re-derived by both the
 * notifications and the notification_deliveries specs, so deliveries point at real ids.
 */
export function* notificationStream(ctx: SeedContext): Generator<NotificationDraft> {
  const { endMs } = worldWindow(ctx);
  const detail = sideTrafficDetail(ctx);
  let seq = 0;
  const draft = (rng: Random, userSequence: number, type: string, title: string, message: string, data: string, priority: NotificationDraft['priority'], wanted: readonly Channel[], createdAtMs: number, scheduledForMs = Number.NaN, expiresAtMs = Number.NaN): NotificationDraft => {
    const hasDevice = deviceCount(ctx, userSequence) > 0;
    const channelsSent: Channel[] = [];
    const failed: { channel: Channel; error: string }[] = [];
    for (const channel of wanted) {
      if (channel === 'push' && !hasDevice) continue;
      const r = rng.next();
      if (channel === 'push' && r < 0.06) failed.push({ channel, error: 'push: messaging/registration-token-not-registered' });
      else if (channel === 'email' && r < 0.02) failed.push({ channel, error: 'email: 550 5.1.1 mailbox unavailable' });
      else channelsSent.push(channel);
    }
    const readAt = createdAtMs < endMs - 3_600_000 && rng.chance(0.72) ? Math.min(endMs, createdAtMs + 30_000 + Math.floor(-Math.log(1 - rng.next()) * 3 * 3_600_000)) : Number.NaN;
    return {
      sequence: seq++, userSequence, userId: userIdOf(ctx.runTag, userSequence), type, title, message, data, priority,
      channelsSent, failed, createdAtMs, readAtMs: readAt, scheduledForMs, expiresAtMs,
    };
  };

  for (let j = 0; j < ctx.counts.orders; j += 1) {
    const o = order(ctx, j);
    const rng = rngFor(ctx.seed, 'orderNotifications', j);
    const title = JSON.stringify(o.title);
    const orderData = `{"orderId":"${o.id}","orderTitle":${title}`;
    yield draft(rng, o.gomIndex, 'order_created', 'Order Created', `Your order ${title} has been created and is now live.`, `${orderData}}`, 'low', ['websocket'], Math.min(endMs, o.createdAtMs + 2_000));

    for (let k = 0; k < o.submissionCount; k += 1) {
      // Decide first, derive only when needed: at large scale most submissions notify no one.
      const srng = rngFor(ctx.seed, 'submissionNotifications', o.firstSubmission + k);
      const toGom = srng.chance(0.35 * detail);
      const toBuyer = srng.chance(detail);
      if (!toGom && !toBuyer) continue;
      yield* submissionNotifications(ctx, submissionOf(ctx, o, k), o, title, orderData, srng, toGom, toBuyer, draft);
    }

    const remind = o.deadlineMs - 86_400_000;
    if (remind > o.createdAtMs && remind <= endMs) {
      yield draft(rng, o.gomIndex, 'order_deadline_approaching', 'Order Deadline Approaching ⏰', `${title} closes in 24 hours.`, `${orderData},"timeRemaining":"24 hours"}`, 'high', ['push', 'websocket'], remind - 60_000, remind, o.deadlineMs);
    }
    const goal = goalReachedMs(ctx, o);
    if (goal === goal) {
      yield draft(rng, o.gomIndex, 'order_goal_reached', 'Order Goal Reached! 🎉', `${title} has reached its minimum of ${o.minOrders} orders.`, `${orderData},"currentQuantity":${o.minOrders},"minQuantity":${o.minOrders}}`, 'normal', ['websocket', 'push'], Math.min(endMs, goal + 5_000));
    }
    const completed = o.deadlineMs + 86_400_000 + Math.floor(rng.next() * 2 * 86_400_000);
    if (o.closed && completed <= endMs && o.submissionCount >= o.minOrders) {
      yield draft(rng, o.gomIndex, 'order_completed', 'Order Completed', `${title} is complete and moving to fulfilment.`, `${orderData},"submissions":${o.submissionCount}}`, 'normal', ['websocket', 'email'], completed);
    }
    // Recommendations to a few buyers with accounts in the same country.
    const recommendations = rng.chance(detail) ? rng.int(0, 2) : 0;
    for (let r = 0; r < recommendations && ctx.counts.buyerAccounts > 0; r += 1) {
      const b = rng.int(0, ctx.counts.buyerAccounts - 1);
      if (buyerCountry(b) !== o.country) continue;
      const when = Math.min(endMs, o.createdAtMs + 600_000 + Math.floor(rng.next() * 6 * 3_600_000));
      const userSequence = ctx.counts.goms + b;
      if (buyer(ctx, b).accountCreatedAtMs > when) continue;
      yield draft(rng, userSequence, 'new_order_recommendation', 'New Order Available 🛍️', `A new ${o.act} order is available: ${title}.`, `${orderData},"category":"${o.kind}"}`, 'low', ['push'], when);
    }
  }

  const { startMs } = worldWindow(ctx);
  for (let i = 0; i < ctx.counts.goms; i += 1) {
    const rng = rngFor(ctx.seed, 'announcements', i);
    const joined = gom(ctx, i).createdAtMs;
    for (const a of ANNOUNCEMENTS) {
      const when = Math.floor(startMs + (endMs - startMs) * a.at);
      if (when < joined || !rng.chance(detail)) continue;
      yield draft(rng, i, a.type, a.title, a.message, `{"kind":"${a.type}"}`, a.type === 'system_maintenance' ? 'high' : 'low', ['websocket', 'email'], when, Number.NaN, when + 30 * 86_400_000);
    }
  }
}

type Draft = (rng: Random, userSequence: number, type: string, title: string, message: string, data: string, priority: NotificationDraft['priority'], wanted: readonly Channel[], createdAtMs: number, scheduledForMs?: number, expiresAtMs?: number) => NotificationDraft;

function* submissionNotifications(ctx: SeedContext, s: Submission, o: Order, title: string, orderData: string, rng: Random, toGom: boolean, toBuyer: boolean, draft: Draft): Generator<NotificationDraft> {
  const endMs = ctx.referenceDate.getTime();
  const amount = `${CURRENCY_SIGN[s.currency]}${s.totalAmount}`;
  const data = `${orderData},"submissionId":"${s.id}","paymentReference":"${s.paymentReference}","amount":${s.totalAmount},"currency":"${s.currency}"}`;
  if (toGom) {
    yield draft(rng, o.gomIndex, 'submission_created', 'New Submission 🛒', `${s.buyerName} joined ${title} (${s.quantity} pc, ${amount}).`, data, 'normal', ['websocket'], Math.min(endMs, s.createdAtMs + 1_500));
  }
  if (s.buyerUserId === null || !toBuyer) return;
  const buyerSeq = ctx.counts.goms + s.buyerIndex;
  yield draft(rng, buyerSeq, 'submission_payment_required', 'Payment Required 💳', `Please pay ${amount} for ${title} within 24 hours. Ref ${s.paymentReference}.`, data, 'high', ['push', 'websocket'], Math.min(endMs, s.createdAtMs + 2_000));
  if (s.status === 'paid') {
    yield draft(rng, buyerSeq, 'submission_payment_confirmed', 'Payment Confirmed ✅', `Your payment of ${amount} for ${title} has been confirmed.`, data, 'high', ['websocket', 'push', 'email'], Math.min(endMs, s.paidAtMs + 3_000));
  } else if (s.status === 'failed') {
    yield draft(rng, buyerSeq, 'submission_payment_rejected', 'Payment Not Verified', `We could not verify your payment for ${title}. Please try again or message the GOM.`, data, 'high', ['websocket', 'push'], Math.min(endMs, s.lastFailureMs + 3_000));
  }
}
