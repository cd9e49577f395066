import type { SeedContext } from '../types.ts';
import { accountCount } from '../world/people.ts';
import { worldPlan } from '../world/plan.ts';
import { HISTORY_DAYS, growthQuantile } from '../world/time.ts';
import { analyticsWindow } from './analyticsWindow.ts';

/**
 * Per tracked submission, events and sessions of its journey and server-side events (web
 * buyers ~10.5 calls plus the viewers who left; bot buyers 2–3), measured on tiny and small.
 */
const EVENTS_PER_SUBMISSION = 8.9;
const SESSIONS_PER_SUBMISSION = 2.1;
/** Per tracked drop: login + order_created, and goal / deadline / completion. */
const EVENTS_PER_ORDER = 3.8;

/**
 * Close estimates of the tracked events and sessions, for progress bars: the submissions of
 * each drop are taken as spread evenly over its open days, and accounts as following the
 * platform's growth curve. O(orders).
 */
export function estimateActivity(ctx: SeedContext): { events: number; sessions: number } {
  const window = analyticsWindow(ctx);
  if (window.fromMs === Infinity) return { events: 0, sessions: 0 };
  const plan = worldPlan(ctx);
  const endMs = ctx.referenceDate.getTime();
  const from = window.anchorFromMs;
  let submissions = 0;
  let orders = 0;
  for (let j = 0; j < plan.orders; j += 1) {
    const open = plan.orderCreatedMs[j]!;
    const close = Math.min(plan.orderDeadlineMs[j]!, endMs);
    if (open >= from) orders += 1;
    if (close <= from) continue;
    submissions += close - open <= 0 ? plan.orderSubmissions[j]! : (plan.orderSubmissions[j]! * (close - Math.max(open, from))) / (close - open);
  }
  // Share of accounts created after `from` under the growth curve (inverse of growthQuantile).
  const x = Math.max(0, 1 - (endMs - from) / (HISTORY_DAYS * 86_400_000));
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i += 1) {
    const mid = (lo + hi) / 2;
    if (growthQuantile(mid) < x) lo = mid;
    else hi = mid;
  }
  const accounts = accountCount(ctx) * (1 - lo);
  return {
    events: Math.round(accounts + orders * EVENTS_PER_ORDER + submissions * EVENTS_PER_SUBMISSION),
    sessions: Math.round(accounts + orders + submissions * SESSIONS_PER_SUBMISSION),
  };
}
