import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scenarios/engine/runLoad.ts';
import type { Journey } from '../../scenarios/engine/journey.ts';
import { SeriesRecorder } from '../../scenarios/engine/seriesRecorder.ts';

const journeys: Journey[] = [{ name: 'a', patterns: [], weight: 1 }];

/** The engine with an in-process iteration, so the scheduling itself is what is tested. */
describe('runLoad', () => {
  it('open model: a slow iteration makes latency from intended start grow and drops what finds every slot busy', async () => {
    const outcome = await runLoad({
      model: { kind: 'open', startRate: 50, stages: [{ durationMs: 1000, rate: 50 }], maxInFlight: 4 },
      journeys,
      iterate: () => delay(100),
      signal: new AbortController().signal,
      tickMs: 250,
    });
    expect(outcome.planned).toBe(50);
    // 4 slots × 100 ms = 40/s capacity at most, 50/s offered.
    expect(outcome.recorder.dropped).toBeGreaterThan(0);
    expect(outcome.recorder.requests + outcome.recorder.dropped).toBe(50);
    expect(outcome.recorder.timeline.reduce((sum, point) => sum + (point.offered ?? 0), 0)).toBe(50);
  });

  it('closed model: bounded by count, every iteration recorded, no drops', async () => {
    const outcome = await runLoad({
      model: { kind: 'closed', vus: 3, durationMs: 5000, maxIterations: 12 },
      journeys,
      iterate: () => delay(5),
      signal: new AbortController().signal,
    });
    expect(outcome.recorder.requests).toBe(12);
    expect(outcome.recorder.dropped).toBe(0);
    expect(outcome.durationMs).toBeLessThan(4000);
  });

  it('counts failures by class and stops early once the error budget is lost', async () => {
    const outcome = await runLoad({
      model: { kind: 'open', startRate: 100, stages: [{ durationMs: 3000, rate: 100 }], maxInFlight: 10 },
      journeys,
      iterate: () => Promise.reject(Object.assign(new Error('sorry, too many clients already'), { code: '53300' })),
      signal: new AbortController().signal,
      tickMs: 100,
      abortOnFail: { errorRatePct: 1 },
    });
    expect(outcome.stoppedEarly).toMatch(/abort on fail: error rate budget already lost/);
    expect(outcome.recorder.errorsByClass['too-many-clients']).toBe(outcome.recorder.errors);
    expect(outcome.recorder.requests).toBeLessThan(300);
  });

  it('Ctrl-C stops the schedule and still returns what was measured', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await runLoad({
      model: { kind: 'closed', vus: 2, durationMs: 10_000 },
      journeys,
      iterate: () => delay(10),
      signal: controller.signal,
    });
    expect(outcome.stoppedEarly).toBe('interrupted');
    expect(outcome.recorder.requests).toBeGreaterThan(0);
    expect(outcome.durationMs).toBeLessThan(5000);
  });

  it('abort on fail judges a continued recorder by this run alone (a capacity step after earlier ones)', async () => {
    const recorder = new SeriesRecorder();
    // An earlier step left 5 errors in 100 requests behind.
    for (let i = 0; i < 100; i++) recorder.record('a', 1, i < 5 ? 'other' : undefined);
    const outcome = await runLoad({
      model: { kind: 'open', startRate: 100, stages: [{ durationMs: 1000, rate: 100 }], maxInFlight: 10 },
      journeys,
      iterate: () => delay(1),
      signal: new AbortController().signal,
      tickMs: 100,
      abortOnFail: { errorRatePct: 1 },
      recorder,
    });
    expect(outcome.stoppedEarly).toBeUndefined();
    expect(recorder.requests).toBe(200);
  });
});
