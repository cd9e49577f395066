import type { ConfiguredCheckLevel } from '../core/config/configSchema.ts';
import { GomflowError } from '../core/errors.ts';
import type { CheckDefinition } from './checkTypes.ts';

/**
 * Each check's level: the config's `checks.levels[id]` when set, else the check's default.
 * An id the config names that no check has is a typo, reported as a config error.
 */
export function resolveLevels(checks: readonly CheckDefinition[], configured: Record<string, ConfiguredCheckLevel>): Map<string, ConfiguredCheckLevel> {
  const known = new Set(checks.map((c) => c.id));
  for (const id of Object.keys(configured)) {
    if (!known.has(id)) {
      const near = [...known].filter((k) => k.split('.')[0] === id.split('.')[0]).slice(0, 6);
      throw new GomflowError('E_CONFIG_INVALID', `invalid config option checks.levels.${id}: no check has this id${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; fix it in gomflow.config.ts`);
    }
  }
  return new Map(checks.map((c) => [c.id, configured[c.id] ?? c.defaultLevel]));
}
