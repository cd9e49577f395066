import type { SeedContext } from '../types.ts';

/** Submissions up to which every per-submission side message and notification is kept. */
const FULL_DETAIL_SUBMISSIONS = 100_000;

/**
 * How much per-submission side traffic (bot messages, in-app notifications) the scale keeps,
 * 0.1–1: all of it up to 100k submissions, then a share that keeps those tables near their
 * size at 100k, so `large` stays near 3M rows in all instead of 5M (never below a tenth).
 */
export function sideTrafficDetail(ctx: SeedContext): number {
  return Math.min(1, Math.max(0.1, FULL_DETAIL_SUBMISSIONS / Math.max(1, ctx.counts.submissions)));
}
