import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { redactHost } from '../../core/redact.ts';
import { emptyResults, newRunId, writeResults, type Results } from '../../results/index.ts';
import { renderRunReports, type RenderedRun } from '../../reports/renderRunReports.ts';
import { readServerInfo } from '../../stack/serverInfo.ts';
import { harnessVersion } from '../harnessVersion.ts';
import { note, type CommandContext } from './_shared.ts';
import type { TargetSession } from '../../stack/targetSession.ts';

/** Sections a command contributes to its run's results.json. */
export type ResultSections = Partial<Omit<Results, 'version' | 'run' | 'budgets'>>;

/**
 * Writes out/<run-id>/results.json for one command run (server facts read now, host
 * redacted, budgets from the config), points out/latest at it, renders report.html,
 * junit.xml and summary.md beside it, and prints their paths on stderr.
 */
export async function recordRun(ctx: CommandContext, session: TargetSession, command: string, startedAt: Date, sections: ResultSections): Promise<RenderedRun> {
  const server = await readServerInfo(session.client);
  const { budgets } = ctx.config;
  const results: Results = {
    ...emptyResults(
      {
        id: newRunId(startedAt, randomBytes(3).toString('hex')),
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        command,
        harnessVersion: harnessVersion(),
        target: {
          kind: session.target.kind,
          host: redactHost(session.target.host),
          database: session.target.database,
          serverVersion: server.version,
          serverVersionNum: server.versionNum,
          settings: server.settings,
          // Nothing of the local Supabase-compatible stack is measured yet; scenarios will set this.
          localStack: false,
        },
      },
      budgets,
    ),
    ...sections,
  };
  const file = await writeResults(path.resolve(ctx.cwd, ctx.config.outDir), results);
  const rendered = await renderRunReports(path.dirname(file));
  note(`results: ${path.relative(ctx.cwd, file)}`);
  note(`report:  ${path.relative(ctx.cwd, rendered.html)}`);
  return rendered;
}
