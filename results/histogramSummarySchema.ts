import { z } from 'zod';
import { count, ms } from './schemaPrimitives.ts';

/** Latency distribution of one query or scenario; every value in milliseconds. */
export const HistogramSummarySchema = z.strictObject({
  /** Recorded samples. */
  count,
  /** Lowest sample, ms (HDR lowest equivalent value). */
  minMs: ms,
  /** Highest sample, ms (HDR highest equivalent value). */
  maxMs: ms,
  /** Mean, ms. */
  meanMs: ms,
  /** Standard deviation, ms. */
  stdDevMs: ms,
  /** Median, ms. */
  p50Ms: ms,
  /** 90th percentile, ms. */
  p90Ms: ms,
  /** 95th percentile, ms. */
  p95Ms: ms,
  /** 99th percentile, ms. */
  p99Ms: ms,
  /** HDR histogram (µs values) as hdr-histogram-js compressed base64, so runs and workers can be merged. */
  encoded: z.base64(),
}).meta({ id: 'HistogramSummary' });
export type HistogramSummary = z.infer<typeof HistogramSummarySchema>;
