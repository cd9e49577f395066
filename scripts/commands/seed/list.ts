import { defineCommand } from 'citty';
import { listSeedRuns, type SeedRunRecord } from '../../../seed/seedRuns.ts';
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
    process.stdout.write(parsed.json ? `${JSON.stringify(runs, null, 2)}\n` : renderRuns(runs));
  },
});

function renderRuns(runs: SeedRunRecord[]): string {
  if (runs.length === 0) return 'no seed runs\n';
  const header = ['run', 'status', 'seed', 'scale', 'reference', 'rows', 'started'];
  const lines = runs.map((run) => [
    run.id,
    run.status,
    String(run.seed),
    run.scale,
    run.referenceDate.toISOString().slice(0, 10),
    Object.values(run.counts).reduce((sum, n) => sum + n, 0).toLocaleString('en-US'),
    run.startedAt.toISOString().replace('T', ' ').slice(0, 19) + (run.error ? `  (${run.error})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  return [header, ...lines].map((cols) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
