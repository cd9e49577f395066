import { weighted, pickWeighted } from '../distributions.ts';
import { ipAddress } from '../locale/country.ts';
import { poolsFor } from '../pools.ts';
import { rngFor, type Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import type { Order } from '../world/orders.ts';
import type { Submission } from '../world/submissions.ts';
import { ev, sessionKey, type Activity, type EventDraft, type EventPlatform } from './eventDraft.ts';
import { serverEvents } from './serverEvents.ts';

/**
 * The API calls of the web pages a buyer goes through (gomflow-traffic.md §1.1–1.4, the routes
 * as of 471ad9b). Design AN0 tracks one event per call, but the event_type CHECK list has no
 * page-view type, so a read is tracked as 'platform_message_received' (the platform received
 * the user's request) with its route in event_data; writes get their own types.
 */
const BROWSE = '{"route":"GET /api/orders/public"}';
const ORDER = '{"route":"GET /api/orders/[id]"}';
const ORDER_ACCESS = '{"route":"GET /api/orders/[id]/submissions"}';
const BY_REF = '{"route":"GET /api/submissions/by-ref"}';
/** Order page views of a buyer who then submits. Tuned so a web submitter's calls average ~10.5 (§6.2 add-on 1). */
const VIEWS = weighted<number>([[1, 76], [2, 19], [3, 4], [4, 1]]);
/** A proof uploaded this soon after submitting was uploaded in the same visit. */
const SAME_VISIT_MS = 45 * 60_000;

/**
 * One submission's analytics: the buyer's visits (web: browse, order page, submit page, the
 * submit, the payment page, the proof upload; bots: the order command, the submit, the proof),
 * the order-page viewers who did not submit (half of all viewers, §6.1), and the server-side
 * events (verification, gateway errors, reminders).
 */
export function submissionJourney(ctx: SeedContext, o: Order, s: Submission, rng: Random, guildId: string | null): Activity {
  const activity: Activity = { sessions: [], events: [] };
  if (s.buyerPlatform === 'web') {
    webVisits(ctx, o, s, rng, activity);
    viewersWhoLeft(ctx, o, s, rng, activity);
  } else {
    botVisits(ctx, o, s, rng, s.buyerPlatform === 'discord' ? guildId : null, activity);
  }
  serverEvents(ctx, o, s, rng, s.buyerPlatform === 'discord' ? guildId : null, activity.events);
  return activity;
}

function webVisits(ctx: SeedContext, o: Order, s: Submission, rng: Random, out: Activity): void {
  const pools = poolsFor(ctx.seed);
  const endMs = ctx.referenceDate.getTime();
  // A buyer's phone keeps its browser; the IP changes with the mobile network.
  const ua = pools.userAgents[(rngFor(ctx.seed, 'buyerAgent', s.buyerIndex).next() * pools.userAgents.length) | 0]!;
  const { country, currency } = s;
  const user = s.buyerUserId;
  // Reads before the submit know only the order; the payment page knows the submission.
  const read = (data: string, sid: string | null, session: string, ip: string, at: number): EventDraft =>
    ev('platform_message_received', user, o.id, sid, null, 'web', country, currency, data, session, ua, ip, at);

  // Visit 1: order page (1–4 views), submit page, the submit, then the payment page it redirects to.
  const views = pickWeighted(rng, VIEWS);
  const browsed = s.utmSource === null;
  const s1 = sessionKey(ctx.runTag, 3, s.sequence, 0);
  const ip1 = ipAddress(rng, country);
  const started = Math.max(o.createdAtMs, s.createdAtMs - 60_000 * views - Math.floor(rng.next() * 120_000));
  const events: EventDraft[] = [];
  if (user !== null && rng.chance(0.5)) events.push(ev('user_login', user, null, null, null, 'web', country, currency, '{"method":"email"}', s1, ua, ip1, started));
  const before: string[] = browsed ? [BROWSE] : [];
  for (let v = 0; v < views; v += 1) before.push(ORDER, ORDER_ACCESS);
  before.push(ORDER);
  const gap = (s.createdAtMs - started) / before.length;
  for (let i = 0; i < before.length; i += 1) events.push(read(before[i]!, null, s1, ip1, started + Math.floor(gap * i)));
  const submitted = `{"route":"POST /api/orders/[id]/submissions","payment_reference":"${s.paymentReference}","quantity":${s.quantity},"total_amount":${s.totalAmount},"page_views":${views},"source":${s.utmSource === null ? 'null' : `"${s.utmSource}"`}}`;
  events.push(ev('submission_created', user, o.id, s.id, null, 'web', country, currency, submitted, s1, ua, ip1, s.createdAtMs));
  const redirected = Math.min(endMs, s.createdAtMs + 1_000 + Math.floor(rng.next() * 3_000));
  events.push(read(ORDER, s.id, s1, ip1, redirected), read(BY_REF, s.id, s1, ip1, redirected));
  const uploaded = s.proofUploadedAtMs === s.proofUploadedAtMs;
  const inVisit = uploaded && s.proofUploadedAtMs - s.createdAtMs < SAME_VISIT_MS;
  const method = s.paymentMethod ?? 'screenshot';
  let last = redirected;
  if (inVisit) {
    events.push(upload(o, s, 'web', method, rng.int(1, 2), s1, ua, ip1));
    last = Math.max(last, s.proofUploadedAtMs);
  }
  const pages = before.length + 1;
  const ended1 = last + 20_000 + Math.floor(rng.next() * 240_000);
  out.sessions.push({ sessionId: s1, userId: user, platform: 'web', country, userAgent: ua, ip: ip1, startedMs: started, endedMs: ended1 > endMs ? Number.NaN : ended1, pageViews: pages, actions: events.length });
  out.events.push(...events);

  // Visit 2: the buyer comes back to the payment page to upload the proof.
  if (uploaded && !inVisit) {
    const s2 = sessionKey(ctx.runTag, 3, s.sequence, 1);
    const ip2 = ipAddress(rng, country);
    const start2 = s.proofUploadedAtMs - 30_000 - Math.floor(rng.next() * 150_000);
    out.events.push(read(ORDER, s.id, s2, ip2, start2), read(BY_REF, s.id, s2, ip2, start2 + 400), upload(o, s, 'web', method, rng.int(1, 3), s2, ua, ip2));
    const ended2 = s.proofUploadedAtMs + 15_000 + Math.floor(rng.next() * 120_000);
    out.sessions.push({ sessionId: s2, userId: user, platform: 'web', country, userAgent: ua, ip: ip2, startedMs: start2, endedMs: ended2 > endMs ? Number.NaN : ended2, pageViews: 1 + rng.int(0, 2), actions: 3 });
  }
}

/** Order-page viewers who left without submitting: 0–2 per web submission, one in two viewers overall. */
function viewersWhoLeft(ctx: SeedContext, o: Order, s: Submission, rng: Random, out: Activity): void {
  const pools = poolsFor(ctx.seed);
  const endMs = ctx.referenceDate.getTime();
  const viewers = (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.5) ? 1 : 0);
  for (let i = 0; i < viewers; i += 1) {
    const sessionId = sessionKey(ctx.runTag, 4, s.sequence, i);
    const ua = pools.userAgents[(rng.next() * pools.userAgents.length) | 0]!;
    const ip = ipAddress(rng, s.country);
    // Around the time this buyer came, while the drop was open; never before the tracked window (see analyticsWindow.ts).
    const at = Math.max(o.createdAtMs, Math.min(endMs, o.deadlineMs, s.createdAtMs - 30 * 60_000 + Math.floor(rng.next() * 4 * 3_600_000)));
    const reads = rng.chance(0.15) ? [BROWSE, ORDER, ORDER_ACCESS] : [ORDER, ORDER_ACCESS];
    for (let r = 0; r < reads.length; r += 1) {
      out.events.push(ev('platform_message_received', null, o.id, null, null, 'web', s.country, s.currency, reads[r]!, sessionId, ua, ip, Math.min(endMs, at + r * 1_500)));
    }
    const ended = at + 30_000 + Math.floor(rng.next() * 150_000);
    out.sessions.push({ sessionId, userId: null, platform: 'web', country: s.country, userAgent: ua, ip, startedMs: at, endedMs: ended > endMs ? Number.NaN : ended, pageViews: reads.length - 1, actions: reads.length });
  }
}

