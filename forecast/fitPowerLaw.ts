import { tQuantile975 } from './studentT.ts';

/** One measurement: the query's p95 at a data volume. */
export interface VolumePoint {
  volume: number;
  p95Ms: number;
}

/**
 * p95 = a·N^b fitted by least squares on ln p95 = ln a + b·ln N. Latency that grows with data
 * is multiplicative (an index level, a sort's n·log n, a scan's n), so its errors are closer to
 * constant in log space than in ms, and the exponent reads directly: 1 is linear, above 1 super-linear.
 */
export interface PowerLawFit {
  /** 'exact' through two points (no uncertainty estimate), 'least-squares' through three or more. */
  method: 'exact' | 'least-squares';
  /** a, in ms (the p95 the fit gives at N = 1). */
  coefficientMs: number;
  /** b, the growth exponent. */
  exponent: number;
  /** Standard error of b; null for an exact fit. */
  exponentStdError: number | null;
  /** Residual standard deviation in ln ms (n − 2 degrees of freedom); null for an exact fit. */
  residualStdDev: number | null;
  /** t_{0.975, n−2} the 95 % intervals use; null for an exact fit. */
  tQuantile: number | null;
  /** The points' mean ln N and Σ(ln N − mean)², which the prediction band needs. */
  meanLnVolume: number;
  sumSquaresLnVolume: number;
  points: number;
}

/** The fit through the points, or null when they cannot give one (fewer than two distinct volumes, or a p95 of 0). */
export function fitPowerLaw(points: readonly VolumePoint[]): PowerLawFit | null {
  const usable = points.filter((p) => p.volume > 0 && p.p95Ms > 0);
  if (usable.length < 2 || usable.length < points.length) return null;
  const xs = usable.map((p) => Math.log(p.volume));
  const ys = usable.map((p) => Math.log(p.p95Ms));
  const n = xs.length;
  const meanX = mean(xs);
  const meanY = mean(ys);
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0);
  const exponent = sxy / sxx;
  const lnA = meanY - exponent * meanX;
  const base = { coefficientMs: Math.exp(lnA), exponent, meanLnVolume: meanX, sumSquaresLnVolume: sxx, points: n };
  if (n === 2) return { ...base, method: 'exact', exponentStdError: null, residualStdDev: null, tQuantile: null };
  const ssr = xs.reduce((sum, x, i) => sum + (ys[i]! - (lnA + exponent * x)) ** 2, 0);
  const residualStdDev = Math.sqrt(ssr / (n - 2));
  return { ...base, method: 'least-squares', exponentStdError: residualStdDev / Math.sqrt(sxx), residualStdDev, tQuantile: tQuantile975(n - 2) };
}

/** The fit's p95 at `volume`, in ms, with its 95 % prediction interval (a new measurement there) when the fit has one. */
export function predictP95(fit: PowerLawFit, volume: number): { p95Ms: number; lowMs: number | null; highMs: number | null } {
  const x = Math.log(volume);
  const y = Math.log(fit.coefficientMs) + fit.exponent * x;
  const half = predictionHalfWidth(fit, x);
  return { p95Ms: Math.exp(y), lowMs: half === null ? null : Math.exp(y - half), highMs: half === null ? null : Math.exp(y + half) };
}

/** Half-width of the 95 % prediction band at ln N = x, in ln ms; null for an exact fit. */
export function predictionHalfWidth(fit: PowerLawFit, x: number): number | null {
  if (fit.residualStdDev === null || fit.tQuantile === null) return null;
  return fit.tQuantile * fit.residualStdDev * Math.sqrt(1 + 1 / fit.points + (x - fit.meanLnVolume) ** 2 / fit.sumSquaresLnVolume);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
