import type { SupabaseComputeSize } from '../core/config/configSchema.ts';
import { connectionMode as supabaseConnectionMode } from '../stack/connectionMode.ts';
import type { Target } from '../stack/target.ts';
import { OPEN_MAX_IN_FLIGHT, type ScenarioPlan } from './workloads/namedScenarios.ts';

export interface ConnectionLimits {
  /** Connections straight to Postgres (its max_connections on that compute). */
  direct: number;
  /** Client connections Supavisor (the pooler) accepts in transaction mode. */
  pooler: number;
}

/**
 * Supabase's documented connection limits per compute add-on ("Connections: Direct" and
 * "Connections: Pooler"), https://supabase.com/docs/guides/platform/compute-add-ons — the
 * page calls them recommended values; max_connections can be raised by hand.
 */
export const SUPABASE_CONNECTION_LIMITS: Record<SupabaseComputeSize, ConnectionLimits> = {
  nano: { direct: 60, pooler: 200 },
  micro: { direct: 60, pooler: 200 },
  small: { direct: 90, pooler: 400 },
  medium: { direct: 120, pooler: 600 },
  large: { direct: 160, pooler: 800 },
  xl: { direct: 240, pooler: 1000 },
  '2xl': { direct: 380, pooler: 1500 },
  '4xl': { direct: 480, pooler: 3000 },
  '8xl': { direct: 490, pooler: 6000 },
  '12xl': { direct: 500, pooler: 9000 },
  '16xl': { direct: 500, pooler: 12000 },
};

// Where callers have always found it; the target owns it now.
export { connectionMode as supabaseConnectionMode } from '../stack/connectionMode.ts';

/** Connections a scenario opens at most: a connection per user, or the app's pool (bounded by the in-flight cap). */
export function connectionsWanted(plan: ScenarioPlan, poolMax: number): number {
  return plan.connections === 'per-vu' && plan.model.kind === 'closed' ? plan.model.vus : Math.min(poolMax, OPEN_MAX_IN_FLIGHT);
}

/**
 * The warning to show before a scenario against a supabase target opens more connections than
 * the compute size allows by the way DATABASE_URL connects, or undefined. The refusals past the
 * plan's limit are then counted as class 'quota' (classifyError), apart from other errors.
 */
export function quotaWarning(target: Pick<Target, 'kind' | 'host' | 'port'>, plan: ScenarioPlan, poolMax: number, computeSize: SupabaseComputeSize): string | undefined {
  if (target.kind !== 'supabase') return undefined;
  const limits = SUPABASE_CONNECTION_LIMITS[computeSize];
  const mode = supabaseConnectionMode(target);
  const wanted = connectionsWanted(plan, poolMax);
  const limit = mode === 'direct' ? limits.direct : limits.pooler;
  if (wanted <= limit) return undefined;
  const sessionNote = mode === 'session pooler' ? '; in session mode the pooler stops sooner, at the pool size set in the dashboard' : '';
  return (
    `warning: ${plan.name} opens up to ${wanted} connections; a ${computeSize} compute allows ${limit} ${mode === 'direct' ? 'direct connections' : 'pooler clients'} ` +
    `(${limits.direct} direct, ${limits.pooler} pooler; supabase.computeSize in the config names yours)${sessionNote}: refusals past it are counted as 'quota' errors, apart from the others`
  );
}

/**
 * The warning to show when a scenario will open more connections than the server's own
 * max_connections leaves (any remote target), or undefined. The connections scenario goes past
 * it on purpose and is not warned.
 */
export function maxConnectionsWarning(target: Pick<Target, 'kind'>, plan: ScenarioPlan, poolMax: number, maxConnections: number): string | undefined {
  if (target.kind === 'local' || plan.name === 'connections') return undefined;
  const wanted = connectionsWanted(plan, poolMax);
  if (wanted < maxConnections) return undefined;
  return `warning: ${plan.name} opens up to ${wanted} connections and the target's max_connections is ${maxConnections}, shared with everything else connected: expect refusals (counted as 'too-many-clients')`;
}
