import type { Options } from 'k6/options';
import type { K6Script } from './k6Script.ts';
import { endpointRecorder } from './endpointRecorder.ts';
import { scriptBudgets } from './k6Budgets.ts';
import { planScenarioOptions, type K6Plan } from './k6Options.ts';
import { targetFromEnv } from './k6Target.ts';
import { budgetThresholds } from './k6Thresholds.ts';
import { readIteration, readJourneys } from './readIteration.ts';
import { scriptSetup, type ReadSetup } from './readSetup.ts';
import { readEndpoints } from './scenarioEndpoints.ts';
import { SUMMARY_TREND_STATS, summaryOutput } from './summaryOutput.ts';

/** A read script's exec function: `reads`. */
export interface ReadScript extends K6Script {
  reads: (data: ReadSetup) => Promise<void>;
}

/**
 * A k6 script of a named plan's read journeys over /rest/v1, built in the init context from
 * the same plan the Node engine runs: journeys, weights and arrival-rate stages.
 */
export function readScript(plan: K6Plan, env: Readonly<Record<string, string | undefined>>): ReadScript {
  const budgets = scriptBudgets(env);
  const journeys = readJourneys(plan.journeys);
  const endpoints = readEndpoints(journeys, budgets);
  const target = targetFromEnv(env);
  const recorder = endpointRecorder(endpoints);
  return {
    options: {
      scenarios: { [plan.name]: planScenarioOptions(plan, 'reads') },
      thresholds: budgetThresholds(endpoints, budgets),
      summaryTrendStats: SUMMARY_TREND_STATS,
    } as Options,
    setup: () => scriptSetup(target, env),
    reads: readIteration(journeys, target, recorder),
    handleSummary: (data) => summaryOutput(data, plan.name, endpoints, budgets, env),
  };
}
