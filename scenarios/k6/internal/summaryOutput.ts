import type { K6Budgets } from './k6Budgets.ts';
import { gomflowSection, type SummaryMetrics } from './gomflowSection.ts';
import type { K6Endpoint } from './scenarioEndpoints.ts';

/** Trend figures the summaries carry: k6's defaults, p(99), and `count`, which import-k6 checks the grid counters against. */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

/** Prefix of the one summary line a runner prints when its files are out of reach (k6-operator pods): import-k6 reads it from the log. */
export const SUMMARY_LINE_PREFIX = 'GOMFLOW_K6_SUMMARY ';

/**
 * handleSummary's answer: k6's summary data plus the `gomflow` section, written to
 * GOMFLOW_SUMMARY (default summary.json), and as one prefixed stdout line with
 * GOMFLOW_SUMMARY_STDOUT=1. `setup_data` is left out: it holds the GOMs' access tokens.
 */
export function summaryOutput(data: SummaryMetrics & Record<string, unknown>, scenario: string, endpoints: readonly K6Endpoint[], budgets: K6Budgets, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const { setup_data: _secret, ...kept } = data;
  const json = JSON.stringify({ ...kept, gomflow: gomflowSection(data, scenario, endpoints, budgets) });
  const lines = Object.entries(data.metrics)
    .filter(([name]) => !name.startsWith('gomflow_e'))
    .map(([name, metric]) => `  ${name}: ${Object.entries(metric?.values ?? {}).map(([key, value]) => `${key}=${Math.round(value * 100) / 100}`).join(' ')}`);
  const out: Record<string, string> = { [env.GOMFLOW_SUMMARY || 'summary.json']: json, stdout: `${scenario}\n${lines.join('\n')}\n` };
  if (env.GOMFLOW_SUMMARY_STDOUT === '1') out.stdout += `${SUMMARY_LINE_PREFIX}${json}\n`;
  return out;
}
