import { existsSync } from 'node:fs';
import { shownPath } from '../../core/shownPath.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureOutDir } from '../../results/ensureOutDir.ts';
import { PIN_FILE } from '../../results/pruneRuns.ts';
import { defineCommand } from 'citty';
import { setBaseline } from '../../reports/baselineLink.ts';
import { renderRunReports } from '../../reports/renderRunReports.ts';
import { finish } from './_finish.ts';
import { note, prepareCommand, sharedArgs } from './_shared.ts';
import { parseTolerance, resolveRunArg, resolveRunDir } from './report/reportArgs.ts';

const args = {
  ...sharedArgs,
  run: { type: 'positional', required: false, description: 'Run folder (out/<run-id>) or run id to report (default: the latest run)', valueHint: 'RUN_DIR' },
  latest: { type: 'boolean', description: 'Report the newest run (out/latest); the default without RUN_DIR', default: false },
  baseline: { type: 'string', description: 'Compare with this run folder (default: the run marked with --set-baseline)', valueHint: 'RUN_DIR' },
  out: { type: 'string', description: 'Write the HTML report here instead of beside results.json', valueHint: 'file' },
  'set-baseline': { type: 'boolean', description: 'After reporting, mark this run as the baseline later reports compare with (out/baseline)', default: false },
  pin: { type: 'boolean', description: 'Keep this run when old runs are pruned (only the newest keepRuns, default 20, are kept otherwise)', default: false },
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
    const htmlPath = parsed.out === undefined ? undefined : path.resolve(ctx.cwd, parsed.out);
    if (htmlPath && !existsSync(path.dirname(htmlPath))) {
      await ensureOutDir(path.dirname(htmlPath), '--out');
      note(`created ${shownPath(path.dirname(htmlPath), ctx.cwd)} for --out`);
    }
    const rendered = await renderRunReports(runDir, {
      baselineDir: parsed.baseline === undefined ? undefined : await resolveRunArg(parsed.baseline, outDir, ctx.cwd),
      htmlPath,
      tolerance,
      failOnRegression: parsed['fail-on-regression'],
    });
    process.stdout.write(rendered.summaryMarkdown);
    for (const warning of rendered.warnings) note(`warning: ${warning}`);
    if (rendered.baselineDir) note(`compared with baseline ${shownPath(rendered.baselineDir, ctx.cwd)}`);
    if (parsed.pin) {
      await writeFile(path.join(runDir, PIN_FILE), 'kept when old runs are pruned (gomflow-load report --pin)\n');
      note(`pinned ${shownPath(runDir, ctx.cwd)}: never pruned (delete its ${PIN_FILE} file to unpin)`);
    }
    if (parsed['set-baseline']) note(`baseline: ${shownPath(await setBaseline(outDir, runDir), ctx.cwd)} (later reports compare with it)`);
    const files: [string, string][] = [['junit', rendered.junit], ['summary', rendered.summary], ['report', rendered.html]];
    finish(ctx.cwd, { verdict: rendered.verdict, html: rendered.html, files });
  },
});
