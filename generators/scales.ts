import type { EntityCounts } from './types.ts';

/**
 * Scale presets. The totals are the goal (tiny ~20k rows in all, small ~300k,
 * large ~3M, xl ~15M); the entity counts below are what produces them. Submissions drive
 * almost everything: each brings ~0.89 payment_transactions and, in the default 'designed'
 * analytics mode, ~9 analytics events and ~2 sessions (a web submitter's ~10.5 API calls, the
 * viewers who did not submit, verification) — the same at every scale. What bounds the
 * analytics of a big preset is analyticsDays, the days of history it keeps before the
 * reference date; bot messages and notifications are thinned above 100k submissions
 * (world/detail.ts).
 * - tiny: 2 h of monitoring (9 services × per-minute metrics is ~5k rows an hour) and 90 days
 *   of analytics keep CI near 30k.
 * - small: a launch year in miniature: 120 GOMs, 1,200 drops (~100 a month), 50k submissions
 *   (median drop ~17, the hottest ~5.5k), 30 days of analytics, 12 h of monitoring.
 * - large: the headroom case the issue names (20k GOMs, 50k drops, 1M submissions). 1M
 *   submissions + their transactions are already 1.84M rows, so analytics keeps a week and
 *   buyer accounts and monitoring history are kept modest.
 * - xl: 5× large's submissions (the hottest drop ~200k), 5 days of analytics (~20k
 *   submissions a day by then), 4 days of monitoring.
 */
export const SCALE_PRESETS = {
  tiny: { goms: 20, buyerAccounts: 60, orders: 150, submissions: 2_000, analyticsDays: 90, monitoringHours: 2 },
  small: { goms: 120, buyerAccounts: 600, orders: 1_200, submissions: 50_000, analyticsDays: 30, monitoringHours: 12 },
  large: { goms: 20_000, buyerAccounts: 30_000, orders: 50_000, submissions: 1_000_000, analyticsDays: 7, monitoringHours: 24 },
  xl: { goms: 60_000, buyerAccounts: 80_000, orders: 250_000, submissions: 5_000_000, analyticsDays: 5, monitoringHours: 24 * 4 },
} as const satisfies Record<string, EntityCounts>;

