import type { CheckResult } from '../results/resultsModel.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { checkOptionsFrom } from './checkOptions.ts';
import { runChecks } from './runChecks.ts';

/**
 * The check stage: every checklist check, lint and RLS probe with the configured levels.
 * Read-only — the probes' writes run in transactions that are always rolled back.
 */
export async function checkStage({ config, session, events }: StageContext): Promise<CheckResult[]> {
  events.note(`checking ${session.target.where}…`);
  return runChecks(session.client, checkOptionsFrom(config, session.target));
}
