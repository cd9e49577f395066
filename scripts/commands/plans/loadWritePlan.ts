import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import type { WritePlan } from '../../../reports/terminal/writePlanText.ts';
import { connectionsWanted, quotaWarning } from '../../../scenarios/quotaWarning.ts';
import { DEFAULT_FANOUT_KNOBS } from '../../../scenarios/drivers/realtime/realtimeFanout.ts';
import { isRealtimeScenario } from '../../../scenarios/realtimeStage.ts';
import { planScenario, type ScenarioKnobs } from '../../../scenarios/workloads/namedScenarios.ts';
import type { Target } from '../../../stack/target.ts';
import { connectionLabel, databaseRole } from './targetRoles.ts';

/** What a load scenario will do on the target: its rate and connections, the roles it acts as, what it writes and how that goes. */
export function loadWritePlan(config: ResolvedConfig, target: Target, scenario: string, knobs: ScenarioKnobs, keep: boolean): WritePlan {
  if (isRealtimeScenario(scenario)) return realtimePlan(config, target, scenario, knobs, keep);
  // max_connections is read when the scenario starts; the plan uses the budget's figure.
  const plan = planScenario(scenario, knobs, { poolMax: config.pool.max, maxConnections: config.budgets.maxConnections });
  const seconds = plan.model.kind === 'open' ? plan.model.stages.reduce((sum, stage) => sum + stage.durationMs, 0) / 1000 : undefined;
  const personas = `seeded users as authenticated (${signInWay(config, target)})`;
  const warning = quotaWarning(target, plan, config.pool.max, config.supabase.computeSize);
  const confirm = target.kind === 'local' ? '' : ` --confirm-target ${target.host}/${target.database}`;
  return {
    action: `load ${plan.name}${seconds !== undefined ? ` for ${seconds}s` : ''}, up to ${connectionsWanted(plan, config.pool.max)} database connections`,
    target: target.where,
    connection: connectionLabel(target),
    roles: [databaseRole(target), ...(target.kind === 'postgres' ? [] : ['anon', personas, 'service_role (admin calls)'])],
    tables: [],
    storageObjects: storageWrites(plan.name, knobs, keep),
    notes: [
      keep ? 'the rows it writes carry a scenario run id and are KEPT (--keep)' : 'the rows it writes carry a scenario run id and are removed when it ends, also on Ctrl-C',
      ...(warning ? [warning.replace(/^warning: /, '')] : []),
    ],
    cleanup: keep ? `gomflow-load seed clean --run <id from seed list>${confirm}` : 'automatic at the end of the scenario',
  };
}

/** The Realtime scenarios are not planned by planScenario: their plan names the sockets and the writes that feed them. */
function realtimePlan(config: ResolvedConfig, target: Target, scenario: string, knobs: ScenarioKnobs, keep: boolean): WritePlan {
  return {
    action: `load ${scenario}: ${knobs.subscribers ?? DEFAULT_FANOUT_KNOBS.subscribers} Realtime subscribers, submissions at ${knobs.rate ?? DEFAULT_FANOUT_KNOBS.changeRate}/s for ${(knobs.durationMs ?? DEFAULT_FANOUT_KNOBS.durationMs) / 1000}s`,
    target: target.where,
    connection: connectionLabel(target),
    roles: [databaseRole(target), `seeded users as authenticated (Realtime subscribers; ${signInWay(config, target)})`],
    tables: [],
    storageObjects: 'none',
    notes: [keep ? 'the rows it writes carry a scenario run id and are KEPT (--keep)' : 'the rows it writes carry a scenario run id and are removed when it ends', 'tables missing from publication supabase_realtime are added for the run and the publication put back as it was', 'see "The Realtime driver" in the README for what it writes'],
    cleanup: keep ? 'gomflow-load seed clean --run <id from seed list>' : 'automatic at the end of the scenario',
  };
}

/** What the scenario uploads to Storage: uploads always, launch-drop its buyers' proofs when it runs via REST with storage on. */
function storageWrites(scenario: string, knobs: ScenarioKnobs, keep: boolean): string {
  const fate = keep ? 'KEPT (--keep)' : 'removed when it ends';
  if (scenario === 'uploads') return `uploads objects to the GOMFLOW buckets as the personas, ${fate}`;
  if (scenario === 'launch-drop' && knobs.storage !== false) return `via REST (the default where the target has /rest/v1): buyers' payment proofs into payment-proofs after their submissions, ${fate}; none with --no-storage or --via pg`;
  return 'none';
}

/** How the personas get their tokens: minted (the local secret or SUPABASE_JWT_SECRET), or signed in at the configured pace. */
function signInWay(config: ResolvedConfig, target: Target): string {
  if (target.kind === 'local') return "tokens minted with the local target's JWT secret: no auth traffic";
  if (config.supabase.jwtSecret) return 'tokens minted with SUPABASE_JWT_SECRET: no auth traffic';
  const { perSecond, burst, timeoutSeconds } = config.supabase.signIn;
  return `signed in through /auth/v1 before the clock starts, ${burst} at once then ${perSecond}/s, at most ${timeoutSeconds} s (supabase.signIn; Supabase's default limit is 0.5/s per IP, bursts of 30): 429s are retried and counted apart`;
}
