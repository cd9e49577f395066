import { describe, expect, it } from 'vitest';
import {
  HOUR_WEIGHTS,
  apportion,
  localHour,
  localMidnight,
  localWeekday,
  logNormal,
  normalQuantile,
  pareto,
  pickCumulative,
  cumulativeWeights,
  submissionInstant,
} from '../../generators/distributions.ts';
import { rngFor } from '../../generators/random.ts';

describe('distributions', () => {
  it('apportions a total exactly, in proportion, deterministically', () => {
    const counts = apportion(1000, [5, 3, 1, 1, 0.5]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Array.from(counts)).toEqual(Array.from(apportion(1000, [5, 3, 1, 1, 0.5])));
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(apportion(7, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(7);
    expect(Array.from(apportion(0, [1, 2]))).toEqual([0, 0]);
  });

  it('reads PH/MY local time as UTC+8', () => {
    const t = Date.UTC(2026, 0, 15, 12, 30); // 20:30 in Manila, a Thursday
    expect(localHour(t)).toBe(20);
    expect(localWeekday(t)).toBe(4);
    expect(new Date(localMidnight(t)).toISOString()).toBe('2026-01-14T16:00:00.000Z');
  });

  it('peaks in the evening and bottoms out before dawn', () => {
    const evening = HOUR_WEIGHTS.slice(18, 23).reduce((a, b) => a + b, 0) / 5;
    const night = HOUR_WEIGHTS.slice(2, 6).reduce((a, b) => a + b, 0) / 4;
    expect(evening).toBeGreaterThan(night * 5);
  });

  it('puts submissions inside the open window, bursting after opening and before the deadline', () => {
    const open = Date.UTC(2026, 0, 1, 12);
    const close = open + 14 * 86_400_000;
    const times = Array.from({ length: 5000 }, (_, i) => submissionInstant(rngFor(1, 'x', i), open, close, true));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(open + 30_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(close - 1_000);
    const firstDay = times.filter((t) => t < open + 86_400_000).length;
    const lastDay = times.filter((t) => t > close - 86_400_000).length;
    const middleDay = times.filter((t) => t > open + 7 * 86_400_000 && t < open + 8 * 86_400_000).length;
    expect(firstDay).toBeGreaterThan(middleDay * 4);
    expect(lastDay).toBeGreaterThan(middleDay * 2);
  });

  it('draws heavy tails and log-normal amounts around their median', () => {
    const rng = rngFor(3, 'tails');
    const draws = Array.from({ length: 20_000 }, () => pareto(rng, 1, 1.2)).sort((a, b) => b - a);
    const top = draws.slice(0, 200).reduce((a, b) => a + b, 0) / draws.reduce((a, b) => a + b, 0);
    expect(top).toBeGreaterThan(0.2);
    const amounts = Array.from({ length: 20_001 }, () => logNormal(rng, 1000, 0.8)).sort((a, b) => a - b);
    expect(amounts[10_000]!).toBeGreaterThan(900);
    expect(amounts[10_000]!).toBeLessThan(1100);
  });

  it('inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });

  it('picks from a cumulative table in proportion to the weights', () => {
    const cdf = cumulativeWeights([1, 0, 3]);
    const rng = rngFor(5, 'pick');
    const hits = [0, 0, 0];
    for (let i = 0; i < 8000; i += 1) hits[pickCumulative(rng, cdf)]! += 1;
    expect(hits[1]).toBe(0);
    expect(hits[2]! / hits[0]!).toBeGreaterThan(2.5);
    expect(hits[2]! / hits[0]!).toBeLessThan(3.5);
  });
});
