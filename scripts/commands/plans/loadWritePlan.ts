import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import type { WritePlan } from '../../../reports/terminal/writePlanText.ts';
import { connectionsWanted, quotaWarning } from '../../../scenarios/quotaWarning.ts';
import { planScenario, type ScenarioKnobs } from '../../../scenarios/workloads/namedScenarios.ts';
import type { Target } from '../../../stack/target.ts';
import { connectionLabel, databaseRole } from './targetRoles.ts';

/** What a load scenario will do on the target: its rate and connections, the roles it acts as, what it writes and how that goes. */
export function loadWritePlan(config: ResolvedConfig, target: Target, scenario: string, knobs: ScenarioKnobs, keep: boolean): WritePlan {
  // max_connections is read when the scenario starts; the plan uses the budget's figure.
  const plan = planScenario(scenario, knobs, { poolMax: config.pool.max, maxConnections: config.budgets.maxConnections });
  const seconds = plan.model.kind === 'open' ? plan.model.stages.reduce((sum, stage) => sum + stage.durationMs, 0) / 1000 : undefined;
  const personas = config.supabase.jwtSecret ? 'seeded users as authenticated (tokens minted with SUPABASE_JWT_SECRET: no auth traffic)' : 'seeded users as authenticated (signed in one by one through /auth/v1 before the clock starts: mind its rate limits)';
  const warning = quotaWarning(target, plan, config.pool.max, config.supabase.computeSize);
  const confirm = target.kind === 'local' ? '' : ` --confirm-target ${target.host}/${target.database}`;
  return {
    action: `load ${plan.name}${seconds !== undefined ? ` for ${seconds}s` : ''}, up to ${connectionsWanted(plan, config.pool.max)} database connections`,
    target: target.where,
    connection: connectionLabel(target),
    roles: [databaseRole(target), ...(target.kind === 'postgres' ? [] : ['anon', personas, 'service_role (admin calls)'])],
    tables: [],
    storageObjects: plan.name === 'uploads' ? 'uploads objects to the GOMFLOW buckets as the personas' : 'none',
    notes: [
      keep ? 'the rows it writes carry a scenario run id and are KEPT (--keep)' : 'the rows it writes carry a scenario run id and are removed when it ends, also on Ctrl-C',
      ...(warning ? [warning.replace(/^warning: /, '')] : []),
    ],
    cleanup: keep ? `gomflow-load seed clean --run <id from seed list>${confirm}` : 'automatic at the end of the scenario',
  };
}
