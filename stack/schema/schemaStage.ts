import path from 'node:path';
import { formatDuration } from '../../core/format.ts';
import type { SchemaSection } from '../../results/resultsModel.ts';
import type { StageContext } from '../stageContext.ts';
import { applySchema } from './applySchema.ts';
import type { SchemaChoice } from './chooseSchema.ts';
import { countObjects } from './countObjects.ts';

/**
 * The schema stage: applies the shim (not on Supabase, which has the real auth/storage
 * schemas and roles) and the chosen schema, tells each rejected statement as it goes, and
 * returns the schema section with the objects counted afterwards.
 */
export async function schemaStage(stage: StageContext, choice: SchemaChoice): Promise<SchemaSection> {
  const { session, events, cwd } = stage;
  const file = choice.file ? path.relative(cwd, choice.file) : undefined;
  const label = file ?? (choice.source === 'bundled' ? 'the bundled GOMFLOW schema' : 'the Supabase shim only');
  events.note(`applying ${label} to ${session.target.where}…`);
  const started = performance.now();
  const report = await applySchema(session.client, { ...choice, withShim: session.target.kind !== 'supabase' });
  for (const skipped of report.skipped) events.note(`  ${skipped.text} at line ${skipped.line}`);
  for (const failure of report.failures) {
    events.note(`  ✗ ${file}:${failure.line}  ${failure.message}${failure.hint ? `  — ${failure.hint}` : ''}`);
  }
  if (report.failures.length > 0) {
    events.note(`${report.failures.length} of ${report.statements} statements failed; the other ${report.statements - report.failures.length} were applied`);
  }
  events.note(`schema applied in ${formatDuration(performance.now() - started)}`);
  return {
    source: report.source,
    ...(file ? { file } : {}),
    counts: await countObjects(session.client),
    failures: report.failures,
    adaptations: report.adaptations,
  };
}
