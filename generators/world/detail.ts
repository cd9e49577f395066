import type { SeedContext } from '../types.ts';

/**
 * How much per-submission side traffic (bot messages, in-app notifications) the scale keeps,
 * 0.1–1. The presets thin the analytics funnel at large and xl through eventsPerSubmission
 * (2+ per submission is the full funnel); the other per-submission side tables follow the
 * same knob so `large` stays near 3M rows in all instead of 5M.
 */
export function sideTrafficDetail(ctx: SeedContext): number {
  return Math.min(1, Math.max(0.1, ctx.counts.eventsPerSubmission / 2));
}
