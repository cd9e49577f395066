/** realtime-fanout's knobs (scenarios/drivers/realtime/realtimeFanout.ts drives them on Node, scenarios/k6/realtime-fanout.ts on k6). */
export interface FanoutKnobs {
  /** Subscribers on the hot order's submissions, the GOM's dashboard included. Default 50. */
  subscribers: number;
  /** Joins per second. Default 50. */
  joinRate: number;
  /** Submissions per second to the hot order. Default 10 (GOMFLOW's client eventsPerSecond). */
  changeRate: number;
  /** How long submissions pour in, ms. Default 20000. */
  durationMs: number;
  /** Share (0–1) of the watchers that are other users, whom RLS excludes. Default 0.1. */
  excludedShare: number;
  /** Longest wait for owed deliveries after the last change, ms. Default 3000. */
  graceMs: number;
  /** Start the changes once every subscriber has joined (a benchmark at a fixed N), not once the dashboard has. Default false. */
  changesAfterJoins: boolean;
}

export const DEFAULT_FANOUT_KNOBS: FanoutKnobs = { subscribers: 50, joinRate: 50, changeRate: 10, durationMs: 20_000, excludedShare: 0.1, graceMs: 3000, changesAfterJoins: false };
