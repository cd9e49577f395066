import { z } from 'zod';
import { HistogramSummarySchema } from './histogramSummarySchema.ts';
import { count, isoDateTime, ms, percent } from './schemaPrimitives.ts';

/** Failed requests per error class (scenarios/engine/classifyError.ts), e.g. { "too-many-clients": 12 }. */
const ErrorsByClassSchema = z.record(z.string(), count);

/** What the server said during one interval (pg_stat_activity, pg_stat_database, lock waits). */
export const ServerSampleSchema = z.strictObject({
  /** Client backends of the target database by state (active, idle, idle in transaction, …). */
  byState: z.record(z.string(), count),
  /** Backends waiting, by wait event type (Lock, LWLock, IO, Client …); only waits of active backends. */
  waitingBy: z.record(z.string(), count),
  /** Backends waiting for a heavyweight lock held by another (pg_locks not granted). */
  lockWaits: count,
  /** pg_stat_database deltas over the interval. */
  commits: count,
  rollbacks: count,
  deadlocks: count,
  tempBytes: count,
});
export type ServerSample = z.infer<typeof ServerSampleSchema>;

/** One interval of a scenario. */
export const TimelinePointSchema = z.strictObject({
  /** End of the interval, ms since the scenario started. */
  t: ms,
  /** Requests completed in the interval. */
  requests: count,
  /** Requests failed in the interval. */
  errors: count,
  /** p95 latency of the interval, ms. */
  p95Ms: ms,
  /** Server connections open at t. */
  connections: count.optional(),
  /** p50 latency of the interval, ms. */
  p50Ms: ms.optional(),
  /** p99 latency of the interval, ms. */
  p99Ms: ms.optional(),
  /** Failed requests of the interval by class. */
  errorsByClass: ErrorsByClassSchema.optional(),
  /** Iterations the open model could not start in the interval (every VU busy). */
  dropped: count.optional(),
  /** Iterations due to start in the interval (the offered load). */
  offered: count.optional(),
  /** Iterations in flight at t. */
  inFlight: count.optional(),
  /** Mean wait of the interval's connection checkouts (time from asking the pool for a connection to having one, or its refusal), ms. */
  poolWaitMs: ms.optional(),
  /** Longest such wait, ms. */
  poolWaitMaxMs: ms.optional(),
  /** Server-side sample taken during the interval. */
  server: ServerSampleSchema.optional(),
});
export type TimelinePoint = z.infer<typeof TimelinePointSchema>;

/** One journey of a scenario (a weighted user action, e.g. "order view" or "submit"). */
export const JourneyResultSchema = z.strictObject({
  name: z.string().min(1),
  /** Launch-mix pattern ids it stands for (gomflow-launch-mix.csv). */
  patterns: z.array(z.string()),
  requests: count,
  errors: count,
  latency: HistogramSummarySchema,
  /** p95 budget of the journey, ms. */
  budgetP95Ms: ms,
  status: z.enum(['pass', 'fail', 'skip']),
});
export type JourneyResult = z.infer<typeof JourneyResultSchema>;

/** One step of a capacity ramp: the launch-drop rate held at a multiple of the expected peak. */
export const CapacityStepSchema = z.strictObject({
  multiple: z.number().positive(),
  rateRps: z.number().nonnegative(),
  requests: count,
  errorRatePct: percent,
  p95Ms: ms,
  peakConnections: count.optional(),
  dropped: count,
  status: z.enum(['pass', 'fail']),
  /** The first budget the step broke, and how. */
  broke: z.string().optional(),
});

/** How far past the expected launch peak the database held. */
export const CapacitySchema = z.strictObject({
  /** The launch-drop peak rate the multiples refer to, req/s (§6.2: about 34). */
  expectedPeakRps: z.number().positive(),
  /** Highest multiple every budget held at; null when even the first step broke. */
  heldMultiple: z.number().positive().nullable(),
  /** First multiple that broke a budget; null when the ramp ended (time or last step) without breaking. */
  brokeAtMultiple: z.number().positive().nullable(),
  /** The budget that broke first, and why. */
  broke: z.string().optional(),
  steps: z.array(CapacityStepSchema),
});
export type Capacity = z.infer<typeof CapacitySchema>;

/** Outcome of one load scenario. */
export const ScenarioResultSchema = z.strictObject({
  /** Scenario name. */
  name: z.string().min(1),
  /** Engine that drove it. */
  engine: z.enum(['node', 'k6']),
  /** When it started, ISO 8601. */
  startedAt: isoDateTime,
  /** Duration, ms. */
  durationMs: ms,
  /** Requests completed. */
  requests: count,
  /** Requests failed. */
  errors: count,
  /** errors / requests, percent. */
  errorRatePct: percent,
  /** Request latency. */
  latency: HistogramSummarySchema,
  /** Per-interval numbers, in time order. */
  timeline: z.array(TimelinePointSchema),
  /** Highest server connection count seen. */
  peakConnections: count.optional(),
  /** Outcome against its budgets; "skip" when it could not run. */
  status: z.enum(['pass', 'fail', 'skip']),
  /** Why it failed or was skipped. */
  detail: z.string().optional(),
  /** Load model: open (arrival rate, peak iterations/s) or closed (virtual users). */
  model: z.strictObject({ kind: z.enum(['open', 'closed']), peakRateRps: z.number().nonnegative().optional(), vus: count.optional() }).optional(),
  /** Failed requests by class. */
  errorsByClass: ErrorsByClassSchema.optional(),
  /** Iterations the open model could not start in time (k6's dropped_iterations). */
  droppedIterations: count.optional(),
  /** Longest wait for a connection checkout, ms (poolWait.maxMs; runs from before poolWait have only this). */
  poolWaitMaxMs: ms.optional(),
  /** Every connection checkout's wait (p50, p95, max …), ms; absent when the scenario made no checkout. */
  poolWait: HistogramSummarySchema.optional(),
  /** Per-journey numbers. */
  journeys: z.array(JourneyResultSchema).optional(),
  /** The capacity ramp's finding (scenario capacity). */
  capacity: CapacitySchema.optional(),
  /** Why the run stopped before its schedule ended (a budget already lost, the target lost, Ctrl-C). */
  stoppedEarly: z.string().optional(),
  /** Rows the scenario wrote: their run id (as `seed list` shows it), how many, and whether they were kept (--keep). */
  writes: z.strictObject({ runId: z.string(), rows: count, kept: z.boolean() }).optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;
