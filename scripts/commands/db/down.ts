import { defineCommand } from 'citty';
import { shownPath } from '../../../core/shownPath.ts';
import { GomflowError } from '../../../core/errors.ts';
import { isLocalRunning, stopLocal } from '../../../stack/localPostgres.ts';
import { resolveTarget } from '../../../stack/target.ts';
import { stopLocalApi } from '../../../stack/server/localApiProcess.ts';
import { note, prepareCommand, sharedArgs } from '../_shared.ts';

export default defineCommand({
  meta: { name: 'down', description: 'Stop the local target and its API server (its data stays in .gomflow/ for the next `db up`)' },
  args: sharedArgs,
  async run({ args, rawArgs }) {
    const ctx = await prepareCommand('db down', rawArgs, sharedArgs, args);
    const target = await resolveTarget(ctx.config, ctx.cwd);
    if (!target.local) {
      throw new GomflowError('E_LOCAL_ONLY', `db down stops the local target only; target ${target.kind} is not ours to stop`);
    }
    if (await stopLocalApi(target.local)) note('local API server stopped');
    if (!(await isLocalRunning(target.local))) {
      note('local target is not running');
      return;
    }
    await stopLocal(target.local);
    note(`local target stopped (data kept in ${shownPath(target.local.layout.dataDir, ctx.cwd)})`);
  },
});
