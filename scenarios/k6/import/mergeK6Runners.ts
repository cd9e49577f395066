import { createLatencyHistogram, mergeHistograms, summarize, type LatencyHistogram } from '../../../results/histogram.ts';
import type { BudgetEvaluation, EndpointResult, HistogramSummary, ScenarioResult } from '../../../results/resultsModel.ts';
import type { K6Budgets } from '../internal/k6Budgets.ts';
import type { RunnerSummary } from './readK6Summary.ts';
import { runnerEndpoints, type RunnerEndpoint } from './runnerEndpoints.ts';

export interface MergedK6Run {
  scenario: ScenarioResult;
  /** Per endpoint p95 and max against their budgets, from the merged figures. */
  evaluations: BudgetEvaluation[];
}

const APPROXIMATE = 'approximate: the summaries carry no latency grid, so p50–p99 are the highest of the runners\' percentiles, the mean is weighted by each runner\'s request count, min and max are exact';

/**
 * Merges the summaries of one k6 run's runners (one file, or one per k6-operator runner) into
 * the scenario section of results.json. Counts add. Percentiles merge exactly (to the grid's
 * ±2 %) from the latency grid counts, each bucket recorded at its middle value with its count
 * into an HDR histogram; only without grid data are they approximated, and the run says how.
 */
export function mergeK6Runners(runners: readonly RunnerSummary[], budgets: K6Budgets, startedAt: Date, scenarioName?: string): MergedK6Run {
  const perRunner = runners.map(runnerEndpoints);
  const exact = perRunner.every((endpoints) => endpoints.every((endpoint) => endpoint.buckets !== undefined));
  const byName = new Map<string, RunnerEndpoint[]>();
  for (const endpoints of perRunner) for (const endpoint of endpoints) byName.set(endpoint.name, [...(byName.get(endpoint.name) ?? []), endpoint]);
  const histograms: LatencyHistogram[] = [];
  const endpoints: EndpointResult[] = [];
  const evaluations: BudgetEvaluation[] = [];
  const reasons: string[] = [];
  const name = scenarioName ?? runners.find((runner) => runner.gomflow)?.gomflow?.scenario ?? 'k6';
  for (const [endpoint, parts] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let latency: HistogramSummary;
    if (exact) {
      const histogram = gridHistogram(parts);
      histograms.push(histogram);
      latency = summarize(histogram);
    } else latency = approximateLatency(parts, runners);
    const errors = parts.reduce((sum, part) => sum + part.errors, 0);
    const budgetP95Ms = Math.min(...parts.map((part) => part.budgetP95Ms ?? budgets.queryP95Ms));
    endpoints.push({ endpoint, patterns: [...new Set(parts.flatMap((part) => part.patterns))], requests: latency.count + errors, errors, errorsByClass: errors > 0 ? { failed: errors } : {}, latency });
    // Approximate figures may come without a count: a measured max still says requests were answered.
    const timed = latency.count > 0 || (!exact && latency.maxMs > 0);
    for (const [kind, measured, threshold] of [['p95', latency.p95Ms, budgetP95Ms], ['max', latency.maxMs, budgets.queryMaxMs]] as const) {
      const status = !timed ? 'skip' : measured < threshold ? 'pass' : 'fail';
      evaluations.push({ id: `k6:${name}:${endpoint}:${kind}`, title: `${name}: ${endpoint} ${kind}${exact ? '' : ' (approximate)'}`, threshold, measured: timed ? measured : null, unit: 'ms', status, ...(timed ? {} : { detail: 'no answered request' }) });
      if (status === 'fail') reasons.push(`${endpoint} ${kind} ${measured.toFixed(1)} ms (budget < ${threshold} ms)`);
    }
  }
  const { requests, errors } = exact ? { requests: endpoints.reduce((sum, e) => sum + e.requests, 0), errors: endpoints.reduce((sum, e) => sum + e.errors, 0) } : k6Totals(runners);
  const errorRatePct = requests > 0 ? (errors / requests) * 100 : 0;
  if (requests > 0 && errorRatePct >= budgets.errorRatePct) reasons.unshift(`error rate ${errorRatePct.toFixed(2)} % (budget < ${budgets.errorRatePct} %)`);
  const k6Failed = runners.flatMap((runner, i) => Object.entries(runner.thresholds).flatMap(([key, outcomes]) => Object.entries(outcomes).filter(([, ok]) => !ok).map(([expression]) => `runner ${i + 1}: ${key} ${expression}`)));
  const latency = exact ? summarize(mergeHistograms(histograms)) : approximateLatency(endpoints.map((e) => ({ name: e.endpoint, patterns: [], errors: 0, trend: trendOf(e.latency) })), runners);
  const status = requests === 0 ? 'skip' : reasons.length > 0 ? 'fail' : 'pass';
  const ratio = runnerRatio(perRunner);
  const method = exact ? `latency grid counts added across runners (buckets ${((ratio - 1) * 100).toFixed(0)} % wide, each read back at its middle: within ±${((Math.sqrt(ratio) - 1) * 100).toFixed(1)} %)` : APPROXIMATE;
  const provenance = `k6, ${runners.length} runner${runners.length === 1 ? '' : 's'} merged, percentiles ${exact ? `exact to ±${((Math.sqrt(ratio) - 1) * 100).toFixed(1)} %` : APPROXIMATE}`;
  const detail = [status === 'skip' ? 'no request in the summaries' : reasons.join('; '), provenance].filter(Boolean).join('; ');
  const dropped = runners.reduce((sum, runner) => sum + (runner.metrics.dropped_iterations?.count ?? 0), 0);
  return {
    scenario: {
      name,
      engine: 'k6',
      startedAt: startedAt.toISOString(),
      // Runners run side by side: the run lasted as long as the longest.
      durationMs: Math.round(Math.max(0, ...runners.map((runner) => runner.durationMs))),
      requests,
      errors,
      errorRatePct,
      latency,
      timeline: [],
      status,
      ...(detail ? { detail } : {}),
      droppedIterations: dropped,
      errorsByClass: errors > 0 ? { failed: errors } : {},
      endpoints,
      via: 'rest',
      k6: {
        runners: runners.length,
        files: runners.map((runner) => runner.file),
        shapes: [...new Set(runners.map((runner) => runner.shape))],
        percentiles: exact ? 'exact' : 'approximate',
        method,
        checks: runners.reduce((sum, runner) => ({ passes: sum.passes + runner.checks.passes, fails: sum.fails + runner.checks.fails }), { passes: 0, fails: 0 }),
        thresholdsFailed: k6Failed,
      },
    },
    evaluations,
  };
}

