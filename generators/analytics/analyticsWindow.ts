import { DAY_MS, HOUR_MS } from '../distributions.ts';
import type { SeedContext } from '../types.ts';

/**
 * The longest a journey's first event comes before the moment it is anchored on (a sign-up,
 * a drop opening, a submission): order-page views, logins and other viewers of the drop.
 */
export const JOURNEY_LEAD_MS = HOUR_MS;

/**
 * Which journeys the analytics history holds: those anchored at or after `anchorFromMs`, so
 * every event they bring is at or after `fromMs` (= reference date − analyticsDays). In 'built'
 * mode nothing is tracked (nothing in the app posts events), and both are +Infinity.
 */
export interface AnalyticsWindow {
  readonly fromMs: number;
  readonly anchorFromMs: number;
}

export function analyticsWindow(ctx: SeedContext): AnalyticsWindow {
  if (ctx.analytics === 'built') return { fromMs: Infinity, anchorFromMs: Infinity };
  const fromMs = ctx.referenceDate.getTime() - ctx.counts.analyticsDays * DAY_MS;
  return { fromMs, anchorFromMs: fromMs + JOURNEY_LEAD_MS };
}
