import { checklistCoverage, type ChecklistCoverage } from './checklistCoverage.ts';
import { compareToBaseline, DEFAULT_TOLERANCE, throughput, type BaselineComparison, type BaselineEntry, type RegressionTolerance } from './compareBaseline.ts';
import { decideVerdict, type Verdict } from './decideVerdict.ts';
import { BUDGET_FAMILIES, evaluateBudgets, FAMILY_TITLES, queryKey, queryLabel, type BudgetFamily, type EvaluatedBudget } from './evaluateBudgets.ts';
import { latencyAxis, latencyBins, type LatencyAxis } from './latencyBins.ts';
import { planText } from './planText.ts';
import type { HistogramSummary, QueryFinding, Results, ScenarioResult } from '../results/resultsModel.ts';
import { scrubDeep } from '../core/redact.ts';

/** What a report adds to the results: a baseline and how to judge it. */
export interface ReportExtra {
  /** Results of the baseline run to compare with. */
  baseline?: Results | undefined;
  /** Regression tolerance; default p95 +20 % and at least +5 ms. */
  tolerance?: RegressionTolerance | undefined;
  /** Regressions make the run not ready. */
  failOnRegression?: boolean | undefined;
}

/** One row of the budget table: a family of per-query or per-scenario budgets, or a single budget. */
export interface BudgetRow {
  family: BudgetFamily;
  title: string;
  status: 'pass' | 'fail' | 'skip';
  /** Members; more than one for the per-query and per-scenario families. */
  members: EvaluatedBudget[];
  /** The member with the highest measurement (for "<" budgets) or the first failing one. */
  worst: EvaluatedBudget | undefined;
  counts: { pass: number; fail: number; skip: number };
}

export interface QueryRow {
  key: string;
  label: string;
  name: string;
  role: string;
  paramClass: string;
  iterations: number;
  latency: HistogramSummary;
  planningMs: number | undefined;
  executionMs: number | undefined;
  budgetP95Ms: number;
  budgetMaxMs: number;
  p95Status: 'pass' | 'fail' | 'skip';
  maxStatus: 'pass' | 'fail' | 'skip';
  status: 'pass' | 'fail' | 'skip';
  findings: QueryFinding[];
  plan: string | undefined;
  /** Sample counts per bin of the report's latency axis; null when the histogram did not decode. */
  bins: number[] | null;
  change: BaselineEntry | undefined;
}

export interface SeriesPoint {
  /** Seconds since the scenario started. */
  t: number;
  value: number;
}

export interface ScenarioView {
  scenario: ScenarioResult;
  /** Requests per second over the whole scenario. */
  throughputRps: number;
  errorBudget: EvaluatedBudget | undefined;
  series: { throughput: SeriesPoint[]; p50: SeriesPoint[]; p95: SeriesPoint[]; p99: SeriesPoint[]; errorPct: SeriesPoint[]; connections: SeriesPoint[]; poolWait: SeriesPoint[]; poolWaitMax: SeriesPoint[]; subscribers: SeriesPoint[]; rlsMsPerChange: SeriesPoint[] };
  bins: number[] | null;
  change: BaselineEntry | undefined;
}

/** Everything a renderer prints, computed once: renderers only format and lay out. */
export interface ReportModel {
  /** The results with secrets scrubbed from every string. */
  results: Results;
  evaluations: EvaluatedBudget[];
  budgetRows: BudgetRow[];
  verdict: Verdict;
  coverage: ChecklistCoverage;
  axis: LatencyAxis;
  queries: QueryRow[];
  scenarios: ScenarioView[];
  comparison: BaselineComparison | undefined;
  failOnRegression: boolean;
}

