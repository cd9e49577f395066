import { realpath, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GomflowError } from '../core/errors.ts';
import { shownPath } from '../core/shownPath.ts';
import { markedBaseline } from './baselineLink.ts';
import { buildReport } from './buildReport.ts';
import type { RegressionTolerance } from './compareBaseline.ts';
import type { Verdict } from './decideVerdict.ts';
import { renderHtmlReport } from './renderHtml.ts';
import { renderJunitReport } from './renderJunit.ts';
import { renderSummaryReport } from './renderSummary.ts';
import type { Results } from '../results/resultsModel.ts';
import { readResults, RESULTS_FILE } from '../results/writeResults.ts';
import { writeFileAtomic } from '../results/writeFileAtomic.ts';

/** File names the reports get beside results.json. */
export const REPORT_FILES = { html: 'report.html', junit: 'junit.xml', summary: 'summary.md' } as const;

export interface RenderRunOptions {
  /**
   * Run folder to compare with. Undefined: the run marked by `<out>/baseline` next to the run
   * folder, unless that is this run. Null: no comparison.
   */
  baselineDir?: string | null | undefined;
  /** Write the HTML here instead of `<runDir>/report.html`. */
  htmlPath?: string | undefined;
  /** Regression tolerance; default p95 +20 % and at least +5 ms. */
  tolerance?: RegressionTolerance | undefined;
  /** Regressions make the verdict "not-ready" (exit 1). */
  failOnRegression?: boolean | undefined;
}

export interface RenderedRun {
  /** Path of report.html. */
  html: string;
  /** Path of junit.xml. */
  junit: string;
  /** Path of summary.md. */
  summary: string;
  verdict: Verdict;
  /** The text written to summary.md, for printing. */
  summaryMarkdown: string;
  /** Run folder compared with, when there was one. */
  baselineDir: string | undefined;
  /** Things worth a line on stderr that did not stop the report (e.g. an unreadable marked baseline). */
  warnings: string[];
}

/**
 * Reads `<runDir>/results.json` (and a baseline's), writes report.html, junit.xml and
 * summary.md beside it, and returns their paths and the verdict. The one place reports touch files.
 */
export async function renderRunReports(runDir: string, options: RenderRunOptions = {}): Promise<RenderedRun> {
  const dir = await runFolder(runDir, 'run');
  const results = await loadResults(dir, 'run');
  const warnings: string[] = [];
  let baselineDir: string | undefined;
  let baseline: Results | undefined;
  if (typeof options.baselineDir === 'string') {
    baselineDir = await runFolder(options.baselineDir, 'baseline');
    baseline = await loadResults(baselineDir, 'baseline');
  } else if (options.baselineDir === undefined) {
    const marked = await markedBaseline(dirname(dir));
    if (marked && marked !== dir) {
      try {
        baseline = await loadResults(marked, 'baseline');
        baselineDir = marked;
      } catch (error) {
        warnings.push(`ignored the marked baseline: ${(error as Error).message}`);
      }
    }
  }
  const model = buildReport(results, { baseline, tolerance: options.tolerance, failOnRegression: options.failOnRegression });
  const html = options.htmlPath ? resolve(options.htmlPath) : join(dir, REPORT_FILES.html);
  const junit = join(dir, REPORT_FILES.junit);
  const summary = join(dir, REPORT_FILES.summary);
  const summaryMarkdown = renderSummaryReport(model);
  await mkdir(dirname(html), { recursive: true });
  await writeFileAtomic(html, renderHtmlReport(model));
  await writeFileAtomic(junit, renderJunitReport(model));
  await writeFileAtomic(summary, summaryMarkdown);
  return { html, junit, summary, verdict: model.verdict, summaryMarkdown, baselineDir, warnings };
}

async function runFolder(path: string, what: 'run' | 'baseline'): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new GomflowError('E_FILE_NOT_FOUND', `no ${what} folder at ${shownPath(path)}; pass a run folder such as out/<run-id> (it holds ${RESULTS_FILE}), or --latest`);
  }
  return realpath(path);
}

async function loadResults(dir: string, what: 'run' | 'baseline'): Promise<Results> {
  const file = shownPath(join(dir, RESULTS_FILE));
  try {
    return await readResults(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new GomflowError('E_FILE_NOT_FOUND', `no ${RESULTS_FILE} in the ${what} folder ${shownPath(dir)}; pass a folder a gomflow-load command wrote, such as out/<run-id>`, { cause: error });
    }
    const reason = (error as Error).message.replace(/^invalid results\.json; reason: /, '');
    throw new GomflowError('E_USAGE', `cannot read ${what} results ${file}: ${reason}; re-run the command that wrote it, or pass another run folder`, { cause: error });
  }
}
