import { describe, expect, it } from 'vitest';
import { arrivalOffsets } from '../../scenarios/engine/arrivalOffsets.ts';
import { lostBudget } from '../../scenarios/engine/abortOnFail.ts';
import { classifyError } from '../../scenarios/engine/classifyError.ts';

describe('arrivalOffsets', () => {
  it('spaces a constant rate evenly, the first at 0', () => {
    const offsets = arrivalOffsets({ startRate: 10, stages: [{ durationMs: 1000, rate: 10 }] });
    expect(offsets).toHaveLength(10);
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBeCloseTo(100, 6);
    expect(offsets[9]).toBeCloseTo(900, 6);
  });

  it('ramps linearly: 0 → 20/s over 2 s gives 20 arrivals, denser at the end', () => {
    const offsets = arrivalOffsets({ startRate: 0, stages: [{ durationMs: 2000, rate: 20 }] });
    expect(offsets).toHaveLength(20);
    // N(t) = 5 t²: the 5th arrival (k = 5) is at 1 s.
    expect(offsets[5]).toBeCloseTo(1000, 6);
    expect(offsets[19]! - offsets[18]!).toBeLessThan(offsets[2]! - offsets[1]!);
  });

  it('chains stages and honours the count cap', () => {
    const model = { startRate: 10, stages: [{ durationMs: 1000, rate: 10 }, { durationMs: 1000, rate: 30 }] };
    expect(arrivalOffsets(model)).toHaveLength(30);
    expect(arrivalOffsets(model, 7)).toHaveLength(7);
  });
});

describe('lostBudget (abort on fail)', () => {
  it('with a plan: lost once errors exceed the budget share of every planned request, not before', () => {
    expect(lostBudget({ requests: 50, errors: 10, planned: 1000 }, { errorRatePct: 1 })).toBeUndefined();
    expect(lostBudget({ requests: 50, errors: 11, planned: 1000 }, { errorRatePct: 1 })).toMatch(/11 errors, at most 10 allowed of 1000/);
  });
  it('without a plan: judged on the rate after enough requests; connections lost at the alert line', () => {
    expect(lostBudget({ requests: 99, errors: 50 }, { errorRatePct: 1 })).toBeUndefined();
    expect(lostBudget({ requests: 100, errors: 2 }, { errorRatePct: 1 })).toMatch(/error rate 2.0 %/);
    expect(lostBudget({ requests: 1, errors: 0, peakConnections: 80 }, { errorRatePct: 1, peakConnections: 80 })).toMatch(/peak connections reached 80/);
  });
});

describe('classifyError', () => {
  it('names too-many-clients, quota, lost connections, timeouts and the rest', () => {
    expect(classifyError({ code: '53300', message: 'sorry, too many clients already' })).toBe('too-many-clients');
    expect(classifyError({ code: 'XX000', message: '(EMAXCONNSESSION) max clients reached in session mode' })).toBe('quota');
    expect(classifyError({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe('connection-lost');
    expect(classifyError({ code: 'ECONNREFUSED' })).toBe('connection-lost');
    expect(classifyError(new Error('timeout exceeded when trying to connect'))).toBe('pool-timeout');
    expect(classifyError({ code: '57014' })).toBe('statement-timeout');
    expect(classifyError({ code: '23505' })).toBe('constraint');
    expect(classifyError(new Error('boom'))).toBe('other');
  });

  it('on a supabase target, refusals past max_connections are the plan\'s quota; the pooler\'s are quota everywhere', () => {
    const reserved = { code: '53300', message: 'remaining connection slots are reserved for non-replication superuser connections' };
    expect(classifyError(reserved, 'supabase')).toBe('quota');
    expect(classifyError(reserved, 'postgres')).toBe('too-many-clients');
    expect(classifyError({ code: '53300', message: 'sorry, too many clients already' }, 'supabase')).toBe('quota');
    expect(classifyError({ code: 'XX000', message: '(EMAXCONN) Max client connections reached, limit: 200' }, 'postgres')).toBe('quota');
    expect(classifyError({ code: '23503' }, 'supabase')).toBe('constraint');
  });
});
