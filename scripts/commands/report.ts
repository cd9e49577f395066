import path from 'node:path';
import { defineCommand } from 'citty';
import { GomflowError } from '../../core/errors.ts';
import { shownPath } from '../../core/shownPath.ts';
import { setBaseline } from '../../reports/baselineLink.ts';
import { renderRunReports } from '../../reports/renderRunReports.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';
import { parseTolerance, resolveRunArg, resolveRunDir } from './report/reportArgs.ts';

const args = {
  ...sharedArgs,
  run: { type: 'positional', required: false, description: 'Run folder (out/<run-id>) or run id to report (default: the latest run)', valueHint: 'RUN_DIR' },
  latest: { type: 'boolean', description: 'Report the newest run (out/latest); the default without RUN_DIR', default: false },
  baseline: { type: 'string', description: 'Compare with this run folder (default: the run marked with --set-baseline)', valueHint: 'RUN_DIR' },
  out: { type: 'string', description: 'Write the HTML report here instead of beside results.json', valueHint: 'file' },
  'set-baseline': { type: 'boolean', description: 'After reporting, mark this run as the baseline later reports compare with (out/baseline)', default: false },
  'fail-on-regression': { type: 'boolean', description: 'Exit 1 when a query or scenario p95 regressed beyond the tolerance', default: false },
  'regression-pct': { type: 'string', description: 'Regression when p95 grew by more than this percent (default 20) …', valueHint: 'pct' },
  'regression-ms': { type: 'string', description: '… and by at least this many ms (default 5)', valueHint: 'ms' },
} as const;

export default defineCommand({
  meta: { name: 'report', description: 'Render report.html, junit.xml and summary.md of a run from its results.json (no database needed)' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('report', rawArgs, args, parsed);
    const outDir = path.resolve(ctx.cwd, ctx.config.outDir);
    const tolerance = parseTolerance(parsed['regression-pct'], parsed['regression-ms']);
    const runDir = await resolveRunDir(parsed.run, parsed.latest, outDir, ctx.cwd);
    const rendered = await renderRunReports(runDir, {
      baselineDir: parsed.baseline === undefined ? undefined : await resolveRunArg(parsed.baseline, outDir, ctx.cwd),
      htmlPath: parsed.out === undefined ? undefined : path.resolve(ctx.cwd, parsed.out),
      tolerance,
      failOnRegression: parsed['fail-on-regression'],
    });
    process.stdout.write(rendered.summaryMarkdown);
    const shown = (file: string) => shownPath(file, ctx.cwd);
    for (const warning of rendered.warnings) note(`warning: ${warning}`);
    if (rendered.baselineDir) note(`compared with baseline ${shown(rendered.baselineDir)}`);
    note(`report: ${shown(rendered.html)}`);
    note(`junit: ${shown(rendered.junit)}`);
    note(`summary: ${shown(rendered.summary)}`);
    if (parsed['set-baseline']) note(`baseline: ${shown(await setBaseline(outDir, runDir))} (later reports compare with it)`);
    if (rendered.verdict.exitCode !== 0) {
      const first = rendered.verdict.failing.slice(0, 2).map((reason) => reason.title).join('; ');
      const more = rendered.verdict.failing.length > 2 ? ` and ${rendered.verdict.failing.length - 2} more` : '';
      throw new GomflowError('E_BUDGET_FAILED', `not ready: ${first}${more}; see ${shown(rendered.html)}`);
    }
  },
});
