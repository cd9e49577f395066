import type { EntityCounts } from './types.ts';

/**
 * Scale presets. The totals are the goal (tiny ~20k rows in all, small ~300k,
 * large ~3M, xl ~15M); the entity counts below are what produces them. At large and xl the
 * analytics funnel is thinned (fewer events per submission): 20 events for each of 1M
 * submissions alone would be 20M rows, beyond the 3M the preset stands for.
 */
export const SCALE_PRESETS = {
  tiny: { goms: 20, buyerAccounts: 60, orders: 150, submissions: 2_500, eventsPerSubmission: 3, monitoringHours: 2 },
  small: { goms: 120, buyerAccounts: 600, orders: 1_500, submissions: 60_000, eventsPerSubmission: 2, monitoringHours: 24 },
  large: { goms: 20_000, buyerAccounts: 40_000, orders: 50_000, submissions: 1_000_000, eventsPerSubmission: 0.5, monitoringHours: 72 },
  xl: { goms: 60_000, buyerAccounts: 150_000, orders: 250_000, submissions: 5_000_000, eventsPerSubmission: 0.5, monitoringHours: 24 * 14 },
} as const satisfies Record<string, EntityCounts>;

export type ScaleName = keyof typeof SCALE_PRESETS;
