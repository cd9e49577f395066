import type { WorkloadJourney } from '../../workloads/workload.ts';
import { endpointOf, READ_SHAPES } from '../../workloads/restShapes.ts';
import type { K6Budgets } from './k6Budgets.ts';

/** One tagged endpoint of a k6 script: its latency grid counters, its thresholds, its row in the report. */
export interface K6Endpoint {
  /** `GET orders`, `WS phx_join`: the `endpoint` tag and the report's endpoint name. */
  name: string;
  /** p95 budget, ms: the tightest budget of the journeys that reach it. */
  budgetP95Ms: number;
  /** Launch-mix pattern ids sent to it. */
  patterns: string[];
}

/** The REST endpoints the read journeys of a workload reach (their shapes in restShapes.ts), in a stable order. */
export function readEndpoints(journeys: readonly WorkloadJourney[], budgets: K6Budgets): K6Endpoint[] {
  const byName = new Map<string, K6Endpoint>();
  for (const journey of journeys) {
    const shape = journey.kind === 'read' ? READ_SHAPES[journey.name] : undefined;
    if (!shape) continue;
    const name = endpointOf(shape);
    const budgetP95Ms = journey.budgetP95Ms ?? budgets.queryP95Ms;
    const known = byName.get(name);
    if (known) {
      known.budgetP95Ms = Math.min(known.budgetP95Ms, budgetP95Ms);
      if (!known.patterns.includes(shape.pattern)) known.patterns.push(shape.pattern);
    } else byName.set(name, { name, budgetP95Ms, patterns: [shape.pattern] });
  }
  return [...byName.values()].sort((a, b) => byEndpointName(a.name, b.name));
}

/** The order of a script's endpoints: their grid counters are numbered in it (gomflow_e<i>_b<j>), and the importer re-derives it. */
export function byEndpointName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
