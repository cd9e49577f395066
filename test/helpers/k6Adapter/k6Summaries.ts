import type { K6Budgets } from '../../../scenarios/k6/internal/k6Budgets.ts';
import { bucketMetric, failedMetric, type SummaryMetrics } from '../../../scenarios/k6/internal/gomflowSection.ts';
import { ERRORS_METRIC, LATENCY_METRIC, budgetThresholds } from '../../../scenarios/k6/internal/k6Thresholds.ts';
import { bucketOf } from '../../../scenarios/k6/internal/latencyGrid.ts';
import type { K6Endpoint } from '../../../scenarios/k6/internal/scenarioEndpoints.ts';
import { summaryOutput } from '../../../scenarios/k6/internal/summaryOutput.ts';
import { K6State } from './k6State.ts';

export interface RequestSample {
  endpoint: string;
  ms: number;
  ok: boolean;
}

/**
 * The summary.json a script's handleSummary writes for these requests: the adapter's k6 state
 * recording them as endpointRecorder does (Trend, Rate, grid Counters), k6's summary data
 * from it (thresholds judged), then the scripts' own summaryOutput.
 */
export function handleSummaryJson(scenario: string, endpoints: readonly K6Endpoint[], budgets: K6Budgets, samples: readonly RequestSample[]): Record<string, unknown> {
  const state = new K6State({});
  state.declare(LATENCY_METRIC, 'trend', true);
  state.declare(ERRORS_METRIC, 'rate');
  state.declare('http_reqs', 'counter');
  state.declare('iterations', 'counter');
  const index = new Map(endpoints.map((endpoint, i) => [endpoint.name, i]));
  for (const sample of samples) {
    const e = index.get(sample.endpoint)!;
    const tags = { endpoint: sample.endpoint };
    state.add('http_reqs', 1, tags);
    state.add('iterations', 1);
    state.add(ERRORS_METRIC, sample.ok ? 0 : 1, tags);
    const counter = sample.ok ? bucketMetric(e, bucketOf(sample.ms)) : failedMetric(e);
    state.declare(counter, 'counter');
    state.add(counter, 1);
    if (sample.ok) state.add(LATENCY_METRIC, sample.ms, tags);
  }
  const data = state.summaryData({ thresholds: budgetThresholds(endpoints, budgets), summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'] }) as SummaryMetrics & Record<string, unknown>;
  return JSON.parse(summaryOutput(data, scenario, endpoints, budgets, {})['summary.json']!) as Record<string, unknown>;
}

/**
 * The same run as `k6 run --summary-export` writes it (k6 docs, "summary export"): values
 * flattened into each metric, a Rate's share as `value`, threshold values inverted (true =
 * failed), checks keyed by name; k6's own file, so no gomflow section.
 */
export function toSummaryExport(summary: Record<string, unknown>): Record<string, unknown> {
  const metrics = summary.metrics as Record<string, { type: string; values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }>;
  const flat = Object.fromEntries(Object.entries(metrics).map(([name, metric]) => {
    const { rate, ...rest } = metric.values;
    const values = metric.type === 'rate' ? { ...rest, value: rate } : metric.values;
    return [name, { ...values, ...(metric.thresholds ? { thresholds: Object.fromEntries(Object.entries(metric.thresholds).map(([expression, outcome]) => [expression, !outcome.ok])) } : {}) }];
  }));
  const group = summary.root_group as { checks: { name: string }[] };
  return { root_group: { ...group, groups: {}, checks: Object.fromEntries(group.checks.map((check) => [check.name, check])) }, metrics: flat };
}
