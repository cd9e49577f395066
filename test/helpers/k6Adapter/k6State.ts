import { holds, parseMetricKey, parseThreshold } from './k6Thresholds.ts';

type MetricType = 'counter' | 'rate' | 'trend' | 'gauge';
interface Sample { value: number; tags: Record<string, string> }

/**
 * What the adapter's k6 modules record during a run, and k6's handleSummary data built from
 * it in k6's documented shape (metrics by name with type, contains, values and thresholds;
 * root_group with checks; state.testRunDurationMs). Lives on globalThis so a bundle that inlines
 * the adapter modules and the test share it.
 */
export class K6State {
  readonly metrics = new Map<string, { type: MetricType; isTime: boolean; samples: Sample[] }>();
  readonly checks = new Map<string, { passes: number; fails: number }>();
  readonly startedAt = performance.now();

  constructor(readonly env: Record<string, string>, readonly files: Record<string, Uint8Array> = {}) {}

  declare(name: string, type: MetricType, isTime = false): void {
    if (!this.metrics.has(name)) this.metrics.set(name, { type, isTime, samples: [] });
  }

  add(name: string, value: number, tags: Record<string, string> = {}): void {
    const metric = this.metrics.get(name);
    if (!metric) throw new Error(`metric ${name} was not declared`);
    metric.samples.push({ value, tags });
  }

  check(name: string, ok: boolean): void {
    const entry = this.checks.get(name) ?? { passes: 0, fails: 0 };
    entry[ok ? 'passes' : 'fails'] += 1;
    this.checks.set(name, entry);
    this.add('checks', ok ? 1 : 0);
  }

  /** handleSummary's data: observed metrics only, threshold sub-metrics from their tags. */
  summaryData(options: { thresholds?: Record<string, string[]>; summaryTrendStats?: string[] }): Record<string, unknown> {
    const durationS = (performance.now() - this.startedAt) / 1000;
    const stats = options.summaryTrendStats ?? ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
    const metrics: Record<string, unknown> = {};
    const describe = (type: MetricType, isTime: boolean, samples: Sample[]) => ({ type, contains: isTime ? 'time' : 'default', values: values(type, samples.map((s) => s.value), stats, durationS) });
    for (const [name, metric] of this.metrics) if (metric.samples.length > 0) metrics[name] = describe(metric.type, metric.isTime, metric.samples);
    for (const [key, expressions] of Object.entries(options.thresholds ?? {})) {
      const { metric: name, tags } = parseMetricKey(key);
      const metric = this.metrics.get(name);
      if (!metric) continue;
      const samples = metric.samples.filter((s) => Object.entries(tags).every(([tag, value]) => s.tags[tag] === value));
      const entry = (metrics[key] ??= describe(metric.type, metric.isTime, samples)) as { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> };
      entry.thresholds = Object.fromEntries(expressions.map((expression) => {
        const parsed = parseThreshold(expression, metric.type);
        const measured = entry.values[parsed.aggregation] ?? (parsed.aggregation === 'rate' ? 0 : NaN);
        return [expression, { ok: holds(parsed, measured) }];
      }));
    }
    return {
      options: { summaryTrendStats: stats, summaryTimeUnit: '', noColor: false },
      state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: durationS * 1000 },
      metrics,
      root_group: { name: '', path: '', id: 'd41d8cd98f00b204e9800998ecf8427e', groups: [], checks: [...this.checks].map(([name, c]) => ({ name, path: `::${name}`, id: name, ...c })) },
    };
  }
}

function values(type: MetricType, list: number[], stats: string[], durationS: number): Record<string, number> {
  if (type === 'counter') {
    const count = list.reduce((a, b) => a + b, 0);
    return { count, rate: count / durationS };
  }
  if (type === 'rate') {
    const passes = list.filter((v) => v !== 0).length;
    return { rate: list.length ? passes / list.length : 0, passes, fails: list.length - passes };
  }
  if (type === 'gauge') return { value: list.at(-1) ?? 0, min: Math.min(...list), max: Math.max(...list) };
  // A threshold's sub-metric that saw no sample reads 0 in k6 (so `p(95)<100` holds on a runner that never hit the endpoint).
  if (list.length === 0) return Object.fromEntries([...stats, 'count'].map((stat) => [stat, 0]));
  const sorted = [...list].sort((a, b) => a - b);
  // k6's Trend percentile: linear interpolation between the closest ranks.
  const at = (p: number) => {
    const rank = (p / 100) * (sorted.length - 1);
    const low = Math.floor(rank);
    return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (rank - low);
  };
  const all: Record<string, number> = { avg: sorted.reduce((a, b) => a + b, 0) / sorted.length, min: sorted[0]!, med: at(50), max: sorted.at(-1)!, count: sorted.length };
  return Object.fromEntries(stats.map((stat) => {
    const p = /^p\(([\d.]+)\)$/.exec(stat);
    return [stat, p ? at(Number(p[1])) : all[stat]!];
  }));
}

/** The state of the run in progress (set by runK6Script). */
export function k6State(): K6State {
  const state = (globalThis as { __k6State?: K6State }).__k6State;
  if (!state) throw new Error('no k6 adapter run in progress');
  return state;
}