/** Bot buyers: the order command (the bot reads the order for them), the submit, the proof photo. */
function botVisits(ctx: SeedContext, o: Order, s: Submission, rng: Random, guild: string | null, out: Activity): void {
  const endMs = ctx.referenceDate.getTime();
  const platform: EventPlatform = s.buyerPlatform;
  const { country, currency } = s;
  const user = s.buyerUserId;
  const s1 = sessionKey(ctx.runTag, 3, s.sequence, 0);
  const started = Math.max(o.createdAtMs, s.createdAtMs - 30_000 - Math.floor(rng.next() * 150_000));
  const events: EventDraft[] = [
    ev('platform_message_received', user, o.id, null, guild, platform, country, currency, '{"command":"order","route":"GET /api/orders/[id]"}', s1, null, null, started),
    ev('submission_created', user, o.id, s.id, guild, platform, country, currency, `{"route":"POST /api/submissions","payment_reference":"${s.paymentReference}","quantity":${s.quantity},"total_amount":${s.totalAmount}}`, s1, null, null, s.createdAtMs),
  ];
  const uploaded = s.proofUploadedAtMs === s.proofUploadedAtMs;
  const inVisit = uploaded && s.proofUploadedAtMs - s.createdAtMs < SAME_VISIT_MS;
  const method = s.paymentMethod ?? 'screenshot';
  if (inVisit) events.push(upload(o, s, platform, method, 1, s1, null, null, guild));
  const ended1 = (inVisit ? s.proofUploadedAtMs : s.createdAtMs) + 20_000 + Math.floor(rng.next() * 120_000);
  out.sessions.push({ sessionId: s1, userId: user, platform, country, userAgent: null, ip: null, startedMs: started, endedMs: ended1 > endMs ? Number.NaN : ended1, pageViews: 1, actions: events.length });
  out.events.push(...events);
  if (uploaded && !inVisit) {
    const s2 = sessionKey(ctx.runTag, 3, s.sequence, 1);
    const start2 = s.proofUploadedAtMs - 10_000 - Math.floor(rng.next() * 60_000);
    out.events.push(upload(o, s, platform, method, 1, s2, null, null, guild));
    const ended2 = s.proofUploadedAtMs + 15_000 + Math.floor(rng.next() * 60_000);
    out.sessions.push({ sessionId: s2, userId: user, platform, country, userAgent: null, ip: null, startedMs: start2, endedMs: ended2 > endMs ? Number.NaN : ended2, pageViews: 0, actions: 1 });
  }
}

function upload(o: Order, s: Submission, platform: EventPlatform, method: string, files: number, session: string, ua: string | null, ip: string | null, guild: string | null = null): EventDraft {
  const data = `{"route":"POST /api/payments/upload-proof","method":"${method}","files":${files}}`;
  return ev('submission_payment_uploaded', s.buyerUserId, o.id, s.id, guild, platform, s.country, s.currency, data, session, ua, ip, s.proofUploadedAtMs);
}
