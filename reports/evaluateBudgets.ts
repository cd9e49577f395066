import type { BudgetEvaluation, QueryResult, Results } from '../results/resultsModel.ts';
import { parseDurationSettingMs, parseIntegerSetting } from './settingValue.ts';

/** Budget families, in the order reports show them. "recorded" holds evaluations a stage stored that no rule here recomputes. */
export const BUDGET_FAMILIES = ['query-p95', 'query-max', 'error-rate', 'peak-connections', 'setting', 'recorded'] as const;
export type BudgetFamily = (typeof BUDGET_FAMILIES)[number];

/** Title of each budget family, as the budget table and the verdict name it. */
export const FAMILY_TITLES: Record<BudgetFamily, string> = {
  'query-p95': 'Query p95',
  'query-max': 'Slowest execution',
  'error-rate': 'Scenario error rate',
  'peak-connections': 'Peak connections',
  setting: 'Settings',
  recorded: 'Recorded budgets',
};

/** One budget checked against the run: the model's BudgetEvaluation plus what reports group and print by. */
export interface EvaluatedBudget extends BudgetEvaluation {
  /** Rule that produced it. */
  family: BudgetFamily;
  /** How measured must relate to threshold to pass: below it, or equal to it (settings). */
  comparison: '<' | '=';
  /** Query key, scenario name or setting name the budget is about; absent for run-wide budgets. */
  subject?: string;
}

/** Setting budgets: the server setting, the budget limit it must equal, and how it reads. */
const SETTING_BUDGETS = [
  { setting: 'max_connections', title: 'max_connections', limit: 'maxConnections', unit: 'connections', parse: parseIntegerSetting },
  { setting: 'statement_timeout', title: 'statement_timeout (query timeout)', limit: 'statementTimeoutMs', unit: 'ms', parse: parseDurationSettingMs },
  {
    setting: 'idle_in_transaction_session_timeout',
    title: 'idle_in_transaction_session_timeout (idle timeout)',
    limit: 'idleTimeoutMs',
    unit: 'ms',
    parse: parseDurationSettingMs,
  },
] as const;

/** Stable key of a query result: the same catalog query can run as several roles and parameter classes. */
export function queryKey(query: Pick<QueryResult, 'name' | 'role' | 'paramClass'>): string {
  return `${query.name}:${query.role}:${query.paramClass}`;
}

/** Human label of a query result, e.g. "orders_by_user (authenticated, typical)". */
export function queryLabel(query: Pick<QueryResult, 'name' | 'role' | 'paramClass'>): string {
  return `${query.name} (${query.role}, ${query.paramClass})`;
}

/**
 * Every budget of DESIGN.md evaluated from the results alone: p95 and max per query (against
 * the budget recorded on the query), error rate per scenario, peak connections, and the
 * settings. A budget without data is "skip" with the reason. Evaluations a stage stored under
 * ids these rules do not produce (e.g. imported k6 thresholds) are kept as "recorded".
 */
export function evaluateBudgets(results: Results): EvaluatedBudget[] {
  const computed = [
    ...queryBudgets(results),
    ...errorRateBudgets(results),
    peakConnectionsBudget(results),
    ...settingBudgets(results),
  ];
  const recorded: EvaluatedBudget[] = results.budgets.evaluations
    .filter((stored) => !BUDGET_FAMILIES.some((family) => family !== 'recorded' && (stored.id === family || stored.id.startsWith(`${family}:`))))
    .filter((stored) => !computed.some((mine) => mine.id === stored.id))
    .map((stored) => ({ ...stored, family: 'recorded', comparison: '<' }));
  return [...computed, ...recorded];
}

const CAPACITY_NOT_JUDGED = 'a capacity ramp overloads the database on purpose; see its capacity figure';

function below(measured: number, threshold: number): 'pass' | 'fail' {
  return measured < threshold ? 'pass' : 'fail';
}

