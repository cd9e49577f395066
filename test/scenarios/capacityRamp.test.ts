import { describe, expect, it } from 'vitest';
import { judgeStep } from '../../scenarios/capacityRamp.ts';
import { SeriesRecorder } from '../../scenarios/engine/seriesRecorder.ts';

const BUDGETS = { errorRatePct: 1, queryP95Ms: 100, peakConnections: 80 };

describe('a capacity step', () => {
  it('broken by p95 names the journeys over the budget in that step, worst first', () => {
    const recorder = new SeriesRecorder();
    for (let i = 0; i < 50; i++) recorder.record('order-view', 5);
    for (let i = 0; i < 30; i++) recorder.record('gom-submissions', 900);
    for (let i = 0; i < 20; i++) recorder.record('dashboard', 400);
    const step = judgeStep(recorder, 1, 34, 3, BUDGETS);
    expect(step.status).toBe('fail');
    expect(step.broke).toMatch(/^p95 \d+\.\d ms \(budget < 100 ms\); slowest: gom-submissions p95 9\d\d ms, dashboard p95 [34]\d\d ms$/);
  });

  it('judges each step by its own window: the next step starts without the earlier journeys', () => {
    const recorder = new SeriesRecorder();
    for (let i = 0; i < 20; i++) recorder.record('gom-submissions', 900);
    judgeStep(recorder, 1, 34, 3, BUDGETS);
    for (let i = 0; i < 20; i++) recorder.record('order-view', 5);
    const next = judgeStep(recorder, 2, 68, 3, BUDGETS);
    expect(next).toMatchObject({ status: 'pass', requests: 20 });
    expect(next.broke).toBeUndefined();
  });
});
