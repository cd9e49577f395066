import { z } from 'zod';
import { HistogramSummarySchema } from './histogramSummarySchema.ts';
import { count, ms } from './schemaPrimitives.ts';

/** One interval of a realtime scenario: deliveries, their latency, who was connected, the RLS cost. */
export const RealtimePointSchema = z.strictObject({
  /** End of the interval, ms since the scenario started. */
  t: ms,
  /** Owed deliveries received in the interval (its messages/s when the interval is 1 s). */
  delivered: count,
  /** Delivery latency (send → commit → receipt) of the interval, ms. */
  p50Ms: ms,
  p95Ms: ms,
  p99Ms: ms,
  /** Subscribers joined and connected at t. */
  connected: count,
  /** Server's RLS checks per change processed in the interval (local stack only). */
  rlsChecksPerChange: z.number().nonnegative().optional(),
  /** Server's database time of those checks per change, ms (local stack only). */
  rlsMsPerChange: ms.optional(),
});
export type RealtimePoint = z.infer<typeof RealtimePointSchema>;

/**
 * A realtime scenario's own figures: subscribers driven over raw Phoenix sockets, changes made
 * by the same process, every owed delivery accounted for on the driver's one clock.
 */
export const RealtimeResultSchema = z.strictObject({
  /** Subscribers planned, by kind (gom-dashboard, watcher, excluded-user). */
  subscribers: z.record(z.string(), count),
  /** Joins acknowledged with the binding ids asked for. */
  joined: count,
  joinFailures: count,
  /** The first join failures' reasons. */
  joinFailureReasons: z.array(z.string()),
  /** Most subscribers connected at once. */
  peakConnected: count,
  /** From opening the socket to the join's ok. */
  timeToSubscribe: HistogramSummarySchema,
  /** Changes committed (rows inserted), and those whose statement failed. */
  changes: count,
  changesFailed: count,
  /** Deliveries owed: for each change, each subscriber RLS lets see it that had joined before it was sent. */
  expectedDeliveries: count,
  delivered: count,
  /** Owed and not received within the grace period: counted as errors in the error rate. */
  missing: count,
  duplicates: count,
  /** Deliveries to a subscriber RLS excludes: must be 0. */
  leaked: count,
  /** Delivery latency, send → commit → receipt, ms. */
  latency: HistogramSummarySchema,
  /** Owed deliveries per second over the run. */
  messagesPerSecond: z.number().nonnegative(),
  /** How long after the last change the driver waited for stragglers, ms. */
  graceMs: ms,
  /** The server's own counts (local stack only): changes read and skipped over its events-per-second limit, RLS checks and their database time. */
  server: z
    .strictObject({
      changesRead: count,
      changesSkipped: count,
      rlsChecks: count,
      rlsMs: ms,
      /** Database time of RLS checks per change processed, ms. */
      rlsMsPerChange: ms,
      /** And per check (per subscriber), ms. */
      rlsMsPerCheck: ms,
    })
    .optional(),
  /** The publication switch: which tables the run added to supabase_realtime and put back afterwards. */
  publication: z.strictObject({ name: z.string(), added: z.array(z.string()), restored: z.boolean() }),
  timeline: z.array(RealtimePointSchema),
});
export type RealtimeResult = z.infer<typeof RealtimeResultSchema>;
