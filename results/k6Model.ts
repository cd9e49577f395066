import { z } from 'zod';
import { count } from './schemaPrimitives.ts';

/** Where a k6 scenario's figures came from: the runners' summaries and how they were merged. */
export const K6ImportSchema = z.strictObject({
  /** Summaries merged: one per runner of a distributed run. */
  runners: count,
  /** The summary files, as given to import-k6. */
  files: z.array(z.string()),
  /** handleSummary (the scripts' summary.json) or summary-export (`k6 run --summary-export`). */
  shapes: z.array(z.enum(['handleSummary', 'summary-export'])),
  /** exact: from the latency grid counts the scripts record; approximate: from k6's per-runner percentiles. */
  percentiles: z.enum(['exact', 'approximate']),
  /** How the percentiles were merged, and their resolution. */
  method: z.string(),
  /** k6 checks over all runners. */
  checks: z.strictObject({ passes: count, fails: count }),
  /** Thresholds k6 itself failed, per runner (`runner 2: gomflow_latency{endpoint:GET orders} p(95)<100`); each runner judged only its share. */
  thresholdsFailed: z.array(z.string()),
});
export type K6Import = z.infer<typeof K6ImportSchema>;
