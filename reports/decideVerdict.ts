import type { BaselineComparison } from './compareBaseline.ts';
import { BUDGET_FAMILIES, FAMILY_TITLES, type EvaluatedBudget } from './evaluateBudgets.ts';
import { formatInUnit } from '../core/format.ts';
import type { Results } from '../results/resultsModel.ts';

/** One reason the run is not ready. */
export interface VerdictReason {
  kind: 'budget' | 'check' | 'query' | 'schema' | 'scenario' | 'regression';
  /** Budget id, check id, scenario name or regressed query/scenario key. */
  id: string;
  /** Short human line, e.g. "orders_by_user (authenticated, typical) p95 130 ms ≥ 100 ms". */
  title: string;
}

/**
 * "ready": every budget measured and met, no fail-level check failed. "not-ready": something
 * failed. "incomplete": nothing failed, but the run measured only some budgets (a seed-only
 * run is not evidence that queries are fast), so it must not read as ready.
 */
export type VerdictStatus = 'ready' | 'not-ready' | 'incomplete';

export interface Verdict {
  status: VerdictStatus;
  /** Everything that makes the run not ready, budgets first. */
  failing: VerdictReason[];
  /** Budget families with no measurement in this run, as titles. */
  unmeasured: string[];
  /** Budget evaluations by outcome. */
  budgetCounts: { pass: number; fail: number; skip: number };
  /** Why the run stopped before its stages finished; such a run is never ready. */
  partial: string | undefined;
  /** 1 when not ready, else 0: what the CLI exits with. */
  exitCode: 0 | 1;
}


export interface VerdictOptions {
  /** Baseline comparison; its regressions fail the run only with failOnRegression. */
  comparison?: BaselineComparison | undefined;
  /** Regressions beyond the tolerance make the run not ready. */
  failOnRegression?: boolean | undefined;
}

/** Failing budgets, failed fail-level checks, failed scenarios and (when asked) regressions decide the verdict. */
export function decideVerdict(results: Results, evaluations: readonly EvaluatedBudget[], options: VerdictOptions = {}): Verdict {
  const failing: VerdictReason[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.status === 'fail') failing.push({ kind: 'budget', id: evaluation.id, title: describeFailure(evaluation) });
  }
  for (const check of results.checks) {
    if (check.status === 'fail' && check.level === 'fail') failing.push({ kind: 'check', id: check.id, title: `${check.id}: ${check.detail || check.title}` });
  }
  for (const query of results.queries) {
    // A query that errored has no timing, so no budget failed for it; it still fails the run.
    const key = `${query.name} (${query.role}, ${query.paramClass})`;
    if (query.status === 'fail' && query.iterations === 0) failing.push({ kind: 'query', id: key, title: `${key} did not run${query.findings[0] ? `: ${query.findings[0].detail}` : ''}` });
  }
  const schemaFile = results.schema?.file ?? 'schema';
  for (const failure of results.schema?.failures ?? []) {
    failing.push({ kind: 'schema', id: `${schemaFile}:${failure.line}`, title: `${schemaFile}:${failure.line} rejected: ${failure.message}` });
  }
  for (const scenario of results.scenarios) {
    // A scenario its engine failed (e.g. k6 thresholds) counts even when its error rate is within budget.
    if (scenario.status === 'fail' && !failing.some((reason) => reason.id === `error-rate:${scenario.name}`)) {
      failing.push({ kind: 'scenario', id: scenario.name, title: `scenario ${scenario.name} failed${scenario.detail ? `: ${scenario.detail}` : ''}` });
    }
  }
  if (options.failOnRegression && options.comparison) {
    for (const entry of options.comparison.regressions) {
      const change = entry.p95!;
      failing.push({ kind: 'regression', id: entry.key, title: `${entry.label} p95 regressed ${formatPlain(change.beforeMs)} → ${formatPlain(change.afterMs)} ms` });
    }
  }
  const unmeasured = BUDGET_FAMILIES.filter((family) => {
    const members = evaluations.filter((evaluation) => evaluation.family === family);
    return members.length > 0 && members.every((evaluation) => evaluation.status === 'skip');
  }).map((family) => FAMILY_TITLES[family]);
  const count = (status: EvaluatedBudget['status']) => evaluations.filter((evaluation) => evaluation.status === status).length;
  const partial = results.run.partial;
  const status: VerdictStatus = failing.length > 0 ? 'not-ready' : unmeasured.length > 0 || partial ? 'incomplete' : 'ready';
  return {
    status,
    failing,
    unmeasured,
    budgetCounts: { pass: count('pass'), fail: count('fail'), skip: count('skip') },
    partial,
    exitCode: status === 'not-ready' ? 1 : 0,
  };
}

/** "orders_by_user (authenticated, typical) p95 130 ms, budget < 100 ms". */
export function describeFailure(evaluation: EvaluatedBudget): string {
  if (evaluation.measured === null) return `${evaluation.title}: ${evaluation.detail ?? 'not measured'}`;
  return `${evaluation.title} ${formatInUnit(evaluation.measured, evaluation.unit)}, budget ${evaluation.comparison} ${formatInUnit(evaluation.threshold, evaluation.unit)}`;
}

/** Up to 3 significant decimals without trailing zeros; plain enough for a one-line reason. */
export function formatPlain(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}
