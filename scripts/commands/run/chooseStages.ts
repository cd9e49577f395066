import { PRESET_NAMES, RUN_STAGES, type PresetName, type RunStage } from '../../../core/config/runPresets.ts';
import { GomflowError } from '../../../core/errors.ts';

/**
 * The stages a run takes, in the rehearsal's order: all of them, only those --only names, or all but
 * those --skip names. The schema stage applies the bundled schema to the local target only; elsewhere
 * it checks the schema is there.
 */
export function chooseStages(only: string | undefined, skip: string | undefined): RunStage[] {
  if (only !== undefined && skip !== undefined) throw new GomflowError('E_USAGE', 'give --only or --skip, not both');
  if (only !== undefined) {
    const named = stageList('--only', only);
    return RUN_STAGES.filter((stage) => named.includes(stage));
  }
  const skipped = skip === undefined ? [] : stageList('--skip', skip);
  const left = RUN_STAGES.filter((stage) => !skipped.includes(stage));
  if (left.length === 0) throw new GomflowError('E_USAGE', '--skip leaves no stage to run');
  return left;
}

/** --preset: one of the built-in names (their settings are in the config's presets). */
export function parsePreset(value: string | undefined): PresetName {
  if (value === undefined) return 'smoke';
  if ((PRESET_NAMES as readonly string[]).includes(value)) return value as PresetName;
  throw new GomflowError('E_USAGE', `no preset named '${value}'; use one of ${PRESET_NAMES.join(', ')}`);
}

function stageList(flag: string, value: string): RunStage[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new GomflowError('E_USAGE', `${flag} needs stage names: ${RUN_STAGES.join(', ')}`);
  const unknown = names.filter((name) => !(RUN_STAGES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new GomflowError('E_USAGE', `${flag}: no stage named ${unknown.map((name) => `'${name}'`).join(', ')}; stages are ${RUN_STAGES.join(', ')}`);
  return names as RunStage[];
}
