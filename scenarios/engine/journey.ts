import type { Random } from '../../generators/random.ts';

/** One weighted user action of a workload, as data (scenarios/workloads/). */
export interface Journey {
  /** Stable name: the driver looks its statements up by it, the report groups by it. */
  name: string;
  /** Launch-mix pattern ids it stands for (gomflow-launch-mix.csv). */
  patterns: string[];
  /** Relative weight in the mix. */
  weight: number;
  /** Pause after the iteration in the closed model, ms (the open model's arrivals already space users). */
  thinkTimeMs?: number;
  /** p95 budget, ms (default: budgets.queryP95Ms). */
  budgetP95Ms?: number;
}

/** What an iteration tells the engine besides its latency; the driver fills it in, also when the iteration fails. */
export interface IterationContext {
  signal: AbortSignal;
  /** The virtual user running it (closed model), from 0. */
  vu?: number;
  /** Time each connection checkout of the iteration waited, ms: the driver adds one entry per checkout, also a failed one. */
  poolWaitsMs: number[];
}

/** Runs one iteration of a journey; throws when the request fails. */
export type Iterate = (journey: Journey, context: IterationContext) => Promise<void>;

/** Picks journeys by weight. */
export function journeyPicker(journeys: readonly Journey[], random: Random): () => Journey {
  const total = journeys.reduce((sum, journey) => sum + journey.weight, 0);
  if (journeys.length === 0 || !(total > 0)) throw new Error('a workload needs at least one journey with a positive weight');
  return () => {
    let left = random.next() * total;
    for (const journey of journeys) {
      left -= journey.weight;
      if (left < 0) return journey;
    }
    return journeys[journeys.length - 1]!;
  };
}
