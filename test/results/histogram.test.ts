import { describe, expect, it } from 'vitest';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  mergeHistograms,
  recordMs,
  summarize,
} from '../../results/histogram.ts';

// 3 significant digits: a reported value is within one part in 1000 of the exact one.
const PRECISION = 1 / 1000;

/** Nearest-rank percentile (the HDR definition) over sorted samples. */
function exactPercentile(sorted: readonly number[], percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** HDR reports the highest value equivalent to the exact one: never below it, at most 0.1 % above. */
function expectHighEquivalent(reported: number, exact: number): void {
  expect(reported).toBeGreaterThanOrEqual(exact);
  expect(reported - exact).toBeLessThanOrEqual(exact * PRECISION);
}

/** Deterministic skewed latencies in whole microseconds (ms with 3 decimals), 0.05 ms .. ~2 s. */
function skewedSamplesMs(n: number): number[] {
  let state = 0x9e3779b9;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const u = state / 2 ** 32;
    out.push(Math.round(50 * Math.exp(u * u * 10.6)) / 1000);
  }
  return out;
}

function record(samples: readonly number[]) {
  const h = createLatencyHistogram();
  for (const ms of samples) recordMs(h, ms);
  return h;
}

describe('histogram', () => {
  it.each([
    ['1..1000 ms', Array.from({ length: 1000 }, (_, i) => i + 1)],
    ['skewed sub-ms to seconds', skewedSamplesMs(20_000)],
  ])('reports percentiles of %s within 3 significant digits of the exact values', (_, samples) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const summary = summarize(record(samples));

    expect(summary.count).toBe(samples.length);
    expectHighEquivalent(summary.p50Ms, exactPercentile(sorted, 50));
    expectHighEquivalent(summary.p90Ms, exactPercentile(sorted, 90));
    expectHighEquivalent(summary.p95Ms, exactPercentile(sorted, 95));
    expectHighEquivalent(summary.p99Ms, exactPercentile(sorted, 99));
    expectHighEquivalent(summary.maxMs, sorted.at(-1)!);

    const min = sorted[0]!;
    expect(summary.minMs).toBeLessThanOrEqual(min);
    expect(min - summary.minMs).toBeLessThanOrEqual(min * PRECISION);

    const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
    const stdDev = Math.sqrt(sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / sorted.length);
    expect(Math.abs(summary.meanMs - mean)).toBeLessThanOrEqual(mean * PRECISION);
    // Every sample moves by at most 0.1 % of itself, so the deviation moves by at most 0.1 % of the max.
    expect(Math.abs(summary.stdDevMs - stdDev)).toBeLessThanOrEqual(sorted.at(-1)! * PRECISION);
  });

  it('gives the known nearest-rank values for 1..1000 ms', () => {
    const summary = summarize(record(Array.from({ length: 1000 }, (_, i) => i + 1)));
    expect(Math.floor(summary.p50Ms)).toBe(500);
    expect(Math.floor(summary.p95Ms)).toBe(950);
    expect(Math.floor(summary.p99Ms)).toBe(990);
    expect(Math.floor(summary.maxMs)).toBe(1000);
  });

  it('summarizes an empty histogram as zeros', () => {
    const { encoded, ...numbers } = summarize(createLatencyHistogram());
    expect(Object.values(numbers).every((v) => v === 0)).toBe(true);
    expect(encoded).not.toBe('');
  });

  it('keeps count and percentiles through encode and decode', () => {
    const h = record(skewedSamplesMs(5_000));
    const decoded = decodeHistogram(encodeHistogram(h));
    expect(decoded.totalCount).toBe(5_000);
    expect(summarize(decoded)).toEqual(summarize(h));
  });

  it('merges histograms into the same result as recording every sample into one', () => {
    const samples = skewedSamplesMs(10_000);
    const workerA = record(samples.filter((_, i) => i % 3 === 0));
    const workerB = record(samples.filter((_, i) => i % 3 !== 0));
    const all = summarize(record(samples));

    expect(summarize(mergeHistograms([workerA, workerB]))).toEqual(all);
    const fromEncoded = [workerA, workerB].map((h) => decodeHistogram(encodeHistogram(h)));
    expect(summarize(mergeHistograms(fromEncoded))).toEqual(all);
    expect(summarize(mergeHistograms([])).count).toBe(0);
  });

  it('clamps samples into 1 µs .. 60 s instead of failing the run', () => {
    const h = record([0, 120_000]);
    const summary = summarize(h);
    expect(summary.minMs).toBe(0.001);
    expectHighEquivalent(summary.maxMs, 60_000);
  });

  it('rejects negative and non-finite latencies', () => {
    const h = createLatencyHistogram();
    expect(() => recordMs(h, -1)).toThrow(RangeError);
    expect(() => recordMs(h, Number.NaN)).toThrow('latency must be a finite number of ms >= 0, got NaN');
  });

  it('names a bad encoding', () => {
    expect(() => decodeHistogram('not a histogram')).toThrow(/^invalid histogram; reason:/);
  });
});
