import { formatCount } from '../core/format.ts';
import { GomflowError } from '../core/errors.ts';
import { SCALE_PRESETS } from './scales.ts';
import type { EntityCounts } from './types.ts';

export interface ResolvedScale {
  /** The preset's name, or "custom" for explicit counts. */
  name: string;
  counts: EntityCounts;
}

type CountKey = keyof EntityCounts;

/**
 * The largest value each count may take: well above xl (the largest preset), so that a typo
 * such as goms=1e12 fails before anything is written instead of hours into a seed.
 * Every count is a whole number.
 */
export const SCALE_LIMITS: Readonly<Record<CountKey, { max: number }>> = {
  goms: { max: 1_000_000 },
  buyerAccounts: { max: 1_000_000 },
  orders: { max: 5_000_000 },
  submissions: { max: 50_000_000 },
  analyticsDays: { max: 3_660 },
  monitoringHours: { max: 24 * 366 },
};

const COUNT_KEYS = Object.keys(SCALE_LIMITS) as CountKey[];

/**
 * Reads --scale: a built-in preset (tiny, small, large, xl), a preset from gomflow.config.ts
 * (which may also override a built-in one), or explicit counts over tiny such as
 * `goms=50,orders=400,submissions=10000`.
 */
export function resolveScale(spec: string, configScales: Record<string, Partial<EntityCounts>>): ResolvedScale {
  if (!spec.includes('=')) return { name: spec, counts: presetCounts(spec, configScales) };
  const counts: EntityCounts = { ...SCALE_PRESETS.tiny };
  for (const part of spec.split(',')) {
    const [key, raw = ''] = part.split('=').map((s) => s.trim());
    if (!COUNT_KEYS.includes(key as CountKey)) {
      throw new GomflowError('E_USAGE', `unknown count '${key}' in --scale; use ${COUNT_KEYS.join(', ')}`);
    }
    const { max } = SCALE_LIMITS[key as CountKey];
    // Digits only: Number() would also take 1e12, 1.5, 0x10 and ' '.
    if (!/^\d+$/.test(raw) || Number(raw) > max) {
      throw new GomflowError('E_USAGE', `--scale ${key} must be a whole number from 0 to ${formatCount(max)}, got '${raw}'`);
    }
    counts[key as CountKey] = Number(raw);
  }
  if (counts.goms < 1 || counts.orders < 1) throw new GomflowError('E_USAGE', '--scale needs at least goms=1 and orders=1');
  return { name: 'custom', counts };
}

function presetCounts(name: string, configScales: Record<string, Partial<EntityCounts>>): EntityCounts {
  const own = configScales[name];
  const builtIn = (SCALE_PRESETS as Record<string, EntityCounts>)[name];
  if (!own && !builtIn) {
    const names = [...new Set([...Object.keys(SCALE_PRESETS), ...Object.keys(configScales)])];
    throw new GomflowError('E_USAGE', `unknown scale '${name}'; use ${names.join(', ')}, or counts such as goms=50,orders=400,submissions=10000`);
  }
  const counts = { ...(builtIn ?? SCALE_PRESETS.tiny), ...own };
  // A preset of the config file is checked here too: its schema knows no limits.
  for (const key of COUNT_KEYS) {
    if (counts[key] > SCALE_LIMITS[key].max) {
      throw new GomflowError('E_CONFIG_INVALID', `seed.scales.${name}.${key} must be at most ${formatCount(SCALE_LIMITS[key].max)}; fix it in gomflow.config.ts`);
    }
  }
  return counts;
}
