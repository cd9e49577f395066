import { defineCommand } from 'citty';
import { formatDuration } from '../../../core/format.ts';
import { assertMayChange } from '../../../stack/safety.ts';
import { resolveTarget } from '../../../stack/target.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from '../_shared.ts';
import { withTarget } from '../../../stack/targetSession.ts';
import { applyAndReport, chooseSchema } from './applyAndReport.ts';

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
    description: 'Start the local target (it keeps running until `db down`), apply the Supabase shim and the GOMFLOW schema, print its status',
  },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('db up', rawArgs, args, parsed);
    const choice = chooseSchema(ctx.cwd, parsed.schema, false);
    assertMayChange(await resolveTarget(ctx.config, ctx.cwd), parsed['confirm-target'], 'apply a schema');
    const startedAt = performance.now();
    await withTarget(ctx, { keepRunning: true }, async (session) => {
      if (session.started) note(`local target started in ${formatDuration(performance.now() - startedAt)}`);
      await applyAndReport(ctx, session, choice, 'db up');
    });
  },
});
