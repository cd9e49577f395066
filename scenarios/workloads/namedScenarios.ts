import { GomflowError } from '../../core/errors.ts';
import type { LoadModel, RateStage } from '../engine/loadModel.ts';
import { BULK_JOBS } from './bulkJobs.ts';
import { afterBurstRps, BURST_MINUTES, LAUNCH_MIX_JOURNEYS, launchPeakRps } from './launchMix.ts';
import { UPLOAD_JOURNEYS, uploadsPeakRps } from './uploadsMix.ts';
import type { WorkloadJourney } from './workload.ts';

export const SCENARIO_NAMES = ['smoke', 'connections', 'launch-drop', 'capacity', 'bulk', 'soak', 'uploads'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What the user may set on the command line. */
export interface ScenarioKnobs {
  durationMs?: number;
  /** Arrival rate (open models), iterations per second; for capacity, the rate the multiples refer to. */
  rate?: number;
  vus?: number;
  /** launch-drop: the peak hour is played in 1/compress of its time (default 60: one minute). */
  compress?: number;
  /** Comeback season multiplier of §6.1 (COMEBACK=3). Default 1. */
  comeback?: number;
  /** realtime-fanout: subscribers (default 50) and joins per second (default 50); --rate is its submissions per second. */
  subscribers?: number;
  joinRate?: number;
}

/** What the scenario needs to know of the run's limits. */
export interface ScenarioLimits {
  poolMax: number;
  maxConnections: number;
}

/** A named scenario made concrete: journeys, load model, and how the driver connects. */
export interface ScenarioPlan {
  name: ScenarioName;
  journeys: WorkloadJourney[];
  model: LoadModel;
  /** pool: the app's pool (pool.*); per-vu: every virtual user holds a connection of its own. */
  connections: 'pool' | 'per-vu';
  /** The expected launch peak the capacity multiples refer to, req/s. */
  expectedPeakRps?: number;
}

/** In-flight iterations at most in the open models: the documented 100+ concurrent users. */
export const OPEN_MAX_IN_FLIGHT = 100;
const SMOKE_MAX_MS = 30_000;

/** Builds a named scenario from its defaults and the user's knobs. */
export function planScenario(name: string, knobs: ScenarioKnobs, limits: ScenarioLimits): ScenarioPlan {
  const open = (rate: number, stages: RateStage[]): LoadModel => ({ kind: 'open', startRate: rate, stages, maxInFlight: OPEN_MAX_IN_FLIGHT });
  switch (name) {
    case 'smoke': {
      const durationMs = Math.min(knobs.durationMs ?? 15_000, SMOKE_MAX_MS);
      const rate = knobs.rate ?? 10;
      return { name, journeys: LAUNCH_MIX_JOURNEYS, model: open(rate, [{ durationMs, rate }]), connections: 'pool' };
    }
    case 'launch-drop':
      return { name, journeys: LAUNCH_MIX_JOURNEYS, model: open(0, launchDropStages(knobs)), connections: 'pool', expectedPeakRps: launchPeakRps(knobs.comeback ?? 1) };
    case 'uploads':
      // ST1's proof uploads in the launch's shape, time-compressed like launch-drop, through /storage/v1.
      return { name, journeys: UPLOAD_JOURNEYS, model: open(0, launchDropStages({ ...knobs, rate: knobs.rate ?? uploadsPeakRps(knobs.comeback ?? 1) })), connections: 'pool' };
    case 'capacity': {
      const expected = knobs.rate ?? launchPeakRps(knobs.comeback ?? 1);
      return { name, journeys: LAUNCH_MIX_JOURNEYS, model: open(expected, [{ durationMs: knobs.durationMs ?? 10_000, rate: expected }]), connections: 'pool', expectedPeakRps: expected };
    }
    case 'bulk': {
      // The jobs over the big tables while the rest of the peak hour's traffic runs.
      const rate = knobs.rate ?? afterBurstRps(knobs.comeback ?? 1);
      return { name, journeys: [...LAUNCH_MIX_JOURNEYS, ...BULK_JOBS], model: open(rate, [{ durationMs: knobs.durationMs ?? 60_000, rate }]), connections: 'pool' };
    }
    case 'soak': {
      // Hours at the ordinary peak-hour rate, background inserts on: leaks, bloat and slow drift show here.
      const rate = knobs.rate ?? afterBurstRps(knobs.comeback ?? 1);
      return { name, journeys: LAUNCH_MIX_JOURNEYS, model: open(rate, [{ durationMs: knobs.durationMs ?? 3_600_000, rate }]), connections: 'pool' };
    }
    case 'connections': {
      const vus = knobs.vus ?? limits.maxConnections + 20;
      const durationMs = knobs.durationMs ?? 20_000;
      const journey: WorkloadJourney = { kind: 'read', name: 'hold-connection', patterns: ['H1'], weight: 1, query: 'checklist_active_orders', role: 'service_role', hotShare: 0, thinkTimeMs: 250 };
      return { name, journeys: [journey], model: { kind: 'closed', vus, durationMs, rampUpMs: durationMs * 0.7 }, connections: 'per-vu' };
    }
  }
  throw new GomflowError('E_USAGE', `no scenario named '${name}'; use one of ${SCENARIO_NAMES.join(', ')}`);
}

/**
 * §6.2's burst, time-compressed: the first 10 of 60 minutes at the burst rate (about 34
 * req/s, 40 % of the hour), reached after a short ramp as the drop is announced, then the
 * rest of the hour at about 10 req/s. --rate sets the burst rate (the tail keeps its ratio).
 */
export function launchDropStages(knobs: ScenarioKnobs): RateStage[] {
  const comeback = knobs.comeback ?? 1;
  const total = knobs.durationMs ?? (60 * 60_000) / (knobs.compress ?? 60);
  const peak = knobs.rate ?? launchPeakRps(comeback);
  const tail = (peak * afterBurstRps(comeback)) / launchPeakRps(comeback);
  const burst = total * (BURST_MINUTES / 60);
  const ramp = Math.min(burst * 0.1, 5_000);
  return [
    { durationMs: ramp, rate: peak },
    { durationMs: burst - ramp, rate: peak },
    { durationMs: ramp, rate: tail },
    { durationMs: total - burst - ramp, rate: tail },
  ];
}
