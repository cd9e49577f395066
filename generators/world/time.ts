import { DAY_MS, HOUR_MS } from '../distributions.ts';
import type { SeedContext } from '../types.ts';

/** How far back the seeded world reaches: GOMFLOW's first year. */
export const HISTORY_DAYS = 365;

/** Platform growth: the density of new activity rises linearly across the history (a + x on [0, 1]). */
const GROWTH_BASE = 0.35;

/** [start, end] of the world in epoch ms; end is the reference date ("now"). */
export function worldWindow(ctx: SeedContext): { startMs: number; endMs: number } {
  const endMs = ctx.referenceDate.getTime();
  return { startMs: endMs - HISTORY_DAYS * DAY_MS, endMs };
}

/** Position in [0, 1] of the p-quantile of the growth curve (more activity later). */
export function growthQuantile(p: number): number {
  const a = GROWTH_BASE;
  return -a + Math.sqrt(a * a + 2 * p * (a + 0.5));
}

export { DAY_MS, HOUR_MS };
