import { z } from 'zod';
import { SCENARIO_NAMES } from '../../scenarios/workloads/namedScenarios.ts';

/**
 * The rehearsal's stages, in the order `run` takes them. The report is not among them: every run
 * ends with one results.json and report, partial or whole. `forecast` fits this run's benchmarks
 * with earlier runs' at other data volumes (files only, no database work).
 */
export const RUN_STAGES = ['schema', 'seed', 'check', 'bench', 'load', 'forecast'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

export const PRESET_NAMES = ['smoke', 'launch', 'soak'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** A soak is bounded: no scenario of a preset runs longer than this (12 hours), whatever the config says. */
export const PRESET_STEP_MAX_MS = 12 * 3_600_000;

/** One load scenario of a preset, with the knobs `load` takes as flags. */
export const presetScenarioSchema = z.strictObject({
  /** A named scenario (see `gomflow-load load --help`). */
  scenario: z.enum(SCENARIO_NAMES),
  /** rest or pg; default as `load` chooses: REST wherever the target has a REST endpoint and the scenario a REST form. */
  via: z.enum(['rest', 'pg']).optional(),
  /** How long it runs, ms (capacity: per step); at most 12 hours. Default: the scenario's own. */
  durationMs: z.number().int().positive().max(PRESET_STEP_MAX_MS).optional(),
  /** Arrival rate, iterations per second (launch-drop: the burst rate). Default: the scenario's own. */
  rate: z.number().positive().optional(),
  /** launch-drop: the peak hour is played in 1/compress of its time. Default 60. */
  compress: z.number().positive().optional(),
  /** Comeback season multiplier of the traffic model. Default 1. */
  comeback: z.number().positive().optional(),
  /** launch-drop via REST: GOM dashboards subscribed through /realtime/v1. Default 5. */
  dashboards: z.number().int().min(0).optional(),
  /** launch-drop via REST: false leaves out the proofs uploaded through /storage/v1. Default true. */
  storage: z.boolean().optional(),
});
export type PresetScenario = z.output<typeof presetScenarioSchema>;

export interface RunPreset {
  /** Seed scale: a preset name or counts (see seed.scale). */
  scale: string;
  /** The load scenarios, run one after the other. */
  scenarios: PresetScenario[];
}

/**
 * The built-in presets. smoke fills every section of results.json in under two minutes on the
 * embedded default and reaches every driver: pg (smoke), REST, Realtime and Storage (a short
 * launch-drop with its dashboards and proofs). launch is the rehearsal proper; soak is long but bounded.
 */
export const DEFAULT_PRESETS: Record<PresetName, RunPreset> = {
  smoke: {
    scale: 'small',
    scenarios: [
      { scenario: 'smoke', via: 'pg', durationMs: 10_000 },
      { scenario: 'launch-drop', via: 'rest', durationMs: 15_000 },
    ],
  },
  launch: {
    scale: 'large',
    scenarios: [{ scenario: 'launch-drop', via: 'rest' }, { scenario: 'capacity' }],
  },
  soak: {
    scale: 'large',
    scenarios: [{ scenario: 'soak', durationMs: 2 * 3_600_000 }],
  },
};

/** A preset in the config: each field optional, the built-in value its default. */
function presetSchema(defaults: RunPreset) {
  return z
    .strictObject({
      /** Seed scale of the preset. */
      scale: z.string().min(1).default(defaults.scale),
      /** Load scenarios, in order. */
      scenarios: z.array(presetScenarioSchema).min(1).default(defaults.scenarios),
    })
    .default(defaults);
}

/** `run --preset NAME`: smoke (default), launch and soak, each overridable field by field. */
export const presetsSchema = z
  .strictObject({
    smoke: presetSchema(DEFAULT_PRESETS.smoke),
    launch: presetSchema(DEFAULT_PRESETS.launch),
    soak: presetSchema(DEFAULT_PRESETS.soak),
  })
  .default(DEFAULT_PRESETS);
