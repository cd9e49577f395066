import { readFile } from 'node:fs/promises';
import { GomflowError } from '../../../core/errors.ts';
import type { GomflowSection } from '../internal/gomflowSection.ts';
import { GOMFLOW_SECTION_VERSION } from '../internal/gomflowSection.ts';
import { SUMMARY_LINE_PREFIX } from '../internal/summaryOutput.ts';

/** One runner's summary, whichever shape it came in, with threshold results the right way round. */
export interface RunnerSummary {
  file: string;
  /** handleSummary: k6's summary data (our scripts' summary.json); summary-export: `k6 run --summary-export`. */
  shape: 'handleSummary' | 'summary-export';
  /** Metric values by name or `name{tag:value}`: count, rate, avg, p(95) … (summary-export's Rate `value` read as `rate`). */
  metrics: Record<string, Record<string, number>>;
  /** Threshold outcome by metric key and expression: true when it held. */
  thresholds: Record<string, Record<string, boolean>>;
  checks: { passes: number; fails: number };
  /** The run's duration, ms: handleSummary's state.testRunDurationMs, else iterations ÷ their rate. */
  durationMs: number;
  gomflow?: GomflowSection;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a k6 summary: JSON as handleSummary wrote it or as --summary-export wrote it, or a
 * runner's log holding the GOMFLOW_K6_SUMMARY line (k6-operator pods). A file that is none of
 * these is refused naming the file and what is wrong (exit 2).
 */
export async function readK6Summary(file: string): Promise<RunnerSummary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new GomflowError('E_FILE_NOT_FOUND', `${file}: cannot read the file`);
  }
  const line = text.split('\n').find((candidate) => candidate.startsWith(SUMMARY_LINE_PREFIX));
  let json: unknown;
  try {
    json = JSON.parse(line ? line.slice(SUMMARY_LINE_PREFIX.length) : text);
  } catch {
    throw new GomflowError('E_USAGE', `${file}: not a k6 summary; reason: expected JSON (handleSummary or --summary-export) or a log with a ${SUMMARY_LINE_PREFIX.trim()} line`);
  }
  return parseK6Summary(file, json);
}

/** Normalises parsed summary JSON (see readK6Summary). */
export function parseK6Summary(file: string, json: unknown): RunnerSummary {
  const bad = (reason: string) => new GomflowError('E_USAGE', `${file}: not a k6 summary; reason: ${reason}`);
  if (!isObject(json) || !isObject(json.metrics)) throw bad('expected an object with `metrics`');
  // handleSummary nests values under `values` (and says `type`); --summary-export flattens them.
  const nested = Object.values(json.metrics).some((metric) => isObject(metric) && isObject(metric.values));
  const metrics: RunnerSummary['metrics'] = {};
  const thresholds: RunnerSummary['thresholds'] = {};
  for (const [name, metric] of Object.entries(json.metrics)) {
    if (!isObject(metric)) throw bad(`metric ${name} is not an object`);
    const source = nested ? metric.values : metric;
    if (!isObject(source)) throw bad(`metric ${name} has no values`);
    const values: Record<string, number> = {};
    for (const [key, value] of Object.entries(source)) if (typeof value === 'number') values[key === 'value' && 'passes' in source ? 'rate' : key] = value;
    metrics[name] = values;
    if (isObject(metric.thresholds)) {
      // --summary-export writes true for a threshold that FAILED (k6 #1498); handleSummary writes { ok }.
      thresholds[name] = Object.fromEntries(Object.entries(metric.thresholds).map(([expression, outcome]) => [expression, nested ? Boolean(isObject(outcome) && outcome.ok) : outcome === false]));
    }
  }
  const rootChecks = isObject(json.root_group) ? json.root_group.checks : undefined;
  const checkList = Array.isArray(rootChecks) ? rootChecks : isObject(rootChecks) ? Object.values(rootChecks) : [];
  const checks = { passes: 0, fails: 0 };
  for (const check of checkList) {
    if (!isObject(check)) continue;
    checks.passes += Number(check.passes ?? 0);
    checks.fails += Number(check.fails ?? 0);
  }
  const state = isObject(json.state) ? json.state : undefined;
  const iterations = metrics.iterations;
  const durationMs = typeof state?.testRunDurationMs === 'number' ? state.testRunDurationMs : iterations?.count && iterations.rate ? (iterations.count / iterations.rate) * 1000 : 0;
  const summary: RunnerSummary = { file, shape: nested ? 'handleSummary' : 'summary-export', metrics, thresholds, checks, durationMs };
  if (json.gomflow !== undefined) {
    const section = json.gomflow;
    if (!isObject(section) || section.version !== GOMFLOW_SECTION_VERSION || !isObject(section.endpoints)) throw bad(`its gomflow section is not version ${GOMFLOW_SECTION_VERSION} of the harness's (rebuild the scripts with npm run build:k6)`);
    summary.gomflow = section as unknown as GomflowSection;
  }
  return summary;
}
