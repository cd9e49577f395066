import type { EntityCounts } from './types.ts';

/**
 * Scale presets. The totals are the goal (tiny ~20k rows in all, small ~300k,
 * large ~3M, xl ~15M); the entity counts below are what produces them. Submissions drive
 * almost everything: each brings ~0.89 payment_transactions, and eventsPerSubmission sets the
 * analytics funnel (share of submissions tracked = eventsPerSubmission / 2.84) and, through
 * world/detail.ts, how much per-submission bot messaging and in-app notification is kept.
 *
 * Tuned (estimateRows sums, seed-independent): tiny ≈ 23k, small ≈ 307k, large ≈ 3.27M,
 * xl ≈ 15.4M.
 * - tiny: 2 h of monitoring (9 services × per-minute metrics is ~5k rows an hour; one hour
 *   is too short for an alert to fire) and a third of the funnel tracked keep CI near 20k.
 * - small: a launch year in miniature: 120 GOMs, 1,200 drops (~100 a month), 50k submissions
 *   (median drop ~17, the hottest ~5.5k), 12 h of monitoring.
 * - large: the headroom case the issue names (20k GOMs, 50k drops, 1M submissions). 1M
 *   submissions + their transactions are already 1.84M rows, so the funnel is thinned to
 *   0.15 events per submission (~5 % of submissions tracked end to end) and buyer accounts
 *   and monitoring history are kept modest.
 * - xl: 5× large's submissions (the hottest drop ~200k), an even thinner funnel, 4 days of
 *   monitoring.
 */
export const SCALE_PRESETS = {
  tiny: { goms: 20, buyerAccounts: 60, orders: 150, submissions: 2_000, eventsPerSubmission: 1.0, monitoringHours: 2 },
  small: { goms: 120, buyerAccounts: 600, orders: 1_200, submissions: 50_000, eventsPerSubmission: 1.2, monitoringHours: 12 },
  large: { goms: 20_000, buyerAccounts: 30_000, orders: 50_000, submissions: 1_000_000, eventsPerSubmission: 0.15, monitoringHours: 24 },
  xl: { goms: 60_000, buyerAccounts: 80_000, orders: 250_000, submissions: 5_000_000, eventsPerSubmission: 0.12, monitoringHours: 24 * 4 },
} as const satisfies Record<string, EntityCounts>;