/** Computes the report of one run (and its baseline) from results.json alone. */
export function buildReport(raw: Results, extra: ReportExtra = {}): ReportModel {
  const results = scrubDeep(raw);
  const tolerance = extra.tolerance ?? DEFAULT_TOLERANCE;
  const comparison = extra.baseline ? compareToBaseline(results, scrubDeep(extra.baseline), tolerance) : undefined;
  const failOnRegression = extra.failOnRegression ?? false;
  const evaluations = evaluateBudgets(results);
  const verdict = decideVerdict(results, evaluations, { comparison, failOnRegression });
  const byId = new Map(evaluations.map((evaluation) => [evaluation.id, evaluation]));
  const changeOf = (kind: BaselineEntry['kind'], key: string) => comparison?.entries.find((entry) => entry.kind === kind && entry.key === key);
  const measuredLatencies = [...results.queries.map((q) => q.latency), ...results.scenarios.map((s) => s.latency)].filter((l) => l.count > 0);
  const axis = latencyAxis(
    measuredLatencies.map((l) => l.minMs),
    [...measuredLatencies.map((l) => l.maxMs), ...results.queries.map((q) => q.budget.p95Ms)],
  );
  const queries = results.queries.map((query): QueryRow => {
    const key = queryKey(query);
    const p95Status = byId.get(`query-p95:${key}`)?.status ?? 'skip';
    const maxStatus = byId.get(`query-max:${key}`)?.status ?? 'skip';
    return {
      key,
      label: queryLabel(query),
      name: query.name,
      role: query.role,
      paramClass: query.paramClass,
      iterations: query.iterations,
      latency: query.latency,
      planningMs: query.planningMs,
      executionMs: query.executionMs,
      budgetP95Ms: query.budget.p95Ms,
      budgetMaxMs: query.budget.maxMs,
      p95Status,
      maxStatus,
      status: p95Status === 'fail' || maxStatus === 'fail' ? 'fail' : p95Status === 'skip' ? 'skip' : 'pass',
      findings: query.findings,
      plan: query.plan === undefined ? undefined : planText(query.plan),
      bins: query.latency.count > 0 ? latencyBins(query.latency.encoded, axis) : null,
      change: changeOf('query', key),
    };
  });
  const scenarios = results.scenarios.map(
    (scenario): ScenarioView => ({
      scenario,
      throughputRps: throughput(scenario.requests, scenario.durationMs),
      errorBudget: byId.get(`error-rate:${scenario.name}`),
      series: timelineSeries(scenario),
      bins: scenario.latency.count > 0 ? latencyBins(scenario.latency.encoded, axis) : null,
      change: changeOf('scenario', scenario.name),
    }),
  );
  return {
    results,
    evaluations,
    budgetRows: budgetRows(evaluations),
    verdict,
    coverage: checklistCoverage(results, evaluations),
    axis,
    queries: sortWorstFirst(queries),
    scenarios,
    comparison,
    failOnRegression,
  };
}

const AGGREGATED: ReadonlySet<BudgetFamily> = new Set(['query-p95', 'query-max', 'error-rate']);

function budgetRows(evaluations: readonly EvaluatedBudget[]): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const family of BUDGET_FAMILIES) {
    const members = evaluations.filter((evaluation) => evaluation.family === family);
    const groups = AGGREGATED.has(family) ? (members.length ? [members] : []) : members.map((member) => [member]);
    for (const group of groups) {
      const counts = { pass: 0, fail: 0, skip: 0 };
      for (const member of group) counts[member.status] += 1;
      const measured = group.filter((member) => member.measured !== null);
      const worst =
        group.find((member) => member.status === 'fail' && member.comparison === '=') ??
        measured.reduce<EvaluatedBudget | undefined>((top, member) => (!top || member.measured! > top.measured! ? member : top), undefined);
      rows.push({
        family,
        title: group.length > 1 || AGGREGATED.has(family) ? FAMILY_TITLES[family] : group[0]!.title,
        status: counts.fail > 0 ? 'fail' : counts.pass > 0 ? 'pass' : 'skip',
        members: group,
        worst,
        counts,
      });
    }
  }
  return rows;
}

function sortWorstFirst(rows: QueryRow[]): QueryRow[] {
  const rank = { fail: 0, pass: 1, skip: 2 } as const;
  return [...rows].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      Number(Boolean(b.change?.p95?.regression)) - Number(Boolean(a.change?.p95?.regression)) ||
      b.latency.p95Ms - a.latency.p95Ms ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function timelineSeries(scenario: ScenarioResult): ScenarioView['series'] {
  const series: ScenarioView['series'] = { throughput: [], p50: [], p95: [], p99: [], errorPct: [], connections: [], poolWait: [], poolWaitMax: [], subscribers: [], rlsMsPerChange: [] };
  let previous = 0;
  for (const point of scenario.timeline) {
    const t = point.t / 1000;
    const seconds = (point.t - previous) / 1000;
    previous = point.t;
    series.throughput.push({ t, value: seconds > 0 ? point.requests / seconds : 0 });
    series.p95.push({ t, value: point.p95Ms });
    if (point.p50Ms !== undefined) series.p50.push({ t, value: point.p50Ms });
    if (point.p99Ms !== undefined) series.p99.push({ t, value: point.p99Ms });
    series.errorPct.push({ t, value: point.requests > 0 ? (point.errors / point.requests) * 100 : 0 });
    if (point.connections !== undefined) series.connections.push({ t, value: point.connections });
    if (point.poolWaitMs !== undefined) series.poolWait.push({ t, value: point.poolWaitMs });
    if (point.poolWaitMaxMs !== undefined) series.poolWaitMax.push({ t, value: point.poolWaitMaxMs });
  }
  for (const point of scenario.realtime?.timeline ?? []) {
    series.subscribers.push({ t: point.t / 1000, value: point.connected });
    if (point.rlsMsPerChange !== undefined) series.rlsMsPerChange.push({ t: point.t / 1000, value: point.rlsMsPerChange });
  }
  return series;
}
