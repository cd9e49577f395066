import type { ScenarioKnobs, ScenarioPlan } from '../../workloads/namedScenarios.ts';
import { peakRate, type OpenModel } from '../../engine/loadModel.ts';

/** A k6 `scenarios` entry, as k6's options take it (the fields this harness writes). */
export interface K6Scenario {
  executor: string;
  exec?: string;
  [field: string]: unknown;
}

/**
 * An open model as k6's ramping-arrival-rate executor. k6 rates are whole iterations per
 * timeUnit, so rates go per minute: 34.2/s becomes 2052/min instead of rounding to 34/s.
 */
export function arrivalRateScenario(model: OpenModel, exec: string): K6Scenario {
  const perMinute = (rate: number) => Math.round(rate * 60);
  return {
    executor: 'ramping-arrival-rate',
    exec,
    startRate: perMinute(model.startRate),
    timeUnit: '1m',
    // Pre-allocating the peak's one-second worth keeps k6 from allocating VUs mid-burst.
    preAllocatedVUs: Math.max(1, Math.min(model.maxInFlight, Math.ceil(peakRate(model)))),
    maxVUs: model.maxInFlight,
    stages: model.stages.map((stage) => ({ duration: `${Math.max(1, Math.round(stage.durationMs))}ms`, target: perMinute(stage.rate) })),
  };
}

/** What a script takes of a named plan (namedScenarios.ts); its name may be the script's own (browse). */
export type K6Plan = Pick<ScenarioPlan, 'journeys' | 'model'> & { name: string };

/** The k6 scenario of a named open-model plan (smoke, launch-drop, uploads …). */
export function planScenarioOptions(plan: K6Plan, exec: string): K6Scenario {
  if (plan.model.kind !== 'open') throw new Error(`scenario ${plan.name} is a closed model; the k6 scripts drive user traffic with arrival rates`);
  return arrivalRateScenario(plan.model, exec);
}

/** The user's knobs from k6's environment (`-e GOMFLOW_RATE=20`), the same knobs `gomflow-load load` takes as flags. */
export function knobsFromEnv(env: Readonly<Record<string, string | undefined>>): ScenarioKnobs {
  const number = (name: string) => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`invalid ${name}; reason: expected a positive number, got ${JSON.stringify(text)}`);
    return value;
  };
  const seconds = number('GOMFLOW_DURATION_S');
  const knobs: ScenarioKnobs = {};
  if (seconds !== undefined) knobs.durationMs = seconds * 1000;
  const rate = number('GOMFLOW_RATE');
  if (rate !== undefined) knobs.rate = rate;
  const compress = number('GOMFLOW_COMPRESS');
  if (compress !== undefined) knobs.compress = compress;
  const comeback = number('GOMFLOW_COMEBACK');
  if (comeback !== undefined) knobs.comeback = comeback;
  return knobs;
}
