import {
  DAY_MS,
  HOUR_MS,
  apportion,
  atLocalHourOfDay,
  cumulativeWeights,
  localMidnight,
  normalQuantile,
  pickCumulative,
  pickWeighted,
  weighted,
  zipfWeight,
} from '../distributions.ts';
import { rngFor } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { growthQuantile, worldWindow } from './time.ts';

/**
 * The few per-entity numbers that cannot be derived from an entity's own index: which GOM
 * opens each drop, when drops open and close, and how many submissions each drop gets (a
 * power law whose total must equal the scale's count exactly). Computed once per context in
 * O(orders + GOMs) — at most a few MB at xl — and cached; everything else is re-derived.
 */
export interface WorldPlan {
  readonly goms: number;
  readonly orders: number;
  readonly submissions: number;
  /** Cumulative GOM popularity (Zipf over the GOM index), for weighted GOM picks. */
  readonly gomCdf: Float64Array;
  /** Opening time of each GOM's first drop, or NaN when the GOM never opened one. */
  readonly gomFirstOrderMs: Float64Array;
  readonly orderGom: Int32Array;
  readonly orderCreatedMs: Float64Array;
  readonly orderDeadlineMs: Float64Array;
  readonly orderSubmissions: Int32Array;
  /** orderFirstSubmission[j] is the global sequence of order j's first submission; [orders] = total. */
  readonly orderFirstSubmission: Float64Array;
}

/** Zipf exponent of GOM popularity: the busiest GOM of 20k runs a few hundred drops a year. */
export const GOM_POPULARITY_S = 0.6;
/** Share of all submissions that goes to the hottest 1 % of drops (the issue requires ≥ 25 %). */
export const HOT_DROP_SHARE = 0.34;
/** Spread (log-normal sigma) of submissions among ordinary drops. */
const BODY_SIGMA = 1.0;

const DEADLINE_DAYS = weighted<number>([[3, 5], [5, 8], [7, 24], [10, 16], [14, 25], [21, 14], [30, 8]]);

const cache = new Map<string, WorldPlan>();

export function worldPlan(ctx: SeedContext): WorldPlan {
  const c = ctx.counts;
  const key = `${ctx.seed}|${ctx.referenceDate.getTime()}|${c.goms}|${c.orders}|${c.submissions}`;
  let plan = cache.get(key);
  if (!plan) {
    plan = buildPlan(ctx);
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
    cache.set(key, plan);
  }
  return plan;
}

function buildPlan(ctx: SeedContext): WorldPlan {
  const { goms, orders, submissions } = ctx.counts;
  if (orders > 0 && goms < 1) throw new Error(`invalid counts; reason: expected goms >= 1 when orders > 0, got goms=${goms}`);
  if (submissions > 0 && orders < 1) throw new Error(`invalid counts; reason: expected orders >= 1 when submissions > 0, got orders=${orders}`);
  const { startMs, endMs } = worldWindow(ctx);
  const latestOpen = endMs - 2 * HOUR_MS;

  const popularity = new Float64Array(goms);
  for (let i = 0; i < goms; i += 1) popularity[i] = zipfWeight(i, GOM_POPULARITY_S);
  const gomCdf = cumulativeWeights(popularity);

  const orderGom = new Int32Array(orders);
  const orderCreatedMs = new Float64Array(orders);
  const orderDeadlineMs = new Float64Array(orders);
  const gomFirstOrderMs = new Float64Array(goms).fill(Number.NaN);
  const hotness = new Float64Array(orders);
  for (let j = 0; j < orders; j += 1) {
    const rng = rngFor(ctx.seed, 'orderPlan', j);
    // Drops are indexed in opening order (stratified over the growth curve), so the tables are
    // loaded roughly in time order, as production's heap is: created_at correlates with position.
    const day = startMs + (latestOpen - startMs) * growthQuantile((j + rng.next()) / orders);
    let created = atLocalHourOfDay(rng, day);
    if (created > latestOpen || created < startMs) created = Math.floor(day);
    const days = pickWeighted(rng, DEADLINE_DAYS);
    // GOMs close at 11:59 PM local on the last day.
    const deadline = localMidnight(created + days * DAY_MS) + DAY_MS - 60_000;
    const gom = pickCumulative(rng, gomCdf);
    orderGom[j] = gom;
    orderCreatedMs[j] = created;
    orderDeadlineMs[j] = deadline;
    if (!(gomFirstOrderMs[gom]! <= created)) gomFirstOrderMs[gom] = created;
    const openDays = (Math.min(deadline, endMs) - created) / DAY_MS;
    // Hot drops come from popular GOMs and have been open long enough to fill.
    const u = Math.min(Math.max(rng.next(), 1e-12), 1 - 1e-12);
    const gumbel = -Math.log(-Math.log(u));
    hotness[j] = Math.log(popularity[gom]!) + gumbel - (openDays < 2 ? 6 : 0);
  }

  const orderSubmissions = submissionsPerOrder(ctx.seed, submissions, hotness);
  const orderFirstSubmission = new Float64Array(orders + 1);
  for (let j = 0; j < orders; j += 1) orderFirstSubmission[j + 1] = orderFirstSubmission[j]! + orderSubmissions[j]!;
  return { goms, orders, submissions, gomCdf, gomFirstOrderMs, orderGom, orderCreatedMs, orderDeadlineMs, orderSubmissions, orderFirstSubmission };
}

/**
 * Submissions per drop: the hottest 1 % (ceil) of drops by `hotness` share HOT_DROP_SHARE of
 * all submissions in a Zipf(1) split — at large scale the top drop gets ~50k — and the rest
 * share the remainder by log-normal quantiles with a little jitter. Quantiles instead of
 * independent draws make the shape hold at every scale, tiny included. Sums exactly.
 */
function submissionsPerOrder(seed: number, total: number, hotness: Float64Array): Int32Array {
  const n = hotness.length;
  if (n === 0) return new Int32Array(0);
  const byHotness = Array.from({ length: n }, (_, j) => j).sort((a, b) => hotness[b]! - hotness[a]! || a - b);
  const hot = Math.min(n, Math.ceil(n * 0.01));
  const hotTotal = n === hot ? total : Math.round(total * HOT_DROP_SHARE);
  const hotWeights = new Float64Array(hot);
  for (let r = 0; r < hot; r += 1) hotWeights[r] = zipfWeight(r, 1);
  const hotCounts = apportion(hotTotal, hotWeights);
  const body = n - hot;
  const bodyWeights = new Float64Array(body);
  for (let r = 0; r < body; r += 1) {
    const jitter = rngFor(seed, 'orderBody', byHotness[hot + r]!).next() - 0.5;
    bodyWeights[r] = Math.exp(BODY_SIGMA * normalQuantile(1 - (r + 0.5) / body) + 0.3 * jitter);
  }
  const bodyCounts = apportion(total - hotTotal, bodyWeights);
  const counts = new Int32Array(n);
  for (let r = 0; r < hot; r += 1) counts[byHotness[r]!] = hotCounts[r]!;
  for (let r = 0; r < body; r += 1) counts[byHotness[hot + r]!] = bodyCounts[r]!;
  return counts;
}

/** The order index whose submission range holds global submission `sequence` (binary search). */
export function orderOfSubmission(plan: WorldPlan, sequence: number): number {
  const prefix = plan.orderFirstSubmission;
  let lo = 0;
  let hi = plan.orders - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (prefix[mid]! <= sequence) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
