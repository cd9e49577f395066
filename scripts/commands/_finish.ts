import { GomflowError } from '../../core/errors.ts';
import { shownPath } from '../../core/shownPath.ts';
import type { Verdict } from '../../reports/decideVerdict.ts';
import type { RecordedRun } from './_results.ts';
import { note } from './_shared.ts';

/** Where a run's files went, printed last so the report's path is what the user sees at the end. */
export interface FinishedRun {
  verdict: Verdict;
  /** Labelled paths, e.g. ['results', file], ['report', html]. */
  files: [label: string, file: string][];
  /** The report the not-ready line points at. */
  html: string;
}

/**
 * How every command that produced results ends: the paths of what it wrote, then the verdict
 * as the exit status — 0 ready or incomplete; not ready becomes one E_BUDGET_FAILED line
 * (exit 1) naming the first reasons. Errors map to their exit status in core/errors.ts.
 */
export function finish(cwd: string, run: FinishedRun): void {
  const shown = (file: string) => shownPath(file, cwd);
  const width = Math.max(...run.files.map(([label]) => label.length)) + 1;
  for (const [label, file] of run.files) note(`${`${label}:`.padEnd(width)} ${shown(file)}`);
  const failed = notReady(run.verdict, shown(run.html));
  if (failed) throw failed;
}

/** The E_BUDGET_FAILED error of a not-ready verdict, naming its first reasons; undefined otherwise. */
export function notReady(verdict: Verdict, shownHtml: string): GomflowError | undefined {
  if (verdict.status !== 'not-ready') return undefined;
  const first = verdict.failing.slice(0, 2).map((reason) => reason.title).join('; ');
  const more = verdict.failing.length > 2 ? ` and ${verdict.failing.length - 2} more` : '';
  return new GomflowError('E_BUDGET_FAILED', `not ready: ${first}${more}; see ${shownHtml}`);
}

/** finish() for a run written by runStages: its results.json, then its report. */
export function finishRecorded(cwd: string, recorded: RecordedRun): void {
  finish(cwd, { verdict: recorded.verdict, html: recorded.html, files: [['results', recorded.results], ['report', recorded.html]] });
}
