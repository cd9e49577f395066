import { Counter, Rate, Trend } from 'k6/metrics';
import { bucketMetric, failedMetric } from './gomflowSection.ts';
import { bucketOf, GRID_BUCKETS } from './latencyGrid.ts';
import { ERRORS_METRIC, LATENCY_METRIC } from './k6Thresholds.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';

export interface EndpointRecorder {
  /** One request or exchange: its latency counts only when it succeeded, as the Node drivers record it. */
  record(endpoint: string, ms: number, ok: boolean): void;
}

/**
 * Declares, in the init context (k6 allows new metrics nowhere else), one Counter per latency
 * bucket per endpoint, a failure Counter per endpoint, and the Trend and Rate the thresholds
 * read. Only counters that were added to reach the summary, so it stays small.
 */
export function endpointRecorder(endpoints: readonly K6Endpoint[]): EndpointRecorder {
  const latency = new Trend(LATENCY_METRIC, true);
  const errors = new Rate(ERRORS_METRIC);
  const index = new Map(endpoints.map((endpoint, i) => [endpoint.name, i]));
  const buckets = endpoints.map((_, e) => Array.from({ length: GRID_BUCKETS }, (_, b) => new Counter(bucketMetric(e, b))));
  const failed = endpoints.map((_, e) => new Counter(failedMetric(e)));
  return {
    record(endpoint, ms, ok) {
      const e = index.get(endpoint);
      if (e === undefined) throw new Error(`endpoint '${endpoint}' is not declared by this script`);
      const tags = { endpoint };
      errors.add(!ok, tags);
      if (!ok) return failed[e]!.add(1);
      latency.add(ms, tags);
      buckets[e]![bucketOf(ms)]!.add(1);
    },
  };
}
