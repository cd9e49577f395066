import { DAY_MS } from '../distributions.ts';
import { gomConnections } from '../core/platformConnections.ts';
import { ipAddress, type Country } from '../locale/country.ts';
import { poolsFor } from '../pools.ts';
import { rngFor } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { account, accountCount, gom, type Account } from '../world/people.ts';
import { order, type Order } from '../world/orders.ts';
import { goalReachedMs, submissionCoreOf, submissionCreatedMs, submissionOf, type SubmissionCore } from '../world/submissions.ts';
import { userIdOf } from '../world/ids.ts';
import { analyticsWindow } from './analyticsWindow.ts';
import { submissionJourney } from './buyerJourney.ts';
import { ev, sessionKey, type Activity, type EventDraft, type EventPlatform } from './eventDraft.ts';

/** A closed drop is marked completed at most this long after its deadline. */
const COMPLETION_MAX_MS = 7 * DAY_MS;

/**
 * All analytics activity of the world, in a fixed order: sign-ups, then per drop the GOM's
 * session opening it, its submissions' journeys (buyerJourney.ts) and the drop's goal /
 * deadline / completion events — only what falls in the analytics window (analyticsWindow.ts),
 * and nothing in 'built' mode. Events with a session_id always have that session in the same
 * chunk, so the events and sessions specs agree. Aggregations re-derive the same stream and
 * see every submission of the whole history through `onSubmission`, tracked or not.
 */
export function* activityStream(ctx: SeedContext, onSubmission?: (s: SubmissionCore) => void): Generator<Activity> {
  const window = analyticsWindow(ctx);
  if (window.fromMs === Infinity) return;
  const n = accountCount(ctx);
  for (let u = 0; u < n; u += 1) {
    const a = account(ctx, u);
    if (a.createdAtMs >= window.anchorFromMs) yield signUp(ctx, u, a);
  }
  for (let j = 0; j < ctx.counts.orders; j += 1) {
    const o = order(ctx, j);
    // A drop completed before the window has nothing in it: skip deriving its submissions.
    const reachesWindow = o.deadlineMs + COMPLETION_MAX_MS >= window.fromMs;
    if (!reachesWindow && !onSubmission) continue;
    let guildId: string | null | undefined;
    if (o.createdAtMs >= window.anchorFromMs) yield orderOpened(ctx, o, gom(ctx, o.gomIndex).country);
    for (let k = 0; k < o.submissionCount; k += 1) {
      // Deciding from created_at alone keeps untracked submissions cheap: at large scale the
      // window holds a few percent of them, and deriving the rest would be most of the cost.
      if (o.deadlineMs < window.anchorFromMs || submissionCreatedMs(ctx, o, k) < window.anchorFromMs) {
        if (onSubmission) onSubmission(submissionCoreOf(ctx, o, k));
        continue;
      }
      const s = submissionOf(ctx, o, k);
      if (onSubmission) onSubmission(s);
      if (guildId === undefined) guildId = gomConnections(ctx, gom(ctx, o.gomIndex)).find((c) => c.platform === 'discord')?.guildId ?? null;
      yield submissionJourney(ctx, o, s, rngFor(ctx.seed, 'activity', o.firstSubmission + k), guildId);
    }
    if (reachesWindow) yield orderClosed(ctx, o, window.fromMs);
  }
}

function signUp(ctx: SeedContext, u: number, a: Account): Activity {
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

/** The drop's server-side milestones that fall in the window (no session, so no journey to keep whole). */
function orderClosed(ctx: SeedContext, o: Order, fromMs: number): Activity {
  const endMs = ctx.referenceDate.getTime();
  const events: EventDraft[] = [];
  const gomUser = userIdOf(ctx.runTag, o.gomIndex);
  const keep = (e: EventDraft) => {
    if (e.atMs >= fromMs) events.push(e);
  };
  // The goal is reached by the deadline at the latest; finding it costs a pass over the drop.
  if (o.deadlineMs >= fromMs) {
    const goal = goalReachedMs(ctx, o);
    if (goal === goal) keep(ev('order_goal_reached', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"min_orders":${o.minOrders}}`, null, null, null, goal));
  }
  if (o.closed) {
    keep(ev('order_deadline_reached', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"submissions":${o.submissionCount}}`, null, null, null, o.deadlineMs));
    const completed = o.deadlineMs + DAY_MS + Math.floor(rngFor(ctx.seed, 'orderCompleted', o.index).next() * 6 * DAY_MS);
    if (o.submissionCount >= o.minOrders && completed <= endMs) {
      keep(ev('order_completed', gomUser, o.id, null, null, 'web', o.country, o.currency, `{"submissions":${o.submissionCount}}`, null, null, null, completed));
    }
  }
  return { sessions: [], events };
}
