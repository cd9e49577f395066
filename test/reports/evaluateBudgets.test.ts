import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../reports/decideVerdict.ts';
import { evaluateBudgets, type EvaluatedBudget } from '../../reports/evaluateBudgets.ts';
import { createLatencyHistogram, summarize } from '../../results/histogram.ts';
import type { Results } from '../../results/resultsModel.ts';
import { parseDurationSettingMs } from '../../reports/settingValue.ts';
import { failingResults, passingResults } from '../fixtures/results/resultsFixtures.ts';

const byId = (evaluations: EvaluatedBudget[]) => new Map(evaluations.map((evaluation) => [evaluation.id, evaluation]));

/** A run that measured nothing but the server settings, like `db up` or `seed`. */
function settingsOnly(): Results {
  return { ...passingResults(), checks: [], queries: [], scenarios: [] };
}

describe('evaluateBudgets', () => {
  it('passes every budget of a run within them, per query, role and parameter class', () => {
    const evaluations = evaluateBudgets(passingResults());
    expect(evaluations.filter((evaluation) => evaluation.status !== 'pass')).toEqual([]);
    const ids = evaluations.map((evaluation) => evaluation.id);
    expect(ids).toContain('query-p95:orders_active_recent:authenticated:typical');
    expect(ids).toContain('query-max:gom_dashboard_stats:service_role:hot');
    expect(ids).toContain('error-rate:pool-load');
    expect(ids).toEqual(expect.arrayContaining(['peak-connections', 'setting:max_connections', 'setting:statement_timeout', 'setting:idle_in_transaction_session_timeout']));
  });

  it('fails p95, max, error rate, peak connections and a disabled statement_timeout, with what was measured', () => {
    const evaluations = byId(evaluateBudgets(failingResults()));
    expect(evaluations.get('query-p95:orders_active_recent:authenticated:typical')).toMatchObject({ status: 'fail', threshold: 100, unit: 'ms' });
    expect(evaluations.get('query-p95:orders_active_recent:authenticated:typical')!.measured).toBeGreaterThanOrEqual(100);
    expect(evaluations.get('query-max:analytics_events_last_day:service_role:fixed')).toMatchObject({ status: 'fail', threshold: 1000 });
    expect(evaluations.get('query-p95:analytics_events_last_day:service_role:fixed')).toMatchObject({ status: 'pass' });
    expect(evaluations.get('error-rate:pool-load')).toMatchObject({ status: 'fail', threshold: 1, detail: '74 of 3000 requests failed' });
    expect(evaluations.get('peak-connections')).toMatchObject({ status: 'fail', measured: 87, threshold: 80, subject: 'pool-load' });
    expect(evaluations.get('setting:statement_timeout')).toMatchObject({ status: 'fail', measured: 0, threshold: 30000, detail: 'statement_timeout = 0: disabled' });
    expect(evaluations.get('setting:max_connections')).toMatchObject({ status: 'pass', measured: 100 });
  });

  it('skips, with the reason, every budget the run holds no data for', () => {
    const results = settingsOnly();
    delete results.run.target.settings.idle_in_transaction_session_timeout;
    const evaluations = byId(evaluateBudgets(results));
    expect(evaluations.get('query-p95')).toMatchObject({ status: 'skip', measured: null, detail: 'no query benchmarks in this run' });
    expect(evaluations.get('query-max')).toMatchObject({ status: 'skip', measured: null });
    expect(evaluations.get('error-rate')).toMatchObject({ status: 'skip', detail: 'no load scenario in this run' });
    expect(evaluations.get('peak-connections')).toMatchObject({ status: 'skip', detail: 'no scenario recorded server connection counts' });
    expect(evaluations.get('setting:idle_in_transaction_session_timeout')).toMatchObject({ status: 'skip', detail: 'the run recorded no idle_in_transaction_session_timeout setting' });
    expect(evaluations.get('setting:max_connections')).toMatchObject({ status: 'pass' });
  });

  it('skips a skipped scenario and a query without timed executions instead of passing them', () => {
    const results = passingResults();
    results.queries[0] = { ...results.queries[0]!, iterations: 0, latency: summarize(createLatencyHistogram()) };
    const evaluations = byId(evaluateBudgets(results));
    expect(evaluations.get('query-p95:orders_active_recent:authenticated:typical')).toMatchObject({ status: 'skip', detail: 'no timed executions' });
    expect(byId(evaluateBudgets(failingResults())).get('error-rate:realtime-fanout')).toMatchObject({ status: 'skip', detail: 'the local stack has no realtime server yet' });
  });

  it('judges a query by the budget recorded on it', () => {
    const results = passingResults();
    results.queries[2]!.budget = { p95Ms: 20, maxMs: 1000 };
    expect(byId(evaluateBudgets(results)).get('query-p95:gom_dashboard_stats:service_role:hot')).toMatchObject({ status: 'fail', threshold: 20 });
  });

  it('keeps stored evaluations no rule recomputes, and drops stored ones a rule recomputes', () => {
    const results = passingResults();
    results.budgets.evaluations = [
      { id: 'k6-threshold:http_req_failed', title: 'k6 http_req_failed', threshold: 0.01, measured: 0.02, unit: 'rate', status: 'fail' },
      { id: 'query-p95:orders_active_recent', title: 'stale', threshold: 100, measured: 500, unit: 'ms', status: 'fail' },
      { id: 'peak-connections', title: 'stale', threshold: 80, measured: 99, unit: 'connections', status: 'fail' },
    ];
    const evaluations = evaluateBudgets(results);
    expect(evaluations.filter((evaluation) => evaluation.family === 'recorded').map((evaluation) => evaluation.id)).toEqual(['k6-threshold:http_req_failed']);
    expect(evaluations.find((evaluation) => evaluation.title === 'stale')).toBeUndefined();
  });
});

