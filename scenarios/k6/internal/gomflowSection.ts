import type { K6Budgets } from './k6Budgets.ts';
import { bucketUpperMs, GRID_BUCKETS, GRID_MAX_MS, GRID_MIN_MS, GRID_RATIO } from './latencyGrid.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';

/** k6 metric names of an endpoint's grid counters (its index in the script's endpoint list, the bucket) and failures. */
export const bucketMetric = (endpoint: number, bucket: number) => `gomflow_e${endpoint}_b${bucket}`;
export const failedMetric = (endpoint: number) => `gomflow_e${endpoint}_err`;

/** Version of the custom summary section; import-k6 refuses others. */
export const GOMFLOW_SECTION_VERSION = 1;

/** One endpoint's latency counts on the grid (only buckets with samples) and its failures. */
export interface SectionEndpoint {
  budgetP95Ms: number;
  patterns: string[];
  /** Upper bound of each bucket with samples, ms, ascending. */
  bucketUpperMs: number[];
  counts: number[];
  errors: number;
}

/** What handleSummary adds to k6's summary JSON as `gomflow`: enough to merge runners exactly. */
export interface GomflowSection {
  version: number;
  scenario: string;
  grid: { minMs: number; maxMs: number; ratio: number };
  budgets: K6Budgets;
  endpoints: Record<string, SectionEndpoint>;
}

/** The slice of k6's handleSummary data this reads: counters' totals by metric name. */
export interface SummaryMetrics {
  metrics: Record<string, { type?: string; values: Record<string, number> } | undefined>;
}

/** Builds the section from the summary's counter totals. */
export function gomflowSection(data: SummaryMetrics, scenario: string, endpoints: readonly K6Endpoint[], budgets: K6Budgets): GomflowSection {
  const total = (name: string) => data.metrics[name]?.values.count ?? 0;
  const section: GomflowSection = { version: GOMFLOW_SECTION_VERSION, scenario, grid: { minMs: GRID_MIN_MS, maxMs: GRID_MAX_MS, ratio: GRID_RATIO }, budgets, endpoints: {} };
  endpoints.forEach((endpoint, e) => {
    const entry: SectionEndpoint = { budgetP95Ms: endpoint.budgetP95Ms, patterns: endpoint.patterns, bucketUpperMs: [], counts: [], errors: total(failedMetric(e)) };
    for (let b = 0; b < GRID_BUCKETS; b++) {
      const count = total(bucketMetric(e, b));
      if (count === 0) continue;
      entry.bucketUpperMs.push(bucketUpperMs(b));
      entry.counts.push(count);
    }
    section.endpoints[endpoint.name] = entry;
  });
  return section;
}
