import { defineCommand } from 'citty';
import { formatDuration } from '../../../core/format.ts';
import { assertMayChange } from '../../../stack/safety.ts';
import { chooseSchema } from '../../../stack/schema/chooseSchema.ts';
import { schemaStage } from '../../../stack/schema/schemaStage.ts';
import { resolveTarget } from '../../../stack/target.ts';
import { finishRecorded } from '../_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from '../_shared.ts';
import { runStages } from '../_stages.ts';
import { refuseOutright } from '../_writeGuard.ts';
import { statusTable } from '../../../reports/terminal/statusTable.ts';
import { collectStatus } from './statusReport.ts';
import { ensureLocalApi } from '../../../stack/server/localApiProcess.ts';
import { localApiBanner } from '../../../stack/server/localApiBanner.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  schema: {
    type: 'string',
    description: 'Apply this SQL file after the shim instead of the bundled schema, statement by statement',
    valueHint: 'file',
  },
} as const;

export default defineCommand({
  meta: {
    name: 'up',
    description: 'Start the local target and its Supabase-compatible API (both keep running until `db down`), apply the Supabase shim and the GOMFLOW schema, print its status',
  },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('db up', rawArgs, args, parsed);
    const choice = chooseSchema(ctx.cwd, parsed.schema, false);
    const target = await resolveTarget(ctx.config, ctx.cwd);
    // On a remote target db up applies the schema only (the shim is skipped on supabase); a
    // schema file's SET statements would land on another server connection through the transaction pooler.
    refuseOutright(ctx.config, target, { action: 'apply a schema', session: true });
    assertMayChange(target, parsed['confirm-target'], 'apply a schema', ctx.config.safety.productionPatterns);
    const startedAt = performance.now();
    const recorded = await runStages(ctx, 'db up', { keepRunning: true }, async ({ stage, sections }) => {
      if (stage.session.started) note(`local target started in ${formatDuration(performance.now() - startedAt)}`);
      sections.schema = await schemaStage(stage, choice);
      const local = stage.session.target.local;
      if (local) {
        // After the schema: the API's auth endpoints need the shim's auth tables.
        const api = await ensureLocalApi(local, stage.session.target.url, ctx.config.pool);
        if (api.started && api.url) note(localApiBanner(api.url));
      }
      process.stdout.write(`${statusTable(await collectStatus(stage.session, false, ctx.config.supabase))}\n`);
    });
    finishRecorded(ctx.cwd, recorded);
  },
});
