import type { PlanThresholds } from '../core/config/configSchema.ts';
import { createLatencyHistogram, recordMs, summarize } from '../results/histogram.ts';
import type { QueryFinding, QueryResult } from '../results/resultsModel.ts';
import type { TaskMeasurement } from './measureTask.ts';
import type { NestedPlan } from './nestedPlans.ts';
import { genericPlanFinding } from './planCacheModes.ts';
import { readPlan, sortFindings } from './readPlan.ts';

export interface BudgetDefaults {
  queryP95Ms: number;
  queryMaxMs: number;
}

/**
 * The queries-section entry of one measured task: HDR latencies, the median EXPLAIN run's
 * times and plan, the plan reader's findings, and the verdict against the query's budget
 * (its header's override, else the configured one). A task that failed is "fail" with an
 * `error` finding; one that could not run for want of data has no samples and passes, so the
 * report shows its budgets as not measured.
 */
export function toQueryResult(measurement: TaskMeasurement, budgets: BudgetDefaults, thresholds: PlanThresholds): QueryResult {
  const { task } = measurement;
  const histogram = createLatencyHistogram();
  for (const ms of measurement.latenciesMs) recordMs(histogram, ms);
  const latency = summarize(histogram);
  const budget = { p95Ms: task.query.budget.p95Ms ?? budgets.queryP95Ms, maxMs: task.query.budget.maxMs ?? budgets.queryMaxMs };
  const explain = medianExplain(measurement);
  const findings: QueryFinding[] = [];
  if (measurement.error) findings.push({ kind: 'error', detail: `${task.role} could not run it: ${measurement.error}` });
  if (measurement.rowsReturned === 0) {
    findings.push({
      kind: 'emptyResult',
      detail:
        task.role === 'service_role'
          ? 'returned no rows as service_role (RLS bypassed): nothing matched these parameters'
          : `returned no rows as ${task.role}${task.role === 'authenticated' ? ` (sub ${task.rows[0]?.sub ?? task.defaultSub})` : ''}; if service_role finds rows for the same parameters, RLS hides them from this role`,
    });
  }
  const generic = measurement.planModes ? genericPlanFinding(measurement.planModes, explain?.plan, thresholds) : undefined;
  findings.push(...sortFindings([...(explain ? readPlan(explain.plan, thresholds) : []), ...(generic ? [generic] : []), ...measurement.nestedPlans.flatMap((nested) => nestedFindings(nested, thresholds))]));
  if (measurement.capped) {
    findings.push({
      kind: 'timeCapped',
      detail: `stopped after ${measurement.latenciesMs.length} timed executions: the time cap was spent`,
      numbers: { iterations: measurement.latenciesMs.length },
    });
  }
  const timed = latency.count > 0;
  const overBudget = timed && (latency.p95Ms >= budget.p95Ms || latency.maxMs >= budget.maxMs);
  return {
    name: task.query.name,
    role: task.role,
    paramClass: task.paramClass,
    iterations: measurement.latenciesMs.length,
    latency,
    ...(explain?.planningMs !== undefined ? { planningMs: explain.planningMs } : {}),
    ...(explain?.executionMs !== undefined ? { executionMs: explain.executionMs } : {}),
    findings,
    ...(explain ? { plan: explain.plan } : {}),
    status: measurement.error || overBudget ? 'fail' : 'pass',
    budget,
  };
}

/** A query that could not be measured because its sampling query found no parameters. */
export function unmeasuredResult(name: string, role: string, paramClass: QueryResult['paramClass'], reason: string, budget: QueryResult['budget']): QueryResult {
  return {
    name,
    role,
    paramClass,
    iterations: 0,
    latency: summarize(createLatencyHistogram()),
    findings: [{ kind: 'notMeasured', detail: reason }],
    status: 'pass',
    budget,
  };
}

function medianExplain(measurement: TaskMeasurement) {
  const runs = [...measurement.explains].sort((a, b) => (a.executionMs ?? 0) - (b.executionMs ?? 0));
  return runs[Math.floor((runs.length - 1) / 2)];
}

/** A function statement's plan read like a top-level one: its problems, prefixed, and one functionStatement line in place of its summary. */
function nestedFindings(nested: NestedPlan, thresholds: PlanThresholds): QueryFinding[] {
  const text = nested.queryText.replace(/\s+/g, ' ').trim();
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return readPlan(nested.plan, thresholds).map((finding) =>
    finding.kind === 'planSummary'
      ? { kind: 'functionStatement', node: short, detail: `the called function ran this statement in ${nested.durationMs.toFixed(2)} ms; ${finding.detail}`, numbers: { durationMs: nested.durationMs, ...finding.numbers } }
      : { ...finding, node: `function › ${finding.node ?? short}`, detail: `inside the called function (${short}): ${finding.detail}` },
  );
}
