/**
 * k6's threshold grammar, written from k6's docs (Thresholds): `<aggregation> <operator> <value>`,
 * the aggregations a metric type allows, and a metric key `name` or `name{tag:value,…}`.
 */
const AGGREGATIONS: Record<string, RegExp> = {
  counter: /^(count|rate)$/,
  gauge: /^value$/,
  rate: /^rate$/,
  trend: /^(avg|min|max|med|p\((\d{1,2}(\.\d+)?|100)\))$/,
};
const EXPRESSION = /^\s*([a-z]+(?:\([0-9.]+\))?)\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;
const METRIC_KEY = /^([a-zA-Z_][a-zA-Z0-9_]{0,127})(?:\{([^{}]+)\})?$/;

export interface ParsedThreshold {
  aggregation: string;
  operator: string;
  value: number;
}

/** Parses one expression; throws naming what is wrong. */
export function parseThreshold(expression: string, metricType: string): ParsedThreshold {
  const match = EXPRESSION.exec(expression);
  if (!match) throw new Error(`invalid threshold ${JSON.stringify(expression)}; reason: expected "<aggregation> <operator> <number>"`);
  const [, aggregation, operator, value] = match;
  if (!AGGREGATIONS[metricType]?.test(aggregation!)) throw new Error(`invalid threshold ${JSON.stringify(expression)}; reason: ${aggregation} is no aggregation of a ${metricType}`);
  return { aggregation: aggregation!, operator: operator!, value: Number(value) };
}

/** Splits `name{tag:value}` into the metric and its tags. */
export function parseMetricKey(key: string): { metric: string; tags: Record<string, string> } {
  const match = METRIC_KEY.exec(key);
  if (!match) throw new Error(`invalid threshold key ${JSON.stringify(key)}; reason: expected name or name{tag:value}`);
  const tags: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    if (at <= 0) throw new Error(`invalid threshold key ${JSON.stringify(key)}; reason: tag ${JSON.stringify(pair)} is not tag:value`);
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { metric: match[1]!, tags };
}

/** Whether a value passes a parsed threshold. */
export function holds(threshold: ParsedThreshold, measured: number): boolean {
  const { operator, value } = threshold;
  switch (operator) {
    case '<': return measured < value;
    case '<=': return measured <= value;
    case '>': return measured > value;
    case '>=': return measured >= value;
    case '!=': return measured !== value;
    default: return measured === value;
  }
}
