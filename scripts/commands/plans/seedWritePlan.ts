import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import type { ResolvedScale } from '../../../generators/resolveScale.ts';
import { ALL_TABLE_SPECS } from '../../../generators/tables.ts';
import type { AnalyticsMode } from '../../../generators/types.ts';
import type { WritePlan } from '../../../reports/terminal/writePlanText.ts';
import { runIdOf, seedRunTag } from '../../../seed/runSeed.ts';
import { seedPlan } from '../../../seed/seedPlan.ts';
import type { Target } from '../../../stack/target.ts';
import { connectionLabel, databaseRole } from './targetRoles.ts';

export interface SeedPlanChoice {
  scale: ResolvedScale;
  seed: number;
  referenceDate: Date;
  analytics: AnalyticsMode;
}

/** What `seed` (and the seed step of `run`) will write on the target. */
export function seedWritePlan(target: Target, choice: SeedPlanChoice): WritePlan {
  const { scale, seed, referenceDate, analytics } = choice;
  const runTag = seedRunTag(seed, scale.counts, referenceDate, analytics);
  const tables = seedPlan(ALL_TABLE_SPECS, { seed, runTag, referenceDate, counts: scale.counts, analytics });
  const users = tables.find((t) => t.table === 'auth.users')?.rows ?? 0;
  const confirm = target.kind === 'local' ? '' : ` --confirm-target ${target.host}/${target.database}`;
  return {
    action: `seed ${scale.name} (seed ${seed}, reference date ${referenceDate.toISOString().slice(0, 10)}, analytics ${analytics}) as run ${runIdOf(runTag)}`,
    target: target.where,
    connection: connectionLabel(target),
    roles: [`${databaseRole(target)}: COPY into the auth and public tables below, then ANALYZE them`],
    tables,
    storageObjects: 'none',
    notes: [
      `${users} auth users as GoTrue accepts them (confirmed, one email identity each), password ${SEED_PASSWORD}`,
      'one row in gomflow_loadtest.seed_runs (the schema is created if missing); every seeded id carries the run id',
    ],
    cleanup: `gomflow-load seed clean --run ${runIdOf(runTag)}${confirm}`,
  };
}
