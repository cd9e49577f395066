import { parseMetricKey, parseThreshold } from './k6Thresholds.ts';

/**
 * k6's rules for `options.scenarios` and `options.thresholds`, written from k6's docs
 * (Scenarios › Executors, Thresholds): each executor's required fields, whole numbers where
 * k6 takes them, Go duration strings, maxVUs ≥ preAllocatedVUs, thresholds on metrics of a
 * known type with expressions in k6's grammar. Returns the problems found (none = valid).
 */
const REQUIRED: Record<string, string[]> = {
  'shared-iterations': [],
  'per-vu-iterations': [],
  'constant-vus': ['duration'],
  'ramping-vus': ['stages'],
  'constant-arrival-rate': ['duration', 'rate', 'preAllocatedVUs'],
  'ramping-arrival-rate': ['stages', 'preAllocatedVUs'],
  'externally-controlled': ['duration'],
};
const INTEGERS = ['vus', 'iterations', 'rate', 'preAllocatedVUs', 'maxVUs', 'startRate', 'startVUs'];
const DURATIONS = ['duration', 'timeUnit', 'maxDuration', 'startTime', 'gracefulStop', 'gracefulRampDown'];
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const BUILT_IN_TYPES: Record<string, string> = { http_reqs: 'counter', http_req_duration: 'trend', http_req_failed: 'rate', iterations: 'counter', iteration_duration: 'trend', checks: 'rate', dropped_iterations: 'counter' };

export function validateK6Options(options: { scenarios?: Record<string, Record<string, unknown>>; thresholds?: Record<string, string[]> }, metricTypes: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, scenario] of Object.entries(options.scenarios ?? {})) {
    const executor = String(scenario.executor);
    const required = REQUIRED[executor];
    if (!required) {
      problems.push(`scenario ${name}: unknown executor ${executor}`);
      continue;
    }
    for (const field of required) if (scenario[field] === undefined) problems.push(`scenario ${name}: ${executor} needs ${field}`);
    for (const field of INTEGERS) if (scenario[field] !== undefined && !(Number.isInteger(scenario[field]) && (scenario[field] as number) >= 0)) problems.push(`scenario ${name}: ${field} must be a whole number, got ${String(scenario[field])}`);
    for (const field of DURATIONS) if (scenario[field] !== undefined && !GO_DURATION.test(String(scenario[field]))) problems.push(`scenario ${name}: ${field} ${String(scenario[field])} is no duration`);
    if (typeof scenario.maxVUs === 'number' && typeof scenario.preAllocatedVUs === 'number' && scenario.maxVUs < scenario.preAllocatedVUs) problems.push(`scenario ${name}: maxVUs below preAllocatedVUs`);
    if (scenario.stages !== undefined) {
      if (!Array.isArray(scenario.stages) || scenario.stages.length === 0) problems.push(`scenario ${name}: stages must be a non-empty list`);
      else for (const stage of scenario.stages as { duration?: unknown; target?: unknown }[]) {
        if (!GO_DURATION.test(String(stage.duration))) problems.push(`scenario ${name}: stage duration ${String(stage.duration)} is no duration`);
        if (!Number.isInteger(stage.target) || (stage.target as number) < 0) problems.push(`scenario ${name}: stage target ${String(stage.target)} must be a whole number`);
      }
    }
    if (scenario.exec !== undefined && typeof scenario.exec !== 'string') problems.push(`scenario ${name}: exec must name an exported function`);
  }
  for (const [key, expressions] of Object.entries(options.thresholds ?? {})) {
    try {
      const { metric } = parseMetricKey(key);
      const type = metricTypes[metric] ?? BUILT_IN_TYPES[metric];
      if (!type) throw new Error(`threshold on unknown metric ${metric}`);
      for (const expression of expressions) parseThreshold(expression, type);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}