describe('parseDurationSettingMs', () => {
  it.each([
    ['30s', 30_000],
    ['10s', 10_000],
    ['1min', 60_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    ['0', 0],
    ['1500', 1500],
  ])('reads %s as %d ms', (text, ms) => expect(parseDurationSettingMs(text)).toBe(ms));

  it('returns null for what SHOW never prints', () => expect(parseDurationSettingMs('thirty seconds')).toBeNull());
});

describe('decideVerdict', () => {
  it('is ready when every budget was measured and met; a failed warn-level check does not change that', () => {
    const results = passingResults();
    const verdict = decideVerdict(results, evaluateBudgets(results));
    expect(results.checks.some((check) => check.status === 'fail' && check.level === 'warn')).toBe(true);
    expect(verdict).toMatchObject({ status: 'ready', failing: [], unmeasured: [], exitCode: 0 });
  });

  it('is not ready naming each failing budget and each failed fail-level check', () => {
    const results = failingResults();
    const verdict = decideVerdict(results, evaluateBudgets(results));
    expect(verdict.status).toBe('not-ready');
    expect(verdict.exitCode).toBe(1);
    expect(verdict.failing.map((reason) => `${reason.kind} ${reason.id}`)).toEqual([
      'budget query-p95:orders_active_recent:authenticated:typical',
      'budget query-max:analytics_events_last_day:service_role:fixed',
      'budget error-rate:pool-load',
      'budget peak-connections',
      'budget setting:statement_timeout',
      'check rls.enabled',
    ]);
    expect(verdict.failing[0]!.title).toMatch(/^orders_active_recent \(authenticated, typical\) p95 1\d\d ms, budget < 100 ms$/);
  });

  it('a fail-level check alone makes the run not ready', () => {
    const results = passingResults();
    results.checks[0] = { ...results.checks[0]!, status: 'fail', detail: '1 table without RLS' };
    const verdict = decideVerdict(results, evaluateBudgets(results));
    expect(verdict.status).toBe('not-ready');
    expect(verdict.failing).toEqual([{ kind: 'check', id: 'rls.enabled', title: 'rls.enabled: 1 table without RLS' }]);
  });

  it('a scenario its engine failed makes the run not ready even within the error budget', () => {
    const results = passingResults();
    results.scenarios[0] = { ...results.scenarios[0]!, status: 'fail', detail: 'k6 threshold p(99)<200 crossed' };
    expect(decideVerdict(results, evaluateBudgets(results)).failing).toEqual([{ kind: 'scenario', id: 'pool-load', title: 'scenario pool-load failed: k6 threshold p(99)<200 crossed' }]);
  });

  it('is incomplete, exit 0, when nothing failed but budgets were not measured', () => {
    const results = settingsOnly();
    const verdict = decideVerdict(results, evaluateBudgets(results));
    expect(verdict).toMatchObject({ status: 'incomplete', failing: [], exitCode: 0 });
    expect(verdict.unmeasured).toEqual(['Query p95', 'Slowest execution', 'Scenario error rate', 'Peak connections']);
  });
});
