import path from 'node:path';
import { defineCommand } from 'citty';
import { forecastRecorded } from '../../forecast/forecastRecorded.ts';
import { readRecordedRuns } from '../../forecast/earlierRuns.ts';
import { forecastLine } from '../../reports/describeForecast.ts';
import { renderRunReports } from '../../reports/renderRunReports.ts';
import { GomflowError } from '../../core/errors.ts';
import { shownPath } from '../../core/shownPath.ts';
import { readResults, RESULTS_FILE, writeResults, type Results } from '../../results/index.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';
import { resolveRunArg } from './report/reportArgs.ts';

const args = {
  ...sharedArgs,
  runs: { type: 'positional', required: false, description: 'Run folders (out/<run-id>) or run ids to fit (default: every run in outDir); the newest with benchmarks gets the forecast', valueHint: 'RUN_DIR…' },
  json: { type: 'boolean', description: 'Print the forecast section as JSON on stdout', default: false },
} as const;

/**
 * Headroom forecast over runs already recorded: no database, no new measurements. The newest run
 * with benchmarks gets the forecast section in its results.json and a re-rendered report.
 */
export default defineCommand({
  meta: {
    name: 'forecast',
    description: 'Headroom forecast over recorded runs at two or more scales: how each query p95 grows with the data and where it crosses its budget (no database needed)',
  },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('forecast', rawArgs, args, parsed);
    const outDir = path.resolve(ctx.cwd, ctx.config.outDir);
    const given = await readGiven(parsed._.map(String), outDir, ctx.cwd);
    const { runs, unreadable } = given ? { runs: [...given.values()].map((run) => run.results), unreadable: [] } : await readRecordedRuns(outDir);
    const results = forecastRecorded(runs, unreadable);
    // Written back where the run was read from: a RUN_DIR may live outside outDir.
    const runDir = given?.get(results.run.id)?.dir ?? path.join(outDir, results.run.id);
    await writeResults(path.dirname(runDir), results);
    const rendered = await renderRunReports(runDir);
    note(forecastLine(results.forecast!));
    if (parsed.json) process.stdout.write(`${JSON.stringify(results.forecast, null, 2)}\n`);
    note(`results: ${shownPath(path.join(runDir, RESULTS_FILE), ctx.cwd)}`);
    note(`report:  ${shownPath(rendered.html, ctx.cwd)}`);
  },
});

/** The RUN_DIRs given (folders or run ids under outDir) by run id; undefined when none were. */
async function readGiven(given: readonly string[], outDir: string, cwd: string): Promise<Map<string, { dir: string; results: Results }> | undefined> {
  if (given.length === 0) return undefined;
  const runs = new Map<string, { dir: string; results: Results }>();
  for (const arg of given) {
    const dir = await resolveRunArg(arg, outDir, cwd);
    const results = await readResults(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new GomflowError('E_FILE_NOT_FOUND', `no ${RESULTS_FILE} in ${arg}; pass run folders a gomflow-load command wrote, such as out/<run-id>`);
      throw new GomflowError('E_USAGE', `cannot read ${shownPath(path.join(dir, RESULTS_FILE), cwd)}: ${error.message.replace(/^invalid results\.json; reason: /, '')}`);
    });
    runs.set(results.run.id, { dir, results });
  }
  return runs;
}
