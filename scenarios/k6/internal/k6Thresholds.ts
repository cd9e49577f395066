import type { K6Budgets } from './k6Budgets.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';

/** The Trend every tagged request records into (ms), and the Rate of its failures: what the thresholds read. */
export const LATENCY_METRIC = 'gomflow_latency';
export const ERRORS_METRIC = 'gomflow_errors';

/**
 * k6 thresholds from the harness's budgets: per endpoint p95 and max on the answered requests,
 * the error rate over all of them. They read the same samples the importer judges, so a run
 * k6 fails (exit 99) is a run the report calls NOT READY.
 */
export function budgetThresholds(endpoints: readonly K6Endpoint[], budgets: K6Budgets): Record<string, string[]> {
  const thresholds: Record<string, string[]> = { [ERRORS_METRIC]: [`rate<${budgets.errorRatePct / 100}`] };
  for (const endpoint of endpoints) {
    thresholds[`${LATENCY_METRIC}{endpoint:${endpoint.name}}`] = [`p(95)<${endpoint.budgetP95Ms}`, `max<${budgets.queryMaxMs}`];
  }
  return thresholds;
}
