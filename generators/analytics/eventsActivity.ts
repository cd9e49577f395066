import { gomConnections } from '../core/platformConnections.ts';
import { ipAddress, type Country, type Currency } from '../locale/country.ts';
import { poolsFor } from '../pools.ts';
import { rngFor, type Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { account, accountCount, gom } from '../world/people.ts';
import { order, type Order } from '../world/orders.ts';
import { goalReachedMs, submissionCoreOf, submissionOf, type Submission, type SubmissionCore } from '../world/submissions.ts';
import { userIdOf } from '../world/ids.ts';

/** `analytics_events.event_type` values this model emits (all from the table's CHECK list). */
export type EventType =
  | 'order_created' | 'order_deadline_reached' | 'order_goal_reached' | 'order_completed'
  | 'submission_created' | 'submission_updated' | 'submission_payment_uploaded' | 'submission_payment_verified'
  | 'submission_payment_rejected' | 'user_registered' | 'user_login' | 'platform_message_sent'
  | 'platform_message_received' | 'api_error' | 'payment_error';

export type EventPlatform = 'web' | 'mobile' | 'discord' | 'telegram' | 'whatsapp';

export interface EventDraft {
  readonly type: EventType;
  readonly userId: string | null;
  readonly orderId: string | null;
  readonly submissionId: string | null;
  readonly guildId: string | null;
  readonly platform: EventPlatform;
  readonly country: Country;
  readonly currency: Currency;
  /** event_data as JSON text. */
  readonly data: string;
  readonly sessionId: string | null;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly atMs: number;
}

export interface SessionDraft {
  readonly sessionId: string;
  readonly userId: string | null;
  readonly platform: EventPlatform;
  readonly country: Country;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly startedMs: number;
  /** NaN while the session is still open at the reference date. */
  readonly endedMs: number;
  readonly pageViews: number;
  /** Events carrying this session_id. */
  readonly actions: number;
}

/** One chunk of activity: sessions and the events inside (or outside) them. */
export interface Activity {
  readonly sessions: SessionDraft[];
  readonly events: EventDraft[];
}

/**
 * Average events of a fully tracked submission (created + uploaded + verified/rejected +
 * logins, reminders, errors), measured on the tiny preset. The share of submissions whose
 * funnel is tracked is eventsPerSubmission / this, so the presets' knob sets the volume
 * (measured 2.83–2.84 on tiny and small).
 */
export const FUNNEL_EVENTS = 2.84;

const HEX = '0123456789abcdef';

/**
 * All analytics activity of the world, in a fixed order: sign-ups, then per drop the GOM's
 * session opening it, its submissions' funnels (view → submit → proof uploaded → verified;
 * the CHECK list has no page-view type, so views live in the sessions' page_views and the
 * submit event's data), and the drop's goal / deadline / completion events. Events with a
 * session_id always have that session in the same chunk, so the events and sessions specs
 * agree; aggregations re-derive the same stream (and see every submission via `onSubmission`,
 * tracked or not, so they need no second pass).
 */
export function* activityStream(ctx: SeedContext, onSubmission?: (s: SubmissionCore) => void): Generator<Activity> {
  const n = accountCount(ctx);
  for (let u = 0; u < n; u += 1) yield signUp(ctx, u);
  const tracked = Math.min(1, ctx.counts.eventsPerSubmission / FUNNEL_EVENTS);
  const extra = Math.max(0, ctx.counts.eventsPerSubmission - FUNNEL_EVENTS);
  for (let j = 0; j < ctx.counts.orders; j += 1) {
    const o = order(ctx, j);
    const g = gom(ctx, o.gomIndex);
    const discord = gomConnections(ctx, g).find((c) => c.platform === 'discord');
    const guildId = discord ? discord.guildId : null;
    yield orderOpened(ctx, o, g.country);
    for (let k = 0; k < o.submissionCount; k += 1) {
      // Whether a submission is tracked is decided before deriving it: at large scale only a
      // few percent are, and deriving the rest would be most of the cost.
      const rng = rngFor(ctx.seed, 'activity', o.firstSubmission + k);
      if (!rng.chance(tracked)) {
        if (onSubmission) onSubmission(submissionCoreOf(ctx, o, k));
        continue;
      }
      const s = submissionOf(ctx, o, k);
      if (onSubmission) onSubmission(s);
      yield submissionFunnel(ctx, o, s, rng, guildId, extra);
    }
    yield orderClosed(ctx, o);
  }
}

/**
 * An event with every field in one fixed order (one hidden class). Object spreads here cost
 * more than the rest of the funnel together at a million submissions.
 */
function ev(
  type: EventType, userId: string | null, orderId: string | null, submissionId: string | null, guildId: string | null,
  platform: EventPlatform, country: Country, currency: Currency, data: string,
  sessionId: string | null, userAgent: string | null, ip: string | null, atMs: number,
): EventDraft {
  return { type, userId, orderId, submissionId, guildId, platform, country, currency, data, sessionId, userAgent, ip, atMs };
}

function signUp(ctx: SeedContext, u: number): Activity {
  const a = account(ctx, u);
  const rng = rngFor(ctx.seed, 'signup', u);
  const pools = poolsFor(ctx.seed);
  const sessionId = sessionKey(ctx.runTag, 1, u, 0);
  const ua = pools.userAgents[(rng.next() * pools.userAgents.length) | 0]!;
  const ip = ipAddress(rng, a.country);
  const started = a.createdAtMs - 60_000 - Math.floor(rng.next() * 300_000);
  return {
    sessions: [{ sessionId, userId: a.userId, platform: 'web', country: a.country, userAgent: ua, ip, startedMs: started, endedMs: a.createdAtMs + 45_000, pageViews: rng.int(2, 5), actions: 1 }],
    events: [ev('user_registered', a.userId, null, null, null, 'web', a.country, a.currency, `{"method":"email","role":"${a.kind}"}`, sessionId, ua, ip, a.createdAtMs)],
  };
}

function orderOpened(ctx: SeedContext, o: Order, country: Country): Activity {
  const rng = rngFor(ctx.seed, 'orderActivity', o.index);
  const pools = poolsFor(ctx.seed);
  const userId = userIdOf(ctx.runTag, o.gomIndex);
  const viaBot = rng.chance(0.2);
  const platform: EventPlatform = viaBot ? 'telegram' : 'web';
  const sessionId = sessionKey(ctx.runTag, 2, o.index, 0);
  // GOMs keep one browser; their user agent is stable per GOM.
  const ua = viaBot ? null : pools.userAgents[(rngFor(ctx.seed, 'gomAgent', o.gomIndex).next() * pools.userAgents.length) | 0]!;
  const ip = viaBot ? null : ipAddress(rng, country);
  const started = o.createdAtMs - 120_000 - Math.floor(rng.next() * 900_000);
  const endMs = ctx.referenceDate.getTime();
  const ended = o.createdAtMs + 60_000 + Math.floor(rng.next() * 540_000);
  const created = `{"title":${JSON.stringify(o.title)},"price":${o.price},"currency":"${o.currency}","min_orders":${o.minOrders}}`;
  return {
    sessions: [{ sessionId, userId, platform, country: o.country, userAgent: ua, ip, startedMs: started, endedMs: ended > endMs ? Number.NaN : ended, pageViews: rng.int(3, 12), actions: 2 }],
    events: [
      ev('user_login', userId, null, null, null, platform, o.country, o.currency, '{"method":"email"}', sessionId, ua, ip, started),
      ev('order_created', userId, o.id, null, null, platform, o.country, o.currency, created, sessionId, ua, ip, o.createdAtMs),
    ],
  };
}

function orderClosed(ctx: SeedContext, o: Order): Activity {
  const endMs = ctx.referenceDate.getTime();
  const events: EventDraft[] = [];
  const gomUser = userIdOf(ctx.runTag, o.gomIndex);
  const goal = goalReachedMs(ctx, o);
  if (goal === goal) events.push(ev('order_goal_reached', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"min_orders":${o.minOrders}}`, null, null, null, goal));
  if (o.closed) {
    events.push(ev('order_deadline_reached', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"submissions":${o.submissionCount}}`, null, null, null, o.deadlineMs));
    const completed = o.deadlineMs + 86_400_000 + Math.floor(rngFor(ctx.seed, 'orderCompleted', o.index).next() * 6 * 86_400_000);
    if (o.submissionCount >= o.minOrders && completed <= endMs) {
      events.push(ev('order_completed', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"submissions":${o.submissionCount}}`, null, null, null, completed));
    }
  }
  return { sessions: [], events };
}

function submissionFunnel(ctx: SeedContext, o: Order, s: Submission, rng: Random, guildId: string | null, extra: number): Activity {
  const pools = poolsFor(ctx.seed);
  const endMs = ctx.referenceDate.getTime();
  const platform: EventPlatform = s.buyerPlatform;
  const web = platform === 'web';
  // A buyer's phone keeps its browser; the IP changes with the mobile network.
  const ua = web ? pools.userAgents[(rngFor(ctx.seed, 'buyerAgent', s.buyerIndex).next() * pools.userAgents.length) | 0]! : null;
  const events: EventDraft[] = [];
  const sessions: SessionDraft[] = [];
  const gomUser = userIdOf(ctx.runTag, o.gomIndex);
  const guild = platform === 'discord' ? guildId : null;
  const { country, currency } = s;
  const buyerUser = s.buyerUserId;
  const oid = o.id;
  const sid = s.id;

  // Session 1: the buyer views the drop, submits (and uploads proof if within the visit).
  const views = rng.int(1, 8);
  const s1 = sessionKey(ctx.runTag, 3, s.sequence, 0);
  const ip1 = web ? ipAddress(rng, country) : null;
  const started = Math.max(o.createdAtMs, s.createdAtMs - 60_000 * views - Math.floor(rng.next() * 120_000));
  const uploaded = s.proofUploadedAtMs === s.proofUploadedAtMs;
  const inVisit = uploaded && s.proofUploadedAtMs - s.createdAtMs < 45 * 60_000;
  let actions1 = 0;
  let last1 = s.createdAtMs;
  if (buyerUser !== null && web && rng.chance(0.5)) {
    events.push(ev('user_login', buyerUser, null, null, null, platform, country, currency, '{"method":"email"}', s1, ua, ip1, started));
    actions1 += 1;
  }
  const submitted = `{"payment_reference":"${s.paymentReference}","quantity":${s.quantity},"total_amount":${s.totalAmount},"page_views":${views},"source":${s.utmSource === null ? 'null' : `"${s.utmSource}"`}}`;
  events.push(ev('submission_created', buyerUser, oid, sid, guild, platform, country, currency, submitted, s1, ua, ip1, s.createdAtMs));
  actions1 += 1;
  let extras = Math.floor(extra) + (rng.chance(extra - Math.floor(extra)) ? 1 : 0);
  for (; extras > 0; extras -= 1) {
    const t = Math.min(endMs, s.createdAtMs + 5_000 + Math.floor(rng.next() * 600_000));
    events.push(web
      ? ev('submission_updated', buyerUser, oid, sid, guild, platform, country, currency, '{"field":"quantity"}', s1, ua, ip1, t)
      : ev('platform_message_received', buyerUser, oid, sid, guild, platform, country, currency, '{"command":"/status"}', s1, ua, ip1, t));
    actions1 += 1;
    if (t > last1) last1 = t;
  }
  const method = s.paymentMethod ?? 'screenshot';
  if (inVisit) {
    events.push(ev('submission_payment_uploaded', buyerUser, oid, sid, guild, platform, country, currency, `{"method":"${method}","files":${rng.int(1, 2)}}`, s1, ua, ip1, s.proofUploadedAtMs));
    actions1 += 1;
    if (s.proofUploadedAtMs > last1) last1 = s.proofUploadedAtMs;
  }
  const ended1 = last1 + 20_000 + Math.floor(rng.next() * 240_000);
  sessions.push({ sessionId: s1, userId: buyerUser, platform, country, userAgent: ua, ip: ip1, startedMs: started, endedMs: ended1 > endMs ? Number.NaN : ended1, pageViews: views + actions1, actions: actions1 });

  // Session 2: the buyer comes back later to upload the proof.
  if (uploaded && !inVisit) {
    const s2 = sessionKey(ctx.runTag, 3, s.sequence, 1);
    const ip2 = web ? ipAddress(rng, country) : null;
    const start2 = s.proofUploadedAtMs - 30_000 - Math.floor(rng.next() * 150_000);
    events.push(ev('submission_payment_uploaded', buyerUser, oid, sid, guild, platform, country, currency, `{"method":"${method}","files":${rng.int(1, 3)}}`, s2, ua, ip2, s.proofUploadedAtMs));
    const ended2 = s.proofUploadedAtMs + 15_000 + Math.floor(rng.next() * 120_000);
    sessions.push({ sessionId: s2, userId: buyerUser, platform, country, userAgent: ua, ip: ip2, startedMs: start2, endedMs: ended2 > endMs ? Number.NaN : ended2, pageViews: rng.int(1, 4), actions: 1 });
  }

  // Server-side: verification by the smart agent or the GOM, gateway failures, reminders.
  if (s.status === 'paid') {
    const verified = `{"payment_reference":"${s.paymentReference}","amount":${s.totalAmount},"method":"${s.paymentMethod}","verified_by":"${rng.chance(0.6) ? 'smart_agent' : 'gom'}"}`;
    events.push(ev('submission_payment_verified', gomUser, oid, sid, guild, platform, country, currency, verified, null, null, null, s.paidAtMs));
    if (s.failedAttempts > 0) events.push(ev('payment_error', buyerUser, oid, sid, guild, platform, country, currency, `{"gateway":"${s.paymentGateway}","code":"payment_failed"}`, null, null, null, s.lastFailureMs));
  } else if (s.status === 'failed') {
    events.push(ev('submission_payment_rejected', gomUser, oid, sid, guild, platform, country, currency, `{"payment_reference":"${s.paymentReference}","gateway":"${s.paymentGateway}"}`, null, null, null, s.lastFailureMs));
  } else if (s.status === 'cancelled') {
    events.push(ev('submission_updated', buyerUser, oid, sid, guild, platform, country, currency, '{"status":"cancelled"}', null, null, null, s.updatedAtMs));
  }
  for (let i = 0; i < s.reminderCount; i += 1) {
    const t = s.createdAtMs + Math.floor((s.lastReminderSentMs - s.createdAtMs) * ((i + 1) / s.reminderCount));
    events.push(ev('platform_message_sent', gomUser, oid, sid, guild, web ? 'whatsapp' : platform, country, currency, '{"message_type":"reminder"}', null, null, null, t));
  }
  if (rng.chance(0.004)) events.push(ev('api_error', buyerUser, oid, sid, guild, platform, country, currency, '{"status":502,"route":"/api/orders/[id]/submissions"}', null, null, null, Math.min(endMs, s.createdAtMs + 1_000)));
  return { sessions, events };
}

/**
 * A 32-hex-digit session id, unique per (run, kind, index, slot): the words are bijective
 * mixes of the inputs, so distinct inputs never share an id.
 */
export function sessionKey(runTag: number, kind: number, index: number, slot: number): string {
  return hex8(bij(runTag ^ 0x5f3759df)) + hex8(bij(index)) + hex8(bij((kind << 8) ^ slot ^ 0xa5a5a5)) + hex8(bij(index ^ runTag ^ 0x9e3779b9));
}

function bij(x: number): number {
  x |= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function hex8(x: number): string {
  let s = '';
  for (let i = 28; i >= 0; i -= 4) s += HEX[(x >>> i) & 15];
  return s;
}
