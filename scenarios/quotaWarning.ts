import type { TargetKind } from '../core/config/configSchema.ts';
import { OPEN_MAX_IN_FLIGHT, type ScenarioPlan } from './workloads/namedScenarios.ts';

/**
 * Direct connections Supabase documents for its smallest compute (Free / Micro): 60 to
 * Postgres, 200 pooler clients. A scenario that opens more than that against a supabase target
 * meets the plan's limit before the database's; its refusals are counted as class 'quota'.
 */
export const SUPABASE_SMALLEST_DIRECT_CONNECTIONS = 60;
export const SUPABASE_SMALLEST_POOLER_CLIENTS = 200;

/** The warning to show before starting, or undefined. */
export function quotaWarning(kind: TargetKind, plan: ScenarioPlan, poolMax: number): string | undefined {
  if (kind !== 'supabase') return undefined;
  const wanted = plan.connections === 'per-vu' && plan.model.kind === 'closed' ? plan.model.vus : Math.min(poolMax, OPEN_MAX_IN_FLIGHT);
  if (wanted <= SUPABASE_SMALLEST_DIRECT_CONNECTIONS) return undefined;
  return (
    `warning: ${plan.name} opens up to ${wanted} connections; Supabase's smallest compute allows ${SUPABASE_SMALLEST_DIRECT_CONNECTIONS} direct ` +
    `(${SUPABASE_SMALLEST_POOLER_CLIENTS} pooler clients): refusals past your plan's limit are counted as 'quota' errors, apart from the server's own`
  );
}
