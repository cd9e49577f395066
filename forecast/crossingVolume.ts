import { predictionHalfWidth, type PowerLawFit } from './fitPowerLaw.ts';

/** Where a query's fitted p95 reaches its budget. */
export interface Crossing {
  /**
   * 'over-budget': already at or over the budget at today's volume (measured); 'crosses': the fit
   * reaches the budget at or before the horizon; 'beyond-range': it grows, but not to the budget
   * before the horizon; 'does-not-cross': flat or shrinking with the data (exponent ≤ 0).
   */
  status: 'over-budget' | 'crosses' | 'beyond-range' | 'does-not-cross';
  /** Volume at which the fitted p95 equals the budget; null when it does not cross within the horizon. */
  volume: number | null;
  /**
   * 95 % interval of that volume, from the fit's prediction band: `low` where the band's upper edge
   * reaches the budget (null: already below the searched range), `high` where its lower edge does
   * (null: not within the horizon). Both null for an exact two-point fit.
   */
  low: number | null;
  high: number | null;
}

export interface CrossingInput {
  fit: PowerLawFit;
  budgetMs: number;
  /** Today's volume and the p95 measured there. */
  todayVolume: number;
  todayP95Ms: number;
  /** Largest volume forecast to; beyond it a fit is extrapolation nobody should act on. */
  horizonVolume: number;
  /** Smallest volume the interval search starts from. */
  floorVolume: number;
}

// Grid steps over ln N before bisection: fine enough that two band crossings never hide in one step.
const GRID_STEPS = 2_000;

/** The crossing volume and its interval (see Crossing). */
export function crossingVolume({ fit, budgetMs, todayVolume, todayP95Ms, horizonVolume, floorVolume }: CrossingInput): Crossing {
  const limit = Math.log(budgetMs);
  const lnA = Math.log(fit.coefficientMs);
  const point = fit.exponent > 0 ? Math.exp((limit - lnA) / fit.exponent) : null;
  const status: Crossing['status'] = todayP95Ms >= budgetMs ? 'over-budget' : point === null ? 'does-not-cross' : point <= horizonVolume ? 'crosses' : 'beyond-range';
  const volume = point !== null && point <= horizonVolume ? point : null;
  if (fit.method === 'exact') return { status, volume, low: null, high: null };
  const from = Math.log(floorVolume);
  const to = Math.log(horizonVolume);
  const line = (x: number) => lnA + fit.exponent * x;
  const half = (x: number) => predictionHalfWidth(fit, x) ?? 0;
  const low = firstReach((x) => line(x) + half(x) - limit, from, to);
  const high = firstReach((x) => line(x) - half(x) - limit, from, to);
  return {
    status,
    volume,
    low: low === 'at-start' ? null : low === null ? null : Math.exp(low),
    high: high === 'at-start' ? Math.exp(from) : high === null ? null : Math.exp(high),
  };
}

/** The smallest x in [from, to] where f(x) ≥ 0: 'at-start' when f(from) ≥ 0, null when nowhere. */
function firstReach(f: (x: number) => number, from: number, to: number): number | 'at-start' | null {
  if (f(from) >= 0) return 'at-start';
  const step = (to - from) / GRID_STEPS;
  for (let i = 1; i <= GRID_STEPS; i++) {
    const x = from + i * step;
    if (f(x) < 0) continue;
    let lo = x - step;
    let hi = x;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (f(mid) >= 0) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return null;
}
