import { defineCommand } from 'citty';
import type pg from 'pg';
import { GomflowError } from '../../../core/errors.ts';
import { formatCount } from '../../../core/format.ts';
import { ALL_TABLE_SPECS } from '../../../generators/tables.ts';
import { cleanRun } from '../../../seed/cleanRun.ts';
import { finishSeedRun, type SeedRunRecord } from '../../../seed/seedRuns.ts';
import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import { hasRestEndpoint, openRestEndpoint, type RestEndpoint } from '../../../scenarios/drivers/rest/restEndpoint.ts';
import { removeRunObjects, runObjectCounts } from '../../../scenarios/drivers/storage/removeRunObjects.ts';
import { assertMayChange } from '../../../stack/safety.ts';
import { applyHarnessSchema } from '../../../stack/schema/applySchema.ts';
import { resolveTarget, type Target } from '../../../stack/target.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from '../_shared.ts';
import { guardWrite, planArg, refuseOutright } from '../_writeGuard.ts';
import { cleanWritePlan, runsToClean } from '../plans/cleanWritePlan.ts';
import { withTarget } from '../../../stack/targetSession.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...planArg,
  run: { type: 'string', description: 'Remove the rows of this run, a seed or a load scenario kept with --keep (see `seed list`), and the Storage objects it uploaded', valueHint: 'id' },
  all: { type: 'boolean', description: 'Remove the rows of every seed run', default: false },
} as const;

export default defineCommand({
  meta: { name: 'clean', description: "Delete exactly the rows of a seed run (or of all), children first, and the Storage objects a kept run uploaded (through the Storage API); nothing else is touched" },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('seed clean', rawArgs, args, parsed);
    if ((parsed.run === undefined) === !parsed.all) throw new GomflowError('E_USAGE', 'seed clean needs exactly one of --run ID or --all');
    const target = await resolveTarget(ctx.config, ctx.cwd);
    const guard = { action: 'delete seeded rows', confirmTarget: parsed['confirm-target'], planOnly: parsed.plan, session: true };
    // Refused before connecting; the plan itself needs the database (it counts the runs' rows).
    refuseOutright(ctx.config, target, guard);
    if (!parsed.plan) assertMayChange(target, guard.confirmTarget, guard.action, ctx.config.safety.productionPatterns);
    await withTarget(ctx, {}, async (session) => {
      const planned = await runsToClean(session.client, parsed);
      if (await guardWrite(ctx.config, target, { ...guard, plan: () => cleanWritePlan(session.client, target, planned) })) return;
      await applyHarnessSchema(session.client);
      const runs = await runsToClean(session.client, parsed);
      if (!parsed.all && runs.length === 0) {
        throw new GomflowError('E_SEED_UNKNOWN', `no seed run '${parsed.run}' here; \`gomflow-load seed list\` shows the runs`);
      }
      const storage = new RunObjects(session.target, ctx.config);
      try {
        for (const run of runs) {
          // Objects first: if Storage fails, the run stays whole and a second clean finds it all.
          const objects = await storage.remove(session.client, run);
          const removed = await cleanRun(session.client, Number.parseInt(run.id, 16), ALL_TABLE_SPECS);
          await finishSeedRun(session.client, run.id, 'cleaned', run.counts);
          note(`${run.kind === 'scenario' ? `run ${run.id} kept by load scenario ${run.scenario}` : `seed run ${run.id}`}: removed ${formatCount(removed)} rows${objects > 0 ? ` and ${formatCount(objects)} Storage objects` : ''}`);
        }
      } finally {
        await storage.release();
      }
      if (runs.length === 0) note('no seed runs to clean');
    });
  },
});

/**
 * The Storage objects a kept run uploaded, removed through the target's Storage API (rows and
 * bytes together); the endpoint is opened on the first run that has any (on local that may
 * start the API server) and released at the end.
 */
class RunObjects {
  private endpoint: Promise<RestEndpoint> | undefined;

  constructor(
    private readonly target: Target,
    private readonly config: ResolvedConfig,
  ) {}

  async remove(client: pg.Client, run: SeedRunRecord): Promise<number> {
    const counts = await runObjectCounts(client, run.id);
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (total === 0) return 0;
    if (!hasRestEndpoint(this.target)) {
      throw new GomflowError('E_USAGE', `run ${run.id} left ${formatCount(total)} Storage objects, which only a Storage API removes with their bytes: clean it with --target local or --target supabase (SUPABASE_URL and keys)`);
    }
    this.endpoint ??= openRestEndpoint(this.target, this.config);
    return removeRunObjects(client, await this.endpoint, run.id);
  }

  async release(): Promise<void> {
    await (await this.endpoint?.catch(() => undefined))?.release();
  }
}
