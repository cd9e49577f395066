import path from 'node:path';
import { shownPath } from '../../core/shownPath.ts';
import type { RunContext } from '../../core/runContext.ts';
import { ensureOutDir } from '../../results/ensureOutDir.ts';
import { GomflowError, isGomflowError } from '../../core/errors.ts';
import type { BenchStageEvents } from '../../bench/benchStage.ts';
import { isConnectionLost } from '../../stack/connectionLost.ts';
import type { StageContext } from '../../stack/stageContext.ts';
import { withTarget, type SessionOptions } from '../../stack/targetSession.ts';
import { stageProgress } from '../progress/stageProgress.ts';
import { OUT_DIR_SETTING } from './_shared.ts';
import { recordRun, type RecordedRun, type ResultSections } from './_results.ts';
import { interruptSignal } from './_interrupt.ts';

/** What a command's stage work gets: the stage context, and the sections it fills as stages finish. */
export interface StageRun {
  stage: StageContext & { events: BenchStageEvents };
  sections: ResultSections;
}

/**
 * Opens the target, runs the command's stages with progress on stderr and Ctrl-C wired to
 * their signal, and writes the run's results.json and reports. When the target is lost or the
 * user interrupts, what the sections hold so far is still written, marked partial, and the
 * command ends with a one-line error (exit 3) that says where it is.
 */
export async function runStages(ctx: RunContext, command: string, options: SessionOptions, work: (run: StageRun) => Promise<void>): Promise<RecordedRun> {
  // Before any work: a seed must not commit rows that no results.json will describe.
  await ensureOutDir(path.resolve(ctx.cwd, ctx.config.outDir), OUT_DIR_SETTING);
  const startedAt = new Date();
  const progress = stageProgress();
  const interrupt = interruptSignal();
  // Benchmarked queries land here as they finish, so a lost target keeps them.
  const sections: ResultSections = {};
  const events: BenchStageEvents = { ...progress, taskDone: (result) => (sections.queries ??= []).push(result) };
  try {
    return await withTarget(ctx, options, async (session) => {
      const run: StageRun = { stage: { ...ctx, session, events, signal: interrupt.signal }, sections };
      try {
        await work(run);
      } catch (error) {
        const reason = interrupt.signal.aborted ? 'interrupted' : isConnectionLost(error) ? `lost the connection to ${session.target.where}` : undefined;
        if (reason === undefined) throw error;
        throw await stoppedEarly(error, reason, () => recordRun(ctx, session, command, startedAt, sections, reason), ctx.cwd);
      }
      return recordRun(ctx, session, command, startedAt, sections);
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/** The one-line error of a run cut short, after writing what it measured (if the writer can). */
async function stoppedEarly(error: unknown, reason: string, record: () => Promise<RecordedRun>, cwd: string): Promise<GomflowError> {
  const written = await record().then(
    (recorded) => `; what was measured is in ${shownPath(recorded.results, cwd)} (partial)`,
    () => '; nothing could be written',
  );
  if (isGomflowError(error)) return new GomflowError(error.code, `${error.message}${written}`, { cause: error });
  const detail = (error as { message?: string }).message ?? String(error);
  if (reason === 'interrupted') return new GomflowError('E_ABORTED', `interrupted (${detail})${written}`, { cause: error });
  return new GomflowError('E_TARGET_LOST', `${reason} (${detail}); check that the server is up${written}`, { cause: error });
}
