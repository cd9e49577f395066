/**
 * The fixed log-scale latency grid k6 scripts count requests on, one k6 Counter per bucket:
 * counters sum exactly across VUs and runners, where k6's Trend percentiles cannot be merged.
 * Pure data and arithmetic, shared by the scripts (bundled into k6) and the importer (Node).
 */

/** Upper bound of the first bucket, ms: everything at or below 0.1 ms counts there. */
export const GRID_MIN_MS = 0.1;
/** Everything above the last bound counts in the last bucket (60 s: any budget is lost by then). */
export const GRID_MAX_MS = 60_000;
/** Each bucket's upper bound is this much above its lower one: 4 % wide, a value read back is within ±2 %. */
export const GRID_RATIO = 1.04;

/** Number of buckets: bucket i holds (GRID_MIN_MS·r^(i-1), GRID_MIN_MS·r^i], bucket 0 everything ≤ GRID_MIN_MS. */
export const GRID_BUCKETS = Math.ceil(Math.log(GRID_MAX_MS / GRID_MIN_MS) / Math.log(GRID_RATIO)) + 1;

/** Upper bound of bucket i, ms. */
export function bucketUpperMs(index: number): number {
  return GRID_MIN_MS * GRID_RATIO ** index;
}

/** The bucket a latency falls in. */
export function bucketOf(ms: number): number {
  if (!(ms > GRID_MIN_MS)) return 0;
  let index = Math.ceil(Math.log(ms / GRID_MIN_MS) / Math.log(GRID_RATIO));
  // Floating point can land one off at an exact bound: the bound belongs to the lower bucket.
  if (index > 0 && ms <= bucketUpperMs(index - 1)) index -= 1;
  else if (ms > bucketUpperMs(index)) index += 1;
  return Math.min(index, GRID_BUCKETS - 1);
}

/** The value a bucket's samples are taken back as: the geometric middle of its bounds (GRID_MIN_MS for bucket 0). */
export function bucketValueMs(index: number): number {
  return index === 0 ? GRID_MIN_MS : bucketUpperMs(index) / Math.sqrt(GRID_RATIO);
}
