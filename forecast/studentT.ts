/**
 * Two-sided 95 % quantiles of Student's t (t_{0.975, df}) for df 1–30, from the standard
 * table; beyond 30 the next rows (40, 60, 120) are interpolated and ∞ is the normal 1.96.
 * Forecasts fit a handful of scales, so small df is the case that matters.
 */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const TAIL: readonly [number, number][] = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/** t_{0.975} for `df` degrees of freedom (≥ 1). */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number ≥ 1, got ${df}`);
  if (df <= T975.length) return T975[df - 1]!;
  for (let i = 1; i < TAIL.length; i++) {
    const [d0, t0] = TAIL[i - 1]!;
    const [d1, t1] = TAIL[i]!;
    // The table is linear in 1/df, not in df.
    if (df <= d1) return t0 + ((t1 - t0) * (1 / df - 1 / d0)) / (1 / d1 - 1 / d0);
  }
  return 1.96 + ((1.98 - 1.96) * 120) / df;
}
