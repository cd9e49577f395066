import { z } from 'zod';
import { HistogramSummarySchema } from './histogramSummarySchema.ts';
import { K6ImportSchema } from './k6Model.ts';
import { QueryFindingSchema } from './queryFindingSchema.ts';
import { RealtimeResultSchema } from './realtimeModel.ts';
import { count, isoDateTime, ms, percent } from './schemaPrimitives.ts';
import { StorageResultSchema } from './storageModel.ts';

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

/**
 * A journey's wait profile: its active backends sampled every 100 ms (by application_name),
 * counted by wait event (`Lock:transactionid`, `IO:DataFileRead`; `CPU` when waiting on nothing).
 */
export const JourneyWaitsSchema = z.strictObject({
  /** Samples of the journey's active backends. */
  samples: count,
  /** Samples by wait event type and name. */
  events: z.record(z.string(), count),
  /** Lock-wait samples by who held the lock: a journey of the scenario, or another session's application_name. */
  blockedBy: z.record(z.string(), count),
});
export type JourneyWaits = z.infer<typeof JourneyWaitsSchema>;

/** A read journey's catalog query measured idle as `bench` measures it (hot parameters, the journey's role when the catalog has it). */
export const IdleRunSchema = z.strictObject({
  role: z.string(),
  paramClass: z.enum(['hot', 'typical', 'fixed']),
  iterations: count,
  p95Ms: ms,
  /** EXPLAIN ANALYZE execution time, ms. */
  executionMs: ms.optional(),
  findings: z.array(QueryFindingSchema),
  /** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). */
  plan: z.unknown().optional(),
});
export type IdleRun = z.infer<typeof IdleRunSchema>;

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
  /** The bench catalog query a read journey runs (its idle figures are the bench section's). */
  catalogQuery: z.string().optional(),
  /** Its wait profile under the load; absent when nothing was sampled. */
  waits: JourneyWaitsSchema.optional(),
  /** Its catalog query benchmarked on the idle server right after the scenario (journeys over budget only). */
  idle: IdleRunSchema.optional(),
});
export type JourneyResult = z.infer<typeof JourneyResultSchema>;

/**
 * Where a REST endpoint's time went, from the server's own `Server-Timing` (the local stack's
 * `db` and `total`; PostgREST's `transaction` when it sends timings): means over the answered
 * requests, and their shares of the latency the driver measured (the rest is network and client).
 */
export const ServerTimingShareSchema = z.strictObject({
  /** Requests that carried a Server-Timing header. */
  requests: count,
  /** Mean time in the database (the request's transaction), ms. */
  dbMeanMs: ms,
  /** Mean time in the REST layer around it (server total minus database), ms. */
  restMeanMs: ms,
  /** Database time as a share of the measured latency, percent. */
  dbSharePct: percent,
  /** REST-layer time as a share of the measured latency, percent. */
  restSharePct: percent,
});

/** One REST endpoint of a scenario run through the REST driver: method and table, view or rpc. */
export const EndpointResultSchema = z.strictObject({
  /** `GET orders`, `POST rpc/generate_payment_reference`. */
  endpoint: z.string().min(1),
  /** Launch-mix pattern ids sent to it. */
  patterns: z.array(z.string()),
  /** Requests sent, answered or not. */
  requests: count,
  /** Requests not answered 2xx (or not answered at all). */
  errors: count,
  /** Errors by class: http-4xx, http-5xx, rate-limited, network. */
  errorsByClass: ErrorsByClassSchema,
  /** Latency of the 2xx answers, from send to the whole body. */
  latency: HistogramSummarySchema,
  /** Database vs REST-layer time; absent when the server sent no Server-Timing. */
  serverTiming: ServerTimingShareSchema.optional(),
});
export type EndpointResult = z.infer<typeof EndpointResultSchema>;

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

/** An index the scenario maintained but never read: splinter's unused_index, measured under load. */
export const UnusedIndexSchema = z.strictObject({
  /** schema.index. */
  index: z.string(),
  /** schema.table. */
  table: z.string(),
  /** Times the index was written during the scenario: rows inserted plus non-HOT updates of its table. */
  maintained: count,
  /** Rows of its table inserted, updated and deleted during the scenario. */
  inserted: count,
  updated: count,
  deleted: count,
  /** The scenario's write statements on the table (pg_stat_statements delta), when pg_stat_statements could be read: what each write of the table cost, this index's upkeep included. */
  tableWrites: z.strictObject({ calls: count, totalMs: ms, meanMs: ms }).optional(),
  /** Indexes the table has: the write cost is shared by all of them. */
  tableIndexes: count,
});
export type UnusedIndex = z.infer<typeof UnusedIndexSchema>;

