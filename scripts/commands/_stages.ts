import path from 'node:path';
import { shownPath } from '../../core/shownPath.ts';
import type { RunContext } from '../../core/runContext.ts';
import { ensureOutDir } from '../../results/ensureOutDir.ts';
import { GomflowError, isGomflowError } from '../../core/errors.ts';
import type { BenchStageEvents } from '../../bench/benchStage.ts';
import { isConnectionLost } from '../../stack/connectionLost.ts';
import type { StageContext } from '../../stack/stageContext.ts';
import { withTarget, type SessionOptions } from '../../stack/targetSession.ts';
import { stageProgress, type StageProgress } from '../progress/stageProgress.ts';
import { OUT_DIR_SETTING } from './_shared.ts';
import { recordRun, type RecordedRun, type ResultSections } from './_results.ts';
import { interruptSignal } from './_interrupt.ts';

/** What a command's stage work gets: the stage context, and the sections it fills as stages finish. */
export interface StageRun {
  stage: StageContext & { events: BenchStageEvents };
  sections: ResultSections;
  /** The stage now running (run sets it): if it throws, the partial run says this stage failed, and why. */
  current?: string;
}

/**
 * Opens the target, runs the command's stages with progress on stderr and Ctrl-C wired to
 * their signal, and writes the run's results.json and reports. When the target is lost or the
 * user interrupts, what the sections hold so far is still written, marked partial, and the
 * command ends with a one-line error (exit 3) that says where it is.
 */
export async function runStages(ctx: RunContext, command: string, options: SessionOptions, work: (run: StageRun) => Promise<void>, progress: StageProgress = stageProgress()): Promise<RecordedRun> {
  // Before any work: a seed must not commit rows that no results.json will describe.
  await ensureOutDir(path.resolve(ctx.cwd, ctx.config.outDir), OUT_DIR_SETTING);
  const startedAt = new Date();
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
        const stop = whyStopped(error, interrupt.signal.aborted, session.target.where, run.current);
        if (stop === undefined) throw error;
        throw await stoppedEarly(error, stop, () => recordRun(ctx, session, command, startedAt, sections, stop.reason), ctx.cwd);
      }
      return recordRun(ctx, session, command, startedAt, sections);
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/** Why a run stopped early, as the partial results.json says it; undefined for an error that leaves nothing worth writing. */
interface Stop {
  kind: 'interrupted' | 'lost' | 'stage-failed';
  reason: string;
}

function whyStopped(error: unknown, aborted: boolean, where: string, stage: string | undefined): Stop | undefined {
  if (aborted) return { kind: 'interrupted', reason: 'interrupted' };
  if (isConnectionLost(error)) return { kind: 'lost', reason: `lost the connection to ${where}${stage ? ` during the ${stage} stage` : ''}` };
  if (stage) return { kind: 'stage-failed', reason: `the ${stage} stage failed: ${messageOf(error)}` };
  return undefined;
}

/** The one-line error of a run cut short, after writing what it measured (if the writer can). A failed stage is exit 3 whatever its error. */
async function stoppedEarly(error: unknown, stop: Stop, record: () => Promise<RecordedRun>, cwd: string): Promise<GomflowError> {
  const written = await record().then(
    (recorded) => `; what was measured is in ${shownPath(recorded.results, cwd)} (partial)`,
    () => '; nothing could be written',
  );
  if (stop.kind === 'stage-failed') return new GomflowError('E_STAGE_FAILED', `${stop.reason}${written}`, { cause: error });
  if (isGomflowError(error)) return new GomflowError(error.code, `${error.message}${written}`, { cause: error });
  if (stop.kind === 'interrupted') return new GomflowError('E_ABORTED', `interrupted (${messageOf(error)})${written}`, { cause: error });
  return new GomflowError('E_TARGET_LOST', `${stop.reason} (${messageOf(error)}); check that the server is up${written}`, { cause: error });
}

function messageOf(error: unknown): string {
  return (error as { message?: string }).message ?? String(error);
}
