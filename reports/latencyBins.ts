import type { JsHistogram } from 'hdr-histogram-js';
import { decodeHistogram } from '../results/histogram.ts';

/** A log-scaled latency axis shared by every distribution of a report, so they compare at a glance. */
export interface LatencyAxis {
  /** Left edge, ms (a power of ten). */
  lowMs: number;
  /** Right edge, ms (a power of ten). */
  highMs: number;
  /** Bins per factor of ten. */
  binsPerDecade: number;
  /** Number of bins. */
  bins: number;
}

const FLOOR_MS = 0.001;

/** An axis from the lowest minimum to the highest maximum or budget line it must show. */
export function latencyAxis(lowestMs: readonly number[], highestMs: readonly number[]): LatencyAxis {
  const low = Math.max(FLOOR_MS, Math.min(...lowestMs.filter((ms) => ms > 0), Number.POSITIVE_INFINITY));
  const high = Math.max(...highestMs, 1);
  const lowExp = Number.isFinite(low) ? Math.floor(Math.log10(low)) : -1;
  const highExp = Math.max(lowExp + 1, Math.ceil(Math.log10(high)));
  const decades = highExp - lowExp;
  // About 30 bins whatever the span: finer when the span is short.
  const binsPerDecade = decades <= 2 ? 12 : decades <= 4 ? 8 : decades <= 6 ? 5 : 4;
  return { lowMs: 10 ** lowExp, highMs: 10 ** highExp, binsPerDecade, bins: decades * binsPerDecade };
}

/** Where a latency falls on the axis, 0 (left) to 1 (right), clamped. */
export function axisPosition(axis: LatencyAxis, ms: number): number {
  if (ms <= axis.lowMs) return 0;
  return Math.min(1, Math.log10(ms / axis.lowMs) / Math.log10(axis.highMs / axis.lowMs));
}

/** Left edge of bin i, ms. */
export function binStartMs(axis: LatencyAxis, i: number): number {
  return axis.lowMs * 10 ** (i / axis.binsPerDecade);
}

/**
 * Sample counts per axis bin, from an encoded HDR histogram (never from raw samples). Null
 * when the histogram does not decode, so one bad entry does not stop a report.
 */
export function latencyBins(encoded: string, axis: LatencyAxis): number[] | null {
  let histogram: JsHistogram;
  try {
    histogram = decodeHistogram(encoded) as unknown as JsHistogram;
  } catch {
    return null;
  }
  const counts = new Array<number>(axis.bins).fill(0);
  const iterator = histogram.recordedValuesIterator;
  iterator.reset();
  while (iterator.hasNext()) {
    const step = iterator.next();
    const ms = step.valueIteratedTo / 1000;
    const index = ms <= axis.lowMs ? 0 : Math.floor(Math.log10(ms / axis.lowMs) * axis.binsPerDecade);
    counts[Math.min(axis.bins - 1, Math.max(0, index))]! += step.countAtValueIteratedTo;
  }
  return counts;
}
