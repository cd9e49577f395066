import type { SeedContext } from '../types.ts';

/**
 * Cache key for values derived from a whole context. Everything in it counts: the GOMs'
 * sign-up times, for one, depend on the order and submission counts through the world plan.
 */
export function contextKey(ctx: SeedContext): string {
  return `${ctx.seed}|${ctx.runTag}|${ctx.referenceDate.getTime()}|${JSON.stringify(ctx.counts)}`;
}
