/** One stage of an arrival-rate ramp: the rate goes linearly from the previous stage's target to `rate` over `durationMs`. */
export interface RateStage {
  durationMs: number;
  /** Iterations per second at the end of the stage. */
  rate: number;
}

/**
 * Open model: iterations arrive at a rate whatever the system does (user traffic: a slow
 * server does not make buyers wait before clicking). Latency is measured from each
 * iteration's intended start; an iteration that finds every VU busy is dropped and counted.
 */
export interface OpenModel {
  kind: 'open';
  /** Rate at the start, iterations per second. */
  startRate: number;
  stages: RateStage[];
  /** Iterations in flight at most (k6's maxVUs); beyond it arrivals are dropped. */
  maxInFlight: number;
}

/** Closed model: N virtual users, each starting its next iteration when the last ended (plus think time). */
export interface ClosedModel {
  kind: 'closed';
  vus: number;
  durationMs: number;
  /** Stop after this many iterations in all, whichever comes first. */
  maxIterations?: number;
  /** VUs start over this many ms (0: all at once). */
  rampUpMs?: number;
}

export type LoadModel = OpenModel | ClosedModel;

/** Total duration of a model's schedule, ms. */
export function modelDurationMs(model: LoadModel): number {
  return model.kind === 'closed' ? model.durationMs : model.stages.reduce((sum, stage) => sum + stage.durationMs, 0);
}

/** Highest rate an open model reaches, iterations per second. */
export function peakRate(model: OpenModel): number {
  return Math.max(model.startRate, ...model.stages.map((stage) => stage.rate));
}
