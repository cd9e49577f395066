import { GomflowError } from '../core/errors.ts';
import { SCALE_PRESETS } from './scales.ts';
import type { EntityCounts } from './types.ts';

export interface ResolvedScale {
  /** The preset's name, or "custom" for explicit counts. */
  name: string;
  counts: EntityCounts;
}

const COUNT_KEYS = ['goms', 'buyerAccounts', 'orders', 'submissions', 'analyticsDays', 'monitoringHours'] as const;

/**
 * Reads --scale: a built-in preset (tiny, small, large, xl), a preset from gomflow.config.ts
 * (which may also override a built-in one), or explicit counts over tiny such as
 * `goms=50,orders=400,submissions=10000`.
 */
export function resolveScale(spec: string, configScales: Record<string, Partial<EntityCounts>>): ResolvedScale {
  const presets: Record<string, EntityCounts> = { ...SCALE_PRESETS };
  for (const [name, counts] of Object.entries(configScales)) presets[name] = { ...(presets[name] ?? SCALE_PRESETS.tiny), ...counts };
  if (!spec.includes('=')) {
    const counts = presets[spec];
    if (!counts) {
      throw new GomflowError('E_USAGE', `unknown scale '${spec}'; use ${Object.keys(presets).join(', ')}, or counts such as goms=50,orders=400,submissions=10000`);
    }
    return { name: spec, counts };
  }
  const counts: EntityCounts = { ...SCALE_PRESETS.tiny };
  for (const part of spec.split(',')) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    if (!COUNT_KEYS.includes(key as (typeof COUNT_KEYS)[number])) {
      throw new GomflowError('E_USAGE', `unknown count '${key}' in --scale; use ${COUNT_KEYS.join(', ')}`);
    }
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(value) || value < 0) {
      throw new GomflowError('E_USAGE', `--scale ${key} must be a non-negative number, got '${raw ?? ''}'`);
    }
    counts[key as (typeof COUNT_KEYS)[number]] = value;
  }
  if (counts.goms < 1 || counts.orders < 1) throw new GomflowError('E_USAGE', '--scale needs at least goms=1 and orders=1');
  return { name: 'custom', counts };
}