/** What one statement did during the scenario, from pg_stat_statements snapshots at its start and end. */
export const ScenarioStatementSchema = z.strictObject({
  queryId: z.string(),
  /** Role it ran as (service_role, authenticated, anon). */
  role: z.string(),
  /** False for a statement run inside a function. */
  toplevel: z.boolean(),
  /** Its text as pg_stat_statements keeps it, on one line, cut to 240 characters. */
  query: z.string(),
  /** The bench catalog query with the same text (pg driver reads); REST statements are generated SQL and match none. */
  catalogQuery: z.string().optional(),
  calls: count,
  rows: count,
  totalExecMs: ms,
  meanExecMs: ms,
  /** Slowest execution in the window; absent when the all-time max predates it (pg_stat_statements keeps no per-window max). */
  maxExecMs: ms.optional(),
  sharedBlksHit: count,
  sharedBlksRead: count,
  tempBlksWritten: count,
});
export type ScenarioStatement = z.infer<typeof ScenarioStatementSchema>;

/** A plan auto_explain logged during the scenario: a statement of a journey slower than the capture threshold. */
export const CapturedPlanSchema = z.strictObject({
  journey: z.string(),
  durationMs: ms,
  /** The statement's text (from the plan's Query Text), on one line, cut to 240 characters. */
  query: z.string(),
  /** The plan reader's findings (bench/readPlan.ts). */
  findings: z.array(QueryFindingSchema),
  /** auto_explain's JSON plan (EXPLAIN ANALYZE, BUFFERS). */
  plan: z.unknown(),
});
export type CapturedPlan = z.infer<typeof CapturedPlanSchema>;

/** Live plan capture with auto_explain over the scenario. */
export const PlanCaptureSchema = z.strictObject({
  /** captured: plans were read back; unavailable: the target or driver cannot (reason says why); off: turned off in the config. */
  status: z.enum(['captured', 'unavailable', 'off']),
  reason: z.string().optional(),
  /** auto_explain.log_min_duration, ms. */
  minDurationMs: ms,
  /** auto_explain.sample_rate (0–1): the share of statements instrumented. */
  sampleRate: z.number().min(0).max(1),
  /** Plans logged in the window per journey (all, before keeping the slowest). */
  logged: z.record(z.string(), count),
  /** The slowest plans of each journey, slowest first. */
  plans: z.array(CapturedPlanSchema),
});
export type PlanCapture = z.infer<typeof PlanCaptureSchema>;

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
  /** How the load reached the database: pg (the app's pool, SQL) or rest (HTTP to PostgREST's /rest/v1). */
  via: z.enum(['pg', 'rest']).optional(),
  /** True when the REST endpoint was the local Supabase-compatible stack, a test target: not Supabase's PostgREST. */
  localStack: z.boolean().optional(),
  /** Per-endpoint numbers of a REST run. */
  endpoints: z.array(EndpointResultSchema).optional(),
  /** The capacity ramp's finding (scenario capacity). */
  capacity: CapacitySchema.optional(),
  /** Why the run stopped before its schedule ended (a budget already lost, the target lost, Ctrl-C). */
  stoppedEarly: z.string().optional(),
  /** A realtime scenario's subscribers, deliveries, latency and RLS cost (realtime-fanout). */
  realtime: RealtimeResultSchema.optional(),
  /** Rows the scenario wrote: their run id (as `seed list` shows it), how many, and whether they were kept (--keep). */
  writes: z.strictObject({ runId: z.string(), rows: count, kept: z.boolean() }).optional(),
  /**
   * Indexes whose idx_scan did not move during the scenario while their table was written (primary
   * keys and unique indexes, which enforce constraints, are left out); absent when not measured.
   */
  unusedIndexes: z.array(UnusedIndexSchema).optional(),
  /** pg_stat_statements over the scenario window, costliest first; `reason` when it could not be read. */
  statements: z.strictObject({ top: z.array(ScenarioStatementSchema), reason: z.string().optional() }).optional(),
  /** Plans of slow statements captured live (auto_explain). */
  capture: PlanCaptureSchema.optional(),
  /** The Storage driver's numbers (scenario uploads): size classes, rejections, policy time, isolation. */
  storage: StorageResultSchema.optional(),
  /**
   * Personas signed in through /auth/v1 before the clock started (a supabase target without
   * SUPABASE_JWT_SECRET), at the configured pace: 429 answers are counted apart and retried, not errors.
   */
  signIns: z
    .strictObject({
      /** Personas signed in. */
      signIns: count,
      /** 429 over_request_rate_limit answers, each retried. */
      rateLimited: count,
      /** Time spent signing in, ms. */
      durationMs: ms,
      /** The pace asked for, sign-ins/s (supabase.signIn.perSecond). */
      perSecond: z.number().positive(),
    })
    .optional(),
  /** A scenario imported from k6 summaries (import-k6): its runners and how their figures were merged. */
  k6: K6ImportSchema.optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;
