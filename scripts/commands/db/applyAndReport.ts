import path from 'node:path';
import { GomflowError } from '../../../core/errors.ts';
import { applySchema, type ApplyReport, type SchemaSource } from '../../../stack/schema/applySchema.ts';
import { readSchemaFile } from '../../../stack/schema/readSchemaFile.ts';
import { recordRun } from '../_results.ts';
import { note, type CommandContext } from '../_shared.ts';
import type { TargetSession } from '../../../stack/targetSession.ts';
import { collectStatus, renderStatus, type DbStatus } from './statusReport.ts';

export interface SchemaChoice {
  source: SchemaSource;
  /** Absolute path of the user's file, with source 'file'. */
  file?: string;
}

/** Reads --schema/--empty; checks the file before anything is started or changed. */
export function chooseSchema(cwd: string, schema: string | undefined, empty: boolean): SchemaChoice {
  if (schema !== undefined && empty) {
    throw new GomflowError('E_USAGE', '--schema and --empty exclude each other; pass one of them');
  }
  if (empty) return { source: 'empty' };
  if (schema === undefined) return { source: 'bundled' };
  return { source: 'file', file: readSchemaFile(cwd, schema).file };
}

export interface AppliedSchema {
  report: ApplyReport;
  status: DbStatus;
}

/**
 * Applies the chosen schema, prints failed statements (stderr) and the status (stdout), and
 * records the schema section in the run's results.json.
 */
export async function applyAndReport(ctx: CommandContext, session: TargetSession, choice: SchemaChoice, command: string): Promise<AppliedSchema> {
  const { cwd } = ctx;
  const startedAt = new Date();
  const label = choice.source === 'file' ? path.relative(cwd, choice.file!) : choice.source === 'bundled' ? 'the bundled GOMFLOW schema' : 'the Supabase shim only';
  note(`applying ${label} to ${session.target.where}…`);
  const started = performance.now();
  const report = await applySchema(session.client, {
    ...choice,
    // A Supabase project has the real auth/storage schemas and roles.
    withShim: session.target.kind !== 'supabase',
  });
  for (const skipped of report.skipped) note(`  ${skipped.text} at line ${skipped.line}`);
  for (const failure of report.failures) {
    const where = `${path.relative(cwd, choice.file ?? '')}:${failure.line}`;
    note(`  ✗ ${where}  ${failure.message}${failure.hint ? `  — ${failure.hint}` : ''}`);
  }
  if (report.failures.length > 0) {
    note(`${report.failures.length} of ${report.statements} statements failed; the other ${report.statements - report.failures.length} were applied`);
    process.exitCode = 1;
  }
  note(`schema applied in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const status = await collectStatus(session, false);
  process.stdout.write(`${renderStatus(status)}\n`);
  await recordRun(ctx, session, command, startedAt, {
    schema: {
      source: report.source,
      ...(choice.file ? { file: path.relative(cwd, choice.file) } : {}),
      counts: status.counts,
      failures: report.failures,
      adaptations: report.adaptations,
    },
  });
  return { report, status };
}
