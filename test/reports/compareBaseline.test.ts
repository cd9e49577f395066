import { describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/buildReport.ts';
import { compareLatency, compareToBaseline } from '../../reports/compareBaseline.ts';
import { baselineResults, regressedResults } from '../fixtures/results/resultsFixtures.ts';

describe('compareLatency', () => {
  it.each([
    ['+25 % / +10 ms', 40, 50, true],
    ['+25 % / +2 ms', 8, 10, false],
    ['+10 % / +20 ms', 200, 220, false],
    ['exactly +20 % / +20 ms (not beyond the percentage)', 100, 120, false],
    ['+50 % / exactly +5 ms (at least the ms)', 10, 15, true],
    ['from 0 ms: +6 ms', 0, 6, true],
  ])('%s: regression %s', (_, before, after, regression) => {
    expect(compareLatency(before, after).regression).toBe(regression);
  });

  it('reports the change, and a mirror-image improvement', () => {
    expect(compareLatency(40, 50)).toEqual({ beforeMs: 40, afterMs: 50, deltaMs: 10, deltaPct: 25, regression: true, improvement: false });
    expect(compareLatency(50, 40)).toMatchObject({ regression: false, improvement: false });
    expect(compareLatency(50, 30)).toMatchObject({ deltaMs: -20, deltaPct: -40, regression: false, improvement: true });
  });

  it('takes the tolerance given', () => {
    expect(compareLatency(40, 50, { pct: 30, ms: 5 }).regression).toBe(false);
    expect(compareLatency(8, 10, { pct: 20, ms: 1 }).regression).toBe(true);
  });
});

describe('compareToBaseline', () => {
  it('flags q_regressed (+25 %, +10 ms) but not q_small_jitter (+25 %, +2 ms) nor q_slow_stable (+10 %, +20 ms)', () => {
    const comparison = compareToBaseline(regressedResults(), baselineResults());
    expect(comparison.baselineRunId).toBe('20261124-120000-base01');
    expect(comparison.regressions.map((entry) => entry.key)).toEqual(['q_regressed:authenticated:typical']);
    const p95 = Object.fromEntries(comparison.entries.filter((entry) => entry.p95).map((entry) => [entry.key.split(':')[0], entry.p95!]));
    expect(p95.q_regressed!.deltaPct).toBeCloseTo(25, 0);
    expect(p95.q_regressed!.deltaMs).toBeCloseTo(10, 0);
    expect(p95.q_small_jitter!.deltaMs).toBeCloseTo(2, 0);
    expect(p95.q_slow_stable!.deltaPct).toBeCloseTo(10, 0);
  });

  it('lists queries only this run has as new and those only the baseline had as gone', () => {
    const presence = compareToBaseline(regressedResults(), baselineResults()).entries.map((entry) => `${entry.key.split(':')[0]} ${entry.presence}`);
    expect(presence).toEqual(['q_regressed changed', 'q_small_jitter changed', 'q_slow_stable changed', 'q_new new', 'q_dropped gone']);
  });

  it('regressions are flagged but fail the run only with failOnRegression', () => {
    const flagged = buildReport(regressedResults(), { baseline: baselineResults() });
    expect(flagged.verdict.failing).toEqual([]);
    expect(flagged.queries.find((row) => row.name === 'q_regressed')!.change!.p95!.regression).toBe(true);
    const failed = buildReport(regressedResults(), { baseline: baselineResults(), failOnRegression: true });
    expect(failed.verdict.status).toBe('not-ready');
    expect(failed.verdict.failing).toEqual([{ kind: 'regression', id: 'q_regressed:authenticated:typical', title: expect.stringMatching(/^q_regressed \(authenticated, typical\) p95 regressed 40 → 50 ms$/) }]);
  });
});
