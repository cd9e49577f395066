import type { OpenModel } from './loadModel.ts';

/** Hard cap on scheduled iterations of one run: every loop of the engine is bounded in count. */
export const MAX_SCHEDULED_ITERATIONS = 5_000_000;

/**
 * The intended start of every iteration of an open model, ms from the start, in order. The
 * rate is piecewise linear (k6's ramping-arrival-rate), so the k-th iteration starts where
 * the integral of the rate reaches k (k = 0, 1, …: the first starts at 0, as in k6); within a
 * stage that integral is quadratic in t.
 */
export function arrivalOffsets(model: Pick<OpenModel, 'startRate' | 'stages'>, maxCount = MAX_SCHEDULED_ITERATIONS): number[] {
  const offsets: number[] = [];
  let stageStart = 0;
  let from = model.startRate;
  let done = 0; // iterations (fractional) accumulated before this stage
  for (const stage of model.stages) {
    const seconds = stage.durationMs / 1000;
    const slope = seconds > 0 ? (stage.rate - from) / seconds : 0;
    const total = done + from * seconds + (slope * seconds * seconds) / 2;
    for (let k = Math.ceil(done); k < total && offsets.length < maxCount; k++) {
      const need = k - done;
      // Solve from·t + slope·t²/2 = need for the smallest t ≥ 0.
      const t = need <= 0 ? 0 : Math.abs(slope) < 1e-12 ? need / from : (-from + Math.sqrt(Math.max(0, from * from + 2 * slope * need))) / slope;
      offsets.push(stageStart + Math.min(stage.durationMs, t * 1000));
    }
    done = total;
    from = stage.rate;
    stageStart += stage.durationMs;
  }
  return offsets;
}
