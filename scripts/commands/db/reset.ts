import { defineCommand } from 'citty';
import { GomflowError } from '../../../core/errors.ts';
import { prepareCommand, sharedArgs, note } from '../_shared.ts';
import { withTarget } from '../../../stack/targetSession.ts';
import { applyAndReport, chooseSchema } from './applyAndReport.ts';

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
    await withTarget(ctx, { recreateDatabase: true }, async (session) => {
      note(`dropped and re-created database ${session.target.database}`);
      await applyAndReport(ctx, session, choice, 'db reset');
    });
  },
});
