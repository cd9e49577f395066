import { z } from 'zod';
import { count, ms } from './schemaPrimitives.ts';

const volume = z.number().positive();

/** The data the query benchmarks ran on, counted when they ran, so later runs can fit growth across volumes. */
export const DataVolumeSchema = z.strictObject({
  /** Rows in public.submissions: GOMFLOW's growth driver, and the forecast's volume measure. */
  submissions: count,
  /** Scale preset of the seeded data, when known. */
  scale: z.string().optional(),
});
export type DataVolume = z.infer<typeof DataVolumeSchema>;

/** A run whose query benchmarks the forecast used. */
export const ForecastRunSchema = z.strictObject({
  /** Run id (this run's own id is not known while it runs: "this run"). */
  runId: z.string(),
  /** Submissions at the time of its benchmarks. */
  volume,
  /** Where the volume came from: counted by the bench stage, or the seed section's public.submissions rows. */
  volumeSource: z.enum(['bench', 'seed']),
  /** Its scale preset, when known. */
  scale: z.string().optional(),
});

/** The power law fitted to one query's p95 across volumes (forecast/fitPowerLaw.ts). */
export const ForecastFitSchema = z.strictObject({
  /** 'exact' through two points (no uncertainty), 'least-squares' through three or more. */
  method: z.enum(['exact', 'least-squares']),
  /** a of p95 = a·N^b, ms. */
  coefficientMs: z.number().positive(),
  /** b: 1 is linear growth, above 1 super-linear, ≤ 0 flat or shrinking. */
  exponent: z.number(),
  /** Standard error of b; null for an exact fit. */
  exponentStdError: z.number().nonnegative().nullable(),
  /** Residual standard deviation in ln ms; null for an exact fit. */
  residualStdDev: z.number().nonnegative().nullable(),
  /** t quantile of the 95 % intervals (n − 2 degrees of freedom); null for an exact fit. */
  tQuantile: z.number().positive().nullable(),
  /** Mean ln N and Σ(ln N − mean)² of the points (they define the prediction band). */
  meanLnVolume: z.number(),
  sumSquaresLnVolume: z.number().positive(),
  /** Points fitted. */
  points: count,
});

/** Where the fitted p95 reaches the budget (forecast/crossingVolume.ts). */
export const ForecastCrossingSchema = z.strictObject({
  /** over-budget: already over today; crosses: within the horizon; beyond-range: not within it; does-not-cross: flat or shrinking. */
  status: z.enum(['over-budget', 'crosses', 'beyond-range', 'does-not-cross']),
  /** Submissions at which the fitted p95 equals the budget; null when not within the horizon. */
  volume: volume.nullable(),
  /** 95 % interval of that volume; low null: below the searched range, high null: beyond the horizon; both null for an exact fit. */
  low: volume.nullable(),
  high: volume.nullable(),
  /** volume, low and high as multiples of today's volume ("breaks at 3× today's submissions"). */
  multiplier: z.number().positive().nullable(),
  multiplierLow: z.number().positive().nullable(),
  multiplierHigh: z.number().positive().nullable(),
});

/** The forecast of one catalog query × role × parameter class. */
export const ForecastQuerySchema = z.strictObject({
  name: z.string().min(1),
  role: z.string(),
  paramClass: z.enum(['hot', 'typical', 'fixed']),
  /** p95 budget of the query, ms. */
  budgetMs: ms,
  /** Its p95 at each volume, smallest volume first. */
  points: z.array(z.strictObject({ runId: z.string(), volume, p95Ms: ms })),
  /** Null with fewer than two usable points. */
  fit: ForecastFitSchema.nullable(),
  /** Null without a fit. */
  crossing: ForecastCrossingSchema.nullable(),
  /** The fitted exponent is above 1: p95 grows faster than the data. */
  superLinear: z.boolean(),
  /** Why there is no forecast, or what limits it. */
  note: z.string().optional(),
});
export type ForecastQuery = z.infer<typeof ForecastQuerySchema>;

/** Headroom forecast: how each query's p95 grows with the data and where it would cross its budget. */
export const ForecastSectionSchema = z.strictObject({
  /** What N counts. */
  volumeMeasure: z.literal('submissions'),
  /** Today's volume: this run's (the newest run's) submissions. */
  todayVolume: volume,
  /** Volumes forecast up to (a multiple of today's); crossings beyond it are "beyond range". */
  horizonVolume: volume,
  /** The runs whose measurements were used, smallest volume first. */
  runs: z.array(ForecastRunSchema),
  /** Runs looked at and left out, and why. */
  skipped: z.array(z.strictObject({ runId: z.string(), reason: z.string() })),
  /** One entry per query of today's run, closest to breaking first. */
  queries: z.array(ForecastQuerySchema),
});
export type ForecastSection = z.infer<typeof ForecastSectionSchema>;
