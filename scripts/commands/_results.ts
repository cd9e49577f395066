import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RunContext } from '../../core/runContext.ts';
import { redactHost } from '../../core/redact.ts';
import { renderRunReports, type RenderedRun } from '../../reports/renderRunReports.ts';
import { pruneRuns } from '../../results/pruneRuns.ts';
import { emptyResults, newRunId, writeResults, type Results } from '../../results/index.ts';
import type { TargetSession } from '../../stack/targetSession.ts';
import { harnessVersion } from '../harnessVersion.ts';

/** Sections a command contributes to its run's results.json. */
export type ResultSections = Partial<Omit<Results, 'version' | 'run' | 'budgets'>>;

/** A written run: its results.json and the rendered reports beside it. */
export interface RecordedRun extends RenderedRun {
  results: string;
}

/**
 * Writes out/<run-id>/results.json for one command run (server facts as read when the
 * session connected, host redacted, budgets from the config), points out/latest at it, and
 * renders report.html, junit.xml and summary.md beside it. `partial` says why the run stopped
 * before its stages finished; the sections then hold what was measured until then.
 */
export async function recordRun(ctx: RunContext, session: TargetSession, command: string, startedAt: Date, sections: ResultSections, partial?: string): Promise<RecordedRun> {
  const { server, target } = session;
  const results: Results = {
    ...emptyResults(
      {
        id: newRunId(startedAt, randomBytes(3).toString('hex')),
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        command,
        harnessVersion: harnessVersion(),
        target: {
          kind: target.kind,
          host: redactHost(target.host),
          database: target.database,
          serverVersion: server.version,
          serverVersionNum: server.versionNum,
          settings: server.settings,
          // A scenario that went through the local Supabase-compatible stack measured a test target.
          localStack: (sections.scenarios ?? []).some((scenario) => scenario.localStack === true),
        },
        ...(partial ? { partial } : {}),
      },
      ctx.config.budgets,
    ),
    ...sections,
  };
  return writeAndRender(ctx, results);
}

/** Writes a run's results.json under outDir (out/latest pointing at it), prunes old runs, renders the reports beside it. */
export async function writeAndRender(ctx: RunContext, results: Results): Promise<RecordedRun> {
  const outDir = path.resolve(ctx.cwd, ctx.config.outDir);
  const file = await writeResults(outDir, results);
  await pruneRuns(outDir, ctx.config.keepRuns);
  return { ...(await renderRunReports(path.dirname(file))), results: file };
}