/** Requests and failures from k6's own metrics: our error Rate when the script had one, else http_req_failed. */
function k6Totals(runners: readonly RunnerSummary[]): { requests: number; errors: number } {
  let requests = 0;
  let errors = 0;
  for (const { metrics } of runners) {
    const failed = metrics.gomflow_errors ?? metrics.http_req_failed;
    requests += failed ? (failed.passes ?? 0) + (failed.fails ?? 0) : (metrics.http_reqs?.count ?? 0);
    errors += failed?.passes ?? 0;
  }
  return { requests, errors };
}

function runnerRatio(perRunner: RunnerEndpoint[][]): number {
  return perRunner.flat().find((endpoint) => endpoint.ratio)?.ratio ?? 1;
}

/** The runners' grid counts of one endpoint as one HDR histogram: each bucket's middle value, with its count. */
function gridHistogram(parts: readonly RunnerEndpoint[]): LatencyHistogram {
  const histogram = createLatencyHistogram();
  for (const part of parts) {
    for (const bucket of part.buckets ?? []) {
      const middleUs = Math.max(1, Math.round((bucket.upperMs / Math.sqrt(part.ratio ?? 1)) * 1000));
      histogram.recordValueWithCount(Math.min(middleUs, 60_000_000), bucket.count);
    }
  }
  return histogram;
}

function trendOf(latency: HistogramSummary): Record<string, number> {
  return { count: latency.count, avg: latency.meanMs, min: latency.minMs, max: latency.maxMs, med: latency.p50Ms, 'p(90)': latency.p90Ms, 'p(95)': latency.p95Ms, 'p(99)': latency.p99Ms };
}

/** See APPROXIMATE. A runner's Trend without `count` is weighted by its http_reqs. */
function approximateLatency(parts: readonly RunnerEndpoint[], runners: readonly RunnerSummary[]): HistogramSummary {
  const trends = parts.map((part) => part.trend ?? {});
  const weights = trends.map((trend, i) => trend.count ?? runners[i]?.metrics.http_reqs?.count ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const highest = (key: string) => Math.max(0, ...trends.map((trend) => trend[key] ?? trend['p(95)'] ?? 0));
  return {
    count: trends.some((trend) => trend.count !== undefined) ? total : 0,
    minMs: Math.min(...trends.map((trend) => trend.min ?? 0)),
    maxMs: highest('max'),
    meanMs: total > 0 ? trends.reduce((sum, trend, i) => sum + (trend.avg ?? 0) * weights[i]!, 0) / total : 0,
    stdDevMs: 0,
    p50Ms: highest('med'),
    p90Ms: highest('p(90)'),
    p95Ms: highest('p(95)'),
    p99Ms: highest('p(99)'),
    encoded: summarize(createLatencyHistogram()).encoded,
  };
}
