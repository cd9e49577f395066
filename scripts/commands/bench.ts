import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { formatDuration } from '../../core/format.ts';
import { benchStage } from '../../bench/benchStage.ts';
import { loadCatalog, selectQueries } from '../../bench/loadCatalog.ts';
import { assertMayChange } from '../../stack/safety.ts';
import { resolveTarget } from '../../stack/target.ts';
import { finishRecorded } from './_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { runStages } from './_stages.ts';
import { parseIterations, readWhatIf } from './bench/benchArgs.ts';
import { benchTable } from '../../reports/terminal/benchTable.ts';
import { tableOptionsFor } from '../../reports/terminal/textTable.ts';
import { parseReferenceDate } from './seed/seedArgs.ts';

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  scale: { type: 'string', description: 'Local target: seed this scale first when it is not loaded (default: config seed.scale, small)', valueHint: 'scale' },
  only: { type: 'string', description: 'Benchmark only these catalog queries (comma-separated names from sql/queries/)', valueHint: 'name,…' },
  iterations: { type: 'string', description: 'Timed executions per query, role and parameter class (default: config bench.iterations, 30)', valueHint: 'n' },
  'what-if': { type: 'string', description: 'Apply this candidate fix in a rolled-back transaction and re-measure the queries it touches, before/after', valueHint: 'file.sql' },
  json: { type: 'boolean', description: 'Print results.json on stdout', default: false },
} as const;

export default defineCommand({
  meta: { name: 'bench', description: 'Benchmark the catalog queries (sql/queries/) as the roles the app uses: latency percentiles, EXPLAIN ANALYZE findings, budgets' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('bench', rawArgs, args, parsed);
    const iterations = parseIterations(parsed.iterations, ctx.config.bench.iterations);
    // Check the catalog and --only before touching the database.
    selectQueries(await loadCatalog(ctx.config.bench.catalogDir ? path.resolve(ctx.cwd, ctx.config.bench.catalogDir) : undefined), parsed.only);
    const whatIf = readWhatIf(parsed['what-if'], ctx.cwd);
    for (const line of whatIf?.notes ?? []) note(line);
    // The fix is rolled back, but it still runs DDL (and takes its locks) on the target.
    if (whatIf) assertMayChange(await resolveTarget(ctx.config, ctx.cwd), parsed['confirm-target'], 'try a what-if (rolled back)', ctx.config.safety.productionPatterns);
    const startedAt = Date.now();
    let failing = 0;
    const recorded = await runStages(ctx, 'bench', {}, async ({ stage, sections }) => {
      const outcome = await benchStage(stage, { only: parsed.only, iterations, whatIf, scale: parsed.scale, referenceDate: parseReferenceDate(undefined, new Date()) });
      sections.queries = outcome.results;
      sections.dataVolume = outcome.dataVolume;
      if (outcome.seed) sections.seed = outcome.seed;
      process.stderr.write(benchTable(outcome.results, outcome.pairs, tableOptionsFor(process.stderr)));
      failing = outcome.results.filter((result) => result.status === 'fail').length;
    });
    note(`bench: ${failing === 0 ? 'every query within budget' : `${failing} over budget or failed`}, ${formatDuration(Date.now() - startedAt)}`);
    if (parsed.json) process.stdout.write(await readFile(recorded.results, 'utf8'));
    finishRecorded(ctx.cwd, recorded);
  },
});
