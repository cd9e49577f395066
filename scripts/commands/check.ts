import { defineCommand } from 'citty';
import { checkOptionsFrom } from '../../checks/checkOptions.ts';
import { runChecks } from '../../checks/runChecks.ts';
import { recordRun } from './_results.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';
import { withTarget } from '../../stack/targetSession.ts';
import { summarizeChecks } from '../../reports/summarizeChecks.ts';
import { checkTable } from '../../reports/terminal/checkTable.ts';
import { tableOptionsFor } from '../../reports/terminal/textTable.ts';

const args = {
  ...sharedArgs,
  json: { type: 'boolean', description: 'Print the checks as JSON on stdout (the table still goes to stderr)', default: false },
} as const;

export default defineCommand({
  meta: {
    name: 'check',
    description: 'Verify the deployment checklist: schema, settings, roles, storage, lints and RLS probes as real users (read-only: probes roll back); exit 1 when a fail-level check fails',
  },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('check', rawArgs, args, parsed);
    const startedAt = new Date();
    // Only reads: the probes' writes happen in transactions that are always rolled back, so no --confirm-target.
    const checks = await withTarget(ctx, {}, async (session) => {
      note(`checking ${session.target.where}…`);
      const results = await runChecks(session.client, checkOptionsFrom(ctx.config, session.target));
      note(checkTable(results, tableOptionsFor(process.stderr)));
      await recordRun(ctx, session, 'check', startedAt, { checks: results });
      return results;
    });
    const summary = summarizeChecks(checks);
    if (parsed.json) process.stdout.write(`${JSON.stringify({ summary, checks }, null, 2)}\n`);
    // Like a failed budget, a failed fail-level check means not ready (README "Exit codes").
    if (summary.gating.length > 0) process.exitCode = 1;
  },
});
