import { defineCommand } from 'citty';
import { seedRunsTable } from '../../../reports/terminal/seedRunsTable.ts';
import { tableOptionsFor } from '../../../reports/terminal/textTable.ts';
import { listSeedRuns } from '../../../seed/seedRuns.ts';
import { prepareCommand, sharedArgs } from '../_shared.ts';
import { withTarget } from '../../../stack/targetSession.ts';

const args = { ...sharedArgs, json: { type: 'boolean', description: 'Print the runs as JSON on stdout', default: false } } as const;

export default defineCommand({
  meta: { name: 'list', description: 'List seed runs: id, status, seed, scale, reference date, rows' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('seed list', rawArgs, args, parsed);
    const runs = await withTarget(ctx, {}, async (session) => {
      const { rows } = await session.client.query(`SELECT to_regclass('gomflow_loadtest.seed_runs') IS NOT NULL AS present`);
      return (rows[0] as { present: boolean }).present ? listSeedRuns(session.client) : [];
    });
    process.stdout.write(parsed.json ? `${JSON.stringify(runs, null, 2)}\n` : seedRunsTable(runs, tableOptionsFor(process.stdout)));
  },
});
