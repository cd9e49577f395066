import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineCommand } from 'citty';
import { GomflowError } from '../../core/errors.ts';
import { newRunId } from '../../results/index.ts';
import { importK6 } from '../../scenarios/k6/import/importK6.ts';
import { harnessVersion } from '../harnessVersion.ts';
import { finishRecorded } from './_finish.ts';
import { writeAndRender } from './_results.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';

const args = {
  ...sharedArgs,
  files: { type: 'positional', required: true, description: 'k6 summaries: the scripts\' summary.json, `--summary-export` files or runner logs with the GOMFLOW_K6_SUMMARY line; several = the runners of one distributed run', valueHint: 'FILE…' },
  scenario: { type: 'string', description: 'Scenario name for summaries that do not carry it (plain k6 scripts)', valueHint: 'name' },
} as const;

export default defineCommand({
  meta: { name: 'import-k6', description: 'Merge k6 summaries (one per runner) into results.json and render the report; exit 1 when NOT READY' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('import-k6', rawArgs, args, parsed);
    // citty gives the first positional by name; the rest are in `_`.
    const files = [...new Set([parsed.files, ...parsed._.filter((arg) => arg !== parsed.files)])].map((file) => path.resolve(ctx.cwd, String(file)));
    if (files.length === 0) throw new GomflowError('E_USAGE', 'import-k6 needs at least one summary file');
    const startedAt = new Date();
    const results = await importK6({
      files,
      config: ctx.config,
      runId: newRunId(startedAt, randomBytes(3).toString('hex')),
      command: `import-k6 ${files.map((file) => path.relative(ctx.cwd, file) || file).join(' ')}`,
      harnessVersion: harnessVersion(),
      startedAt,
      ...(parsed.scenario ? { scenario: parsed.scenario } : {}),
    });
    const [scenario] = results.scenarios;
    note(`imported ${scenario!.k6!.runners} k6 summar${scenario!.k6!.runners === 1 ? 'y' : 'ies'} of ${scenario!.name}: ${scenario!.requests} requests, percentiles ${scenario!.k6!.percentiles}`);
    const recorded = await writeAndRender(ctx, results);
    process.stdout.write(recorded.summaryMarkdown);
    finishRecorded(ctx.cwd, recorded);
  },
});
