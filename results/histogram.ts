import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import type { HistogramSummary } from './resultsModel.ts';

/** HDR histogram of latencies in integer microseconds (1 µs .. 60 s, 3 significant digits). */
export type LatencyHistogram = Histogram;

const LOWEST_US = 1;
const HIGHEST_US = 60_000_000;

/** An empty latency histogram (plain JS implementation, no WebAssembly init needed). */
export function createLatencyHistogram(): LatencyHistogram {
  return build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: LOWEST_US,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/**
 * Records one latency given in ms. Values are clamped into 1 µs .. 60 s: a sub-microsecond
 * sample is below the clock's resolution, and one above 60 s must not abort a load run
 * (it already fails every budget at 60 s).
 */
export function recordMs(h: LatencyHistogram, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`latency must be a finite number of ms >= 0, got ${ms}`);
  }
  h.recordValue(Math.min(HIGHEST_US, Math.max(LOWEST_US, Math.round(ms * 1000))));
}

/** Count, extremes, mean, standard deviation and percentiles in ms, plus the encoded histogram. */
export function summarize(h: LatencyHistogram): HistogramSummary {
  // Percentile 0 and 100 give min and max from the counts alone (HDR equivalent values),
  // so a summary is identical before and after encode/decode or merge.
  const at = (percentile: number) => h.getValueAtPercentile(percentile) / 1000;
  return {
    count: h.totalCount,
    minMs: at(0),
    maxMs: at(100),
    meanMs: h.mean / 1000,
    stdDevMs: h.stdDeviation / 1000,
    p50Ms: at(50),
    p90Ms: at(90),
    p95Ms: at(95),
    p99Ms: at(99),
    encoded: encodeHistogram(h),
  };
}

/** hdr-histogram-js compressed base64 form, as stored in results.json. */
export function encodeHistogram(h: LatencyHistogram): string {
  return encodeIntoCompressedBase64(h);
}

/** Inverse of encodeHistogram. */
export function decodeHistogram(encoded: string): LatencyHistogram {
  try {
    return decodeFromCompressedBase64(encoded, 32, false);
  } catch (error) {
    throw new Error(`invalid histogram; reason: expected hdr-histogram-js compressed base64, got ${encoded.length} characters that do not decode`, {
      cause: error,
    });
  }
}

/** A new histogram holding the samples of all given ones (e.g. of several workers or runs). */
export function mergeHistograms(list: readonly LatencyHistogram[]): LatencyHistogram {
  const merged = createLatencyHistogram();
  for (const h of list) merged.add(h);
  return merged;
}
