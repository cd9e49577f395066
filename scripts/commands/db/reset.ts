import { defineCommand } from 'citty';
import { GomflowError } from '../../../core/errors.ts';
import { chooseSchema } from '../../../stack/schema/chooseSchema.ts';
import { schemaStage } from '../../../stack/schema/schemaStage.ts';
import { finishRecorded } from '../_finish.ts';
import { note, prepareCommand, sharedArgs } from '../_shared.ts';
import { runStages } from '../_stages.ts';
import { statusTable } from '../../../reports/terminal/statusTable.ts';
import { collectStatus } from './statusReport.ts';

const args = {
  ...sharedArgs,
  schema: { type: 'string', description: 'Re-create with this SQL file (after the shim) instead of the bundled schema', valueHint: 'file' },
  empty: { type: 'boolean', description: 'Re-create with the Supabase shim only', default: false },
} as const;

export default defineCommand({
  meta: { name: 'reset', description: 'Local target only: drop the database and re-create it with the bundled schema, a file, or the shim alone' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('db reset', rawArgs, args, parsed);
    const choice = chooseSchema(ctx.cwd, parsed.schema, parsed.empty);
    if (ctx.config.target !== 'local') {
      throw new GomflowError('E_LOCAL_ONLY', `db reset drops a database, so it works on the local target only (target is ${ctx.config.target})`);
    }
    const recorded = await runStages(ctx, 'db reset', { recreateDatabase: true }, async ({ stage, sections }) => {
      note(`dropped and re-created database ${stage.session.target.database}`);
      sections.schema = await schemaStage(stage, choice);
      process.stdout.write(`${statusTable(await collectStatus(stage.session, false, ctx.config.supabase))}\n`);
    });
    finishRecorded(ctx.cwd, recorded);
  },
});
