import type { ResolvedConfig } from '../../../core/config/configSchema.ts';
import { redactHost } from '../../../core/redact.ts';
import { emptyResults, type Results } from '../../../results/index.ts';
import { mergeK6Runners } from './mergeK6Runners.ts';
import { readK6Summary } from './readK6Summary.ts';

export interface ImportK6Input {
  files: readonly string[];
  config: ResolvedConfig;
  runId: string;
  command: string;
  harnessVersion: string;
  startedAt: Date;
  /** The scenario's name when the summaries do not carry it (plain k6 summaries). */
  scenario?: string;
}

/**
 * The import-k6 stage: reads the runners' summaries, merges them into one k6 scenario and
 * returns the run's results. The target is known only from the config (the summaries do
 * not name it): its server facts are unknown, so the settings budgets are skipped.
 */
export async function importK6(input: ImportK6Input): Promise<Results> {
  const runners = [];
  for (const file of input.files) runners.push(await readK6Summary(file));
  const merged = mergeK6Runners(runners, input.config.budgets, input.startedAt, input.scenario);
  const url = input.config.supabase?.url;
  const results = emptyResults(
    {
      id: input.runId,
      startedAt: input.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command: input.command,
      harnessVersion: input.harnessVersion,
      target: { kind: input.config.target, host: url ? redactHost(new URL(url).hostname) : 'unknown (k6 summaries)', database: '', serverVersion: 'unknown', serverVersionNum: 0, settings: {}, localStack: false },
    },
    input.config.budgets,
  );
  results.budgets.evaluations.push(...merged.evaluations);
  results.scenarios.push(merged.scenario);
  return results;
}
