import { GomflowError } from '../../../core/errors.ts';
import { bucketMetric, failedMetric } from '../internal/gomflowSection.ts';
import { bucketUpperMs, GRID_BUCKETS, GRID_RATIO } from '../internal/latencyGrid.ts';
import { LATENCY_METRIC } from '../internal/k6Thresholds.ts';
import { byEndpointName } from '../internal/scenarioEndpoints.ts';
import type { RunnerSummary } from './readK6Summary.ts';

/** One endpoint of one runner: grid counts (exact) or k6's Trend figures (approximate). */
export interface RunnerEndpoint {
  name: string;
  budgetP95Ms?: number;
  patterns: string[];
  errors: number;
  /** Grid buckets with samples: upper bound, ms, and count; absent when only k6's Trend figures exist. */
  buckets?: { upperMs: number; count: number }[];
  /** The grid's bucket ratio (upper ÷ lower bound). */
  ratio?: number;
  /** k6's figures of the endpoint's Trend (avg, min, med, max, p(90), p(95), count …). */
  trend?: Record<string, number>;
}

const SUB_METRIC = new RegExp(`^(?:${LATENCY_METRIC}|http_req_duration)\\{endpoint:(.+)\\}$`);

/**
 * A runner's endpoints. From the gomflow section when handleSummary wrote one; else from the
 * grid counters k6 itself exported (--summary-export), numbered as the script numbered them:
 * in the order of the endpoint names its thresholds carry; else only k6's Trend figures.
 */
export function runnerEndpoints(summary: RunnerSummary): RunnerEndpoint[] {
  if (summary.gomflow) {
    const { ratio } = summary.gomflow.grid;
    return Object.entries(summary.gomflow.endpoints).map(([name, e]) => ({
      name,
      budgetP95Ms: e.budgetP95Ms,
      patterns: e.patterns,
      errors: e.errors,
      ratio,
      buckets: e.bucketUpperMs.map((upperMs, i) => ({ upperMs, count: e.counts[i] ?? 0 })),
    }));
  }
  const named = Object.keys(summary.metrics)
    .map((key) => ({ key, name: SUB_METRIC.exec(key)?.[1] }))
    .filter((entry): entry is { key: string; name: string } => entry.name !== undefined && entry.key.startsWith(LATENCY_METRIC));
  const names = [...new Set(named.map((entry) => entry.name))].sort(byEndpointName);
  const hasCounters = Object.keys(summary.metrics).some((key) => /^gomflow_e\d+_(b\d+|err)$/.test(key));
  if (hasCounters && names.length > 0) {
    return names.map((name, e) => {
      const buckets: { upperMs: number; count: number }[] = [];
      for (let b = 0; b < GRID_BUCKETS; b++) {
        const count = summary.metrics[bucketMetric(e, b)]?.count ?? 0;
        if (count > 0) buckets.push({ upperMs: bucketUpperMs(b), count });
      }
      const trend = summary.metrics[`${LATENCY_METRIC}{endpoint:${name}}`];
      const counted = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
      if (trend?.count !== undefined && trend.count !== counted) {
        throw new GomflowError('E_USAGE', `${summary.file}: the grid counters of endpoint ${e} hold ${counted} requests but ${name} has ${trend.count}; reason: the script that wrote it numbers its endpoints differently (rebuild with npm run build:k6)`);
      }
      return { name, patterns: [], errors: summary.metrics[failedMetric(e)]?.count ?? 0, ratio: GRID_RATIO, buckets, ...budgetOf(summary, name) };
    });
  }
  const trends = Object.keys(summary.metrics)
    .map((key) => ({ key, name: SUB_METRIC.exec(key)?.[1] }))
    .filter((entry): entry is { key: string; name: string } => entry.name !== undefined);
  const chosen = new Map<string, string>();
  // Our own Trend first: it is what the thresholds judged; http_req_duration{endpoint} otherwise.
  for (const entry of trends) if (!chosen.has(entry.name) || entry.key.startsWith(LATENCY_METRIC)) chosen.set(entry.name, entry.key);
  return [...chosen].sort(([a], [b]) => byEndpointName(a, b)).map(([name, key]) => ({ name, patterns: [], errors: 0, trend: summary.metrics[key]!, ...budgetOf(summary, name) }));
}

/** The p95 budget a runner's thresholds carried for an endpoint. */
function budgetOf(summary: RunnerSummary, name: string): { budgetP95Ms?: number } {
  const expressions = Object.keys(summary.thresholds[`${LATENCY_METRIC}{endpoint:${name}}`] ?? {});
  const p95 = expressions.map((expression) => /^\s*p\(95\)\s*<\s*([\d.]+)\s*$/.exec(expression)?.[1]).find((value) => value !== undefined);
  return p95 === undefined ? {} : { budgetP95Ms: Number(p95) };
}
