import { defineCommand } from 'citty';
import { checkStage } from '../../checks/checkStage.ts';
import { finishRecorded } from './_finish.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';
import { runStages } from './_stages.ts';
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
    // Only reads: the probes' writes happen in transactions that are always rolled back, so no --confirm-target.
    const recorded = await runStages(ctx, 'check', {}, async ({ stage, sections }) => {
      sections.checks = await checkStage(stage);
      note(checkTable(sections.checks, tableOptionsFor(process.stderr)));
      if (parsed.json) process.stdout.write(`${JSON.stringify({ summary: summarizeChecks(sections.checks), checks: sections.checks }, null, 2)}\n`);
    });
    finishRecorded(ctx.cwd, recorded);
  },
});
