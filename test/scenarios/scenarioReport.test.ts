import { describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/buildReport.ts';
import { compareToBaseline } from '../../reports/compareBaseline.ts';
import { evaluateBudgets } from '../../reports/evaluateBudgets.ts';
import { renderHtml } from '../../reports/renderHtml.ts';
import { parseResults, type Results, type ScenarioResult } from '../../results/resultsModel.ts';
import { capacityFinding } from '../../scenarios/capacityRamp.ts';
import { SeriesRecorder } from '../../scenarios/engine/seriesRecorder.ts';
import { summarizeScenario } from '../../scenarios/summarizeScenario.ts';
import { LAUNCH_MIX_JOURNEYS } from '../../scenarios/workloads/launchMix.ts';
import { sampleResults } from '../helpers/sampleResults.ts';

const budgets = { errorRatePct: 1, peakConnections: 80, queryP95Ms: 100 };

/** A launch-drop whose order views take `orderViewMs` and which saw `errors` too-many-clients refusals. */
function launchDrop(orderViewMs: number, errors = 0): ScenarioResult {
  const recorder = new SeriesRecorder();
  for (let second = 1; second <= 3; second++) {
    for (let i = 0; i < 100; i++) recorder.record(i % 2 ? 'order-view' : 'browse', i % 2 ? orderViewMs : 8, undefined, [i % 10 === 0 ? 40 : 1]);
    recorder.flush(second * 1000, { connections: 12 });
  }
  for (let i = 0; i < errors; i++) recorder.record('submit', 30, 'too-many-clients');
  const model = { kind: 'open' as const, startRate: 100, stages: [{ durationMs: 3000, rate: 100 }], maxInFlight: 100 };
  return summarizeScenario({ name: 'launch-drop', startedAt: new Date('2026-11-25T19:50:00Z'), model, journeys: LAUNCH_MIX_JOURNEYS, outcome: { recorder, durationMs: 3000, peakConnections: 12 }, budgets });
}

function withScenarios(...scenarios: ScenarioResult[]): Results {
  return parseResults({ ...sampleResults(), queries: [], scenarios });
}

describe('scenario results in the report', () => {
  it('a journey over its p95 budget fails the scenario and names it; errors are counted by class', () => {
    const slow = launchDrop(150, 2);
    expect(slow.status).toBe('fail');
    expect(slow.detail).toMatch(/p95 over budget: order-view 150/);
    expect(slow.errorsByClass).toEqual({ 'too-many-clients': 2 });
    expect(slow.journeys!.find((journey) => journey.name === 'browse')!.status).toBe('pass');
    expect(launchDrop(20).status).toBe('pass');
  });

  it('renders p50/p99 beside p95 with the budget line, the journeys, errors by class and the capacity steps', () => {
    const capacity = capacityFinding(34, [
      { multiple: 1, rateRps: 34, requests: 340, errorRatePct: 0, p95Ms: 40, dropped: 0, status: 'pass' },
      { multiple: 2, rateRps: 68, requests: 680, errorRatePct: 0, p95Ms: 300, dropped: 0, status: 'fail', broke: 'p95 300.0 ms (budget < 100 ms)' },
    ]);
    const html = renderHtml(withScenarios(launchDrop(150, 2), { ...launchDrop(20), name: 'capacity', capacity }));
    expect(html).toContain('budget 100 ms');
    expect(html).toMatch(/class="series alt alt-0"/);
    expect(html).toContain('too-many-clients 2');
    expect(html).toContain('order-view');
    expect(html).toContain('holds 1× the launch peak');
    expect(html).toContain('p95 300.0 ms (budget &lt; 100 ms)');
    expect(html).toMatch(/pool wait<\/dt><dd>p50 1(\.0+)? · p95 40(\.0+)? · max 40(\.0+)? ms <span class="muted">over 300 connection checkouts/);
    expect(html).toContain('Wait for a connection checkout per interval');
  });

  it('a capacity ramp is not judged by the error-rate and peak-connection budgets', () => {
    const capacity = capacityFinding(34, [{ multiple: 0.5, rateRps: 17, requests: 10, errorRatePct: 50, p95Ms: 10, dropped: 0, status: 'fail', broke: 'error rate 50.00 %' }]);
    const evaluated = evaluateBudgets(withScenarios({ ...launchDrop(20, 200), name: 'capacity', peakConnections: 99, capacity }));
    expect(evaluated.find((budget) => budget.id === 'error-rate:capacity')?.status).toBe('skip');
    expect(evaluated.find((budget) => budget.id === 'peak-connections')?.status).toBe('skip');
    expect(capacity.heldMultiple).toBeNull();
  });

  it('--baseline compares each journey p95 with the queries\' tolerance, so a slower journey is a regression', () => {
    const comparison = compareToBaseline(withScenarios(launchDrop(60)), withScenarios(launchDrop(20)));
    expect(comparison.regressions.map((entry) => entry.key)).toContain('launch-drop:order-view');
    expect(comparison.regressions.map((entry) => entry.key)).not.toContain('launch-drop:browse');
    const report = buildReport(withScenarios(launchDrop(60)), { baseline: withScenarios(launchDrop(20)), failOnRegression: true });
    expect(report.verdict.status).toBe('not-ready');
  });
});
