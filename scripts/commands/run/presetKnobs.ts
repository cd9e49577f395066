import type { PresetScenario } from '../../../core/config/runPresets.ts';
import { planScenario, type ScenarioKnobs } from '../../../scenarios/workloads/namedScenarios.ts';

/** A preset scenario's settings as the knobs `load` takes from its flags. */
export function presetKnobs(step: PresetScenario): ScenarioKnobs {
  const { scenario: _name, via: _via, ...knobs } = step;
  return knobs;
}

/** How long a preset scenario is planned to run, ms; undefined for capacity, which ramps until a budget breaks. */
export function plannedMs(step: PresetScenario, limits: { poolMax: number; maxConnections: number }): number | undefined {
  if (step.scenario === 'capacity') return undefined;
  const { model } = planScenario(step.scenario, presetKnobs(step), limits);
  return model.kind === 'open' ? model.stages.reduce((sum, stage) => sum + stage.durationMs, 0) : model.durationMs;
}
