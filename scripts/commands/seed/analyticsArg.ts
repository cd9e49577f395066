import type { ArgsDef } from 'citty';
import { GomflowError } from '../../../core/errors.ts';
import { ANALYTICS_MODES, type AnalyticsMode } from '../../../generators/types.ts';

/** --analytics, shared by `seed` and `run`. */
export const analyticsArg = {
  analytics: {
    type: 'string',
    description: 'Analytics volume: designed (one event per user-facing API call, ~10.5 per web submitter) or built (what the app posts today: none) (default: config seed.analytics, designed)',
    valueHint: 'designed|built',
  },
} as const satisfies ArgsDef;

export function parseAnalytics(raw: string | undefined, fallback: AnalyticsMode): AnalyticsMode {
  if (raw === undefined) return fallback;
  if (!(ANALYTICS_MODES as readonly string[]).includes(raw)) {
    throw new GomflowError('E_USAGE', `unknown --analytics '${raw}'; use designed (one event per API call, as GOMFLOW is designed) or built (what the app posts today)`);
  }
  return raw as AnalyticsMode;
}