function queryBudgets(results: Results): EvaluatedBudget[] {
  const { queryP95Ms, queryMaxMs } = results.budgets;
  if (results.queries.length === 0) {
    const detail = 'no query benchmarks in this run';
    return [
      { id: 'query-p95', family: 'query-p95', title: 'Query p95', threshold: queryP95Ms, measured: null, unit: 'ms', status: 'skip', comparison: '<', detail },
      { id: 'query-max', family: 'query-max', title: 'Slowest execution', threshold: queryMaxMs, measured: null, unit: 'ms', status: 'skip', comparison: '<', detail },
    ];
  }
  return results.queries.flatMap((query): EvaluatedBudget[] => {
    const subject = queryKey(query);
    const label = queryLabel(query);
    const timed = query.latency.count > 0;
    const common = { subject, unit: 'ms', comparison: '<' as const };
    const skip = { measured: null, status: 'skip' as const, detail: 'no timed executions' };
    return [
      {
        id: `query-p95:${subject}`,
        family: 'query-p95',
        title: `${label} p95`,
        threshold: query.budget.p95Ms,
        ...common,
        ...(timed ? { measured: query.latency.p95Ms, status: below(query.latency.p95Ms, query.budget.p95Ms) } : skip),
      },
      {
        id: `query-max:${subject}`,
        family: 'query-max',
        title: `${label} max`,
        threshold: query.budget.maxMs,
        ...common,
        ...(timed ? { measured: query.latency.maxMs, status: below(query.latency.maxMs, query.budget.maxMs) } : skip),
      },
    ];
  });
}

function errorRateBudgets(results: Results): EvaluatedBudget[] {
  const threshold = results.budgets.errorRatePct;
  if (results.scenarios.length === 0) {
    return [{ id: 'error-rate', family: 'error-rate', title: 'Scenario error rate', threshold, measured: null, unit: '%', status: 'skip', comparison: '<', detail: 'no load scenario in this run' }];
  }
  return results.scenarios.map((scenario): EvaluatedBudget => {
    const base = { id: `error-rate:${scenario.name}`, family: 'error-rate' as const, title: `${scenario.name} error rate`, threshold, unit: '%', comparison: '<' as const, subject: scenario.name };
    if (scenario.status === 'skip' || scenario.requests === 0) {
      return { ...base, measured: null, status: 'skip', detail: scenario.detail ?? 'the scenario completed no request' };
    }
    // A capacity ramp runs until a budget breaks on purpose: its finding is the multiple it held, not a verdict.
    if (scenario.capacity) return { ...base, measured: scenario.errorRatePct, status: 'skip', detail: CAPACITY_NOT_JUDGED };
    return { ...base, measured: scenario.errorRatePct, status: below(scenario.errorRatePct, threshold), detail: `${scenario.errors} of ${scenario.requests} requests failed` };
  });
}

function peakConnectionsBudget(results: Results): EvaluatedBudget {
  const threshold = results.budgets.peakConnections;
  const base = { id: 'peak-connections', family: 'peak-connections' as const, title: 'Peak connections', threshold, unit: 'connections', comparison: '<' as const };
  let peak: { value: number; scenario: string } | undefined;
  for (const scenario of results.scenarios) {
    if (scenario.capacity) continue;
    const seen = [scenario.peakConnections, ...scenario.timeline.map((point) => point.connections)].filter((value): value is number => value !== undefined);
    for (const value of seen) if (!peak || value > peak.value) peak = { value, scenario: scenario.name };
  }
  if (!peak) return { ...base, measured: null, status: 'skip', detail: 'no scenario recorded server connection counts' };
  return { ...base, measured: peak.value, status: below(peak.value, threshold), detail: `highest in ${peak.scenario}`, subject: peak.scenario };
}

function settingBudgets(results: Results): EvaluatedBudget[] {
  const { settings } = results.run.target;
  return SETTING_BUDGETS.map(({ setting, title, limit, unit, parse }): EvaluatedBudget => {
    const threshold = results.budgets[limit];
    const base = { id: `setting:${setting}`, family: 'setting' as const, title, threshold, unit, comparison: '=' as const, subject: setting };
    const shown = settings[setting];
    if (shown === undefined) return { ...base, measured: null, status: 'skip', detail: `the run recorded no ${setting} setting` };
    const measured = parse(shown);
    if (measured === null) return { ...base, measured: null, status: 'fail', detail: `unreadable value ${JSON.stringify(shown)}` };
    const detail = measured === 0 && unit === 'ms' ? `${setting} = ${shown}: disabled` : `${setting} = ${shown}`;
    return { ...base, measured, status: measured === threshold ? 'pass' : 'fail', detail };
  });
}
