import type { Random } from './random.ts';

/**
 * The shapes GOMFLOW's data has, as pure functions of a Random: power laws for who is popular
 * and which drop is hot, log-normal money and delays, and the PH/MY day (both UTC+8) with its
 * evening peak. No clock, no I/O: every time is an argument in epoch milliseconds.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Philippines and Malaysia are both UTC+8 all year (no daylight saving). */
export const LOCAL_OFFSET_MS = 8 * HOUR_MS;

/**
 * Relative activity by local hour (UTC+8), 0–23. Shaped on PH/MY e-commerce traffic: a lunch
 * bump, then the evening after work and school (18:00–23:00) carries the day; 02:00–06:00 is
 * nearly dead. Max is 1.
 */
export const HOUR_WEIGHTS: readonly number[] = [
  0.55, 0.34, 0.18, 0.1, 0.08, 0.1, 0.17, 0.3, 0.45, 0.55, 0.6, 0.64,
  0.76, 0.68, 0.6, 0.6, 0.64, 0.74, 0.88, 0.96, 1.0, 1.0, 0.93, 0.76,
];

/** Relative activity by local weekday, Sunday = 0 (weekends and Friday night are busier). Max is 1. */
export const WEEKDAY_WEIGHTS: readonly number[] = [1.0, 0.84, 0.84, 0.87, 0.88, 0.95, 1.0];

const HOUR_CDF = cumulativeWeights(HOUR_WEIGHTS);


/** Local (UTC+8) hour of day, 0–23, of an epoch-ms instant. */
export function localHour(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / HOUR_MS) % 24;
}

/** Local (UTC+8) weekday, Sunday = 0. 1970-01-01 was a Thursday. */
export function localWeekday(ms: number): number {
  return (Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS) + 4) % 7;
}

/** Epoch ms of the local (UTC+8) midnight at or before `ms`. */
export function localMidnight(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS) * DAY_MS - LOCAL_OFFSET_MS;
}

/** Activity weight (0–1] of an instant: hour of day × day of week. */
export function activityWeight(ms: number): number {
  return HOUR_WEIGHTS[localHour(ms)]! * WEEKDAY_WEIGHTS[localWeekday(ms)]!;
}

/** A local hour drawn from the daily cycle (evenings most likely). */
export function sampleLocalHour(rng: Random): number {
  const u = rng.next();
  for (let h = 0; h < 24; h += 1) if (u < HOUR_CDF[h]!) return h;
  return 23;
}

/**
 * Moves an instant to a busier time of the same local day: keeps the day, redraws the hour
 * from the daily cycle and the minute uniformly. Used for events people start (a GOM opening
 * a drop, a buyer signing up), whose day is set by growth but whose hour follows habit.
 */
export function atLocalHourOfDay(rng: Random, ms: number): number {
  return localMidnight(ms) + sampleLocalHour(rng) * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
}

/**
 * When a buyer submits to a drop open from `openMs` to `closeMs` (the deadline, or "now" for a
 * drop still open): a burst in the first hours after the announcement, a rush before the
 * deadline (only when the deadline is inside the window) and a steady trickle in between,
 * thinned by the daily cycle. Result is in [openMs + 30 s, closeMs − 1 s].
 */
export function submissionInstant(rng: Random, openMs: number, closeMs: number, deadlineInWindow: boolean): number {
  const lo = openMs + 30_000;
  const hi = Math.max(lo, closeMs - 1_000);
  const span = hi - lo;
  const openMean = Math.min(4 * HOUR_MS, span / 4);
  const closeMean = Math.min(10 * HOUR_MS, span / 4);
  // Each draw is kept with probability activityWeight, else redrawn (up to 6 times; the last
  // draw stands): thins the quiet hours without moving bursts off their day. Written as a
  // loop, not a callback: this runs once per submission and a closure per call shows there.
  let t = 0;
  for (let i = 0; i < 6; i += 1) {
    const u = rng.next();
    if (u < 0.38) t = lo + exponential(rng, openMean);
    else if (u < 0.55 && deadlineInWindow) t = hi - exponential(rng, closeMean);
    else t = lo + rng.next() * span;
    t = t < lo ? lo : t > hi ? hi : Math.floor(t);
    if (rng.next() < activityWeight(t)) break;
  }
  return t;
}

/** Exponential with the given mean. */
export function exponential(rng: Random, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

/** Standard normal (Box–Muller, one value per call). */
export function normal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median and shape sigma (money amounts, delays). */
export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Pareto (power law) with minimum xm and tail index alpha: P(X > x) = (xm / x)^alpha. */
export function pareto(rng: Random, xm: number, alpha: number): number {
  return xm / Math.pow(1 - rng.next(), 1 / alpha);
}

/** Zipf weight of a 0-based rank: (rank + 1)^-s. */
export function zipfWeight(rank: number, s: number): number {
  return Math.pow(rank + 1, -s);
}

/** Cumulative sums of weights, normalised to end at 1, for `pickCumulative`. */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    sum += weights[i]!;
    cdf[i] = sum;
  }
  for (let i = 0; i < cdf.length; i += 1) cdf[i] = cdf[i]! / sum;
  return cdf;
}

/** Index drawn from a cumulative table (binary search; O(log n)). */
export function pickCumulative(rng: Random, cdf: Float64Array): number {
  const u = rng.next();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A weighted choice among a few items (weights need not sum to 1). */
export interface Weighted<T> {
  readonly items: readonly T[];
  readonly cdf: Float64Array;
}

export function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  return { items: pairs.map(([item]) => item), cdf: cumulativeWeights(pairs.map(([, w]) => w)) };
}

export function pickWeighted<T>(rng: Random, table: Weighted<T>): T {
  const u = rng.next();
  const { cdf, items } = table;
  for (let i = 0; i < cdf.length; i += 1) if (u < cdf[i]!) return items[i]!;
  return items[items.length - 1]!;
}

/**
 * Splits `total` into integers proportional to `weights` that sum to `total` exactly
 * (largest remainder; ties go to the lower index, so the split is deterministic).
 */
export function apportion(total: number, weights: ArrayLike<number>): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += weights[i]!;
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i += 1) {
    const exact = sum > 0 ? (total * weights[i]!) / sum : total / n;
    const whole = Math.floor(exact);
    out[i] = whole;
    remainders[i] = exact - whole;
    given += whole;
  }
  let left = total - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    for (let i = 0; left > 0; i = (i + 1) % n, left -= 1) out[order[i]!]! += 1;
  }
  return out;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
