import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import type { PresetName, RunStage } from '../../../core/config/runPresets.ts';
import type { WritePlan } from '../../../reports/terminal/writePlanText.ts';
import type { Target } from '../../../stack/target.ts';
import { loadWritePlan } from '../plans/loadWritePlan.ts';
import { seedWritePlan, type SeedPlanChoice } from '../plans/seedWritePlan.ts';
import { presetKnobs } from './presetKnobs.ts';

/**
 * What `run --preset NAME` will write: the seed (when its stage runs; a recorded run of the same
 * seed and scale is kept instead), then each of the preset's scenarios (when load runs). The
 * stages read-only or local-only (schema, check, bench) are named in the action.
 */
export function runWritePlan(config: ResolvedConfig, target: Target, preset: PresetName, stages: readonly RunStage[], seed: SeedPlanChoice): WritePlan {
  const scenarios = stages.includes('load') ? config.presets[preset].scenarios.map((step) => loadWritePlan(config, target, step.scenario, presetKnobs(step), false)) : [];
  const seeding = stages.includes('seed') ? seedWritePlan(target, seed) : undefined;
  const roles = [...(seeding?.roles ?? []), ...scenarios.flatMap((plan) => plan.roles)];
  return {
    action: `run --preset ${preset}: ${stages.join(' → ')} → report`,
    target: target.where,
    connection: seeding?.connection ?? scenarios[0]?.connection ?? target.where,
    roles: [...new Set(roles)],
    tables: seeding?.tables ?? [],
    storageObjects: scenarios.some((plan) => plan.storageObjects !== 'none') ? scenarios.map((plan) => plan.storageObjects).join('; ') : 'none',
    notes: [
      ...(seeding ? [seeding.action, 'kept instead when a recorded seed run of the same seed, scale and analytics mode is loaded; earlier runs of others are removed (as --replace)', ...seeding.notes] : []),
      ...scenarios.flatMap((plan) => [plan.action, ...plan.notes]),
    ],
    cleanup: seeding?.cleanup ?? scenarios[0]?.cleanup ?? 'nothing is written',
  };
}
