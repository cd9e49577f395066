import { describe, expect, it } from 'vitest';
import { planThresholdsSchema } from '../../core/config/configSchema.ts';
import type { TaskMeasurement } from '../../bench/measureTask.ts';
import type { CatalogQuery } from '../../bench/catalogQuery.ts';
import { statementDeltas, statementsResult, type StatementCounters } from '../../bench/statStatements.ts';
import { toQueryResult } from '../../bench/toQueryResult.ts';
import { parseResults } from '../../results/resultsModel.ts';

const thresholds = planThresholdsSchema.parse({});
const budgets = { queryP95Ms: 100, queryMaxMs: 1000 };
const query: CatalogQuery = { name: 'q', file: 'q.sql', journey: 'j', roles: ['anon'], params: [], samplers: {}, budget: {}, sql: 'SELECT 1' };

function measurement(latenciesMs: number[], overrides: Partial<TaskMeasurement> = {}): TaskMeasurement {
  return {
    task: { query, role: 'anon', paramClass: 'fixed', rows: [{ values: [] }], defaultSub: 'x' },
    latenciesMs,
    capped: false,
    explains: [],
    nestedPlans: [],
    rowsReturned: 1,
    queryId: undefined,
    error: undefined,
    ...overrides,
  };
}

/** Nearest-rank percentile, the reference the HDR histogram must agree with (3 significant digits). */
function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('toQueryResult', () => {
  it('summarises latencies as the nearest-rank percentiles of the samples, within HDR precision', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 1 + ((i * 37) % 200) * 0.25); // 1 … 50.75 ms, shuffled
    const sorted = [...samples].sort((a, b) => a - b);
    const result = toQueryResult(measurement(samples), budgets, thresholds);
    for (const [p, key] of [[50, 'p50Ms'], [90, 'p90Ms'], [95, 'p95Ms'], [99, 'p99Ms'], [100, 'maxMs']] as const) {
      expect(result.latency[key]).toBeCloseTo(nearestRank(sorted, p), 1);
    }
    expect(result.latency.count).toBe(200);
    expect(result.iterations).toBe(200);
  });

  it('fails at p95 ≥ the budget or any execution ≥ the ceiling, and passes below', () => {
    expect(toQueryResult(measurement(Array(20).fill(120)), budgets, thresholds).status).toBe('fail');
    expect(toQueryResult(measurement([...Array(99).fill(5), 1200]), budgets, thresholds).status).toBe('fail');
    expect(toQueryResult(measurement(Array(20).fill(5)), budgets, thresholds).status).toBe('pass');
  });

  it('applies the per-query budget of the file header', () => {
    const custom = measurement(Array(20).fill(120));
    custom.task = { ...custom.task, query: { ...query, budget: { p95Ms: 200 } } };
    expect(toQueryResult(custom, budgets, thresholds)).toMatchObject({ status: 'pass', budget: { p95Ms: 200, maxMs: 1000 } });
  });

  it('fails a query that errored, says why, and marks an empty result', () => {
    const failed = toQueryResult(measurement([], { error: 'permission denied for table orders', rowsReturned: 0 }), budgets, thresholds);
    expect(failed.status).toBe('fail');
    expect(failed.findings.map((finding) => finding.kind)).toEqual(['error', 'emptyResult']);
    expect(failed.findings[0]!.detail).toMatch(/anon could not run it: permission denied/);
  });
});

describe('pg_stat_statements deltas', () => {
  const counters = (queryId: string, calls: number, totalExecMs: number, query = 'SELECT $1'): StatementCounters => ({
    role: 'anon', toplevel: true, queryId, query, calls, totalExecMs, totalPlanMs: 0, rows: calls, sharedBlksHit: 10 * calls, sharedBlksRead: 0, tempBlksWritten: 0, maxExecMs: totalExecMs,
  });

  it('subtracts the snapshot before, leaves the harness statements out and sorts by execution time', () => {
    const before = new Map([['a', counters('1', 10, 100)], ['b', counters('2', 5, 5)]]);
    const after = new Map([
      ['a', counters('1', 30, 400)],
      ['b', counters('2', 5, 5)],
      ['c', counters('3', 2, 900)],
      ['d', counters('4', 50, 50, 'SELECT set_config($1, $2, $3)')],
      ['e', counters('5', 50, 50, 'SAVEPOINT gomflow_bench')],
    ]);
    const deltas = statementDeltas(before, after);
    expect(deltas.map((delta) => [delta.queryId, delta.calls, delta.totalExecMs])).toEqual([['3', 2, 900], ['1', 20, 300]]);
  });

  it('becomes a pseudo-query the results model accepts, statements named by catalog query where known', () => {
    const before = { available: true as const, entries: new Map() };
    const after = { available: true as const, entries: new Map([['a', counters('42', 3, 30)]]) };
    const result = statementsResult({ before, after }, 10, new Map([['42', 'order_by_id']]), { p95Ms: 100, maxMs: 1000 });
    expect(result.findings[0]).toMatchObject({ kind: 'topStatement', node: 'order_by_id (anon)', numbers: { calls: 3, totalExecMs: 30, meanExecMs: 10 } });
    const unavailable = statementsResult({ before: { available: false, reason: 'not installed' }, after }, 10, new Map(), { p95Ms: 100, maxMs: 1000 });
    expect(unavailable.findings).toEqual([{ kind: 'notMeasured', detail: 'not installed' }]);
    expect(() => parseResults({ ...minimalResults(), queries: [result, unavailable] })).not.toThrow();
  });
});

function minimalResults() {
  return {
    version: 1,
    run: {
      id: '20261125-000000-abc',
      startedAt: '2026-11-25T00:00:00Z',
      finishedAt: '2026-11-25T00:00:01Z',
      command: 'bench',
      harnessVersion: '0.1.0',
      target: { kind: 'local', host: 'localhost', database: 'gomflow', serverVersion: '18.4', serverVersionNum: 180004, settings: {}, localStack: false },
    },
    budgets: { queryP95Ms: 100, queryMaxMs: 1000, errorRatePct: 1, peakConnections: 80, maxConnections: 100, idleTimeoutMs: 10000, statementTimeoutMs: 30000, evaluations: [] },
    checks: [],
    queries: [],
    scenarios: [],
  };
}
