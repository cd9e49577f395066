import type { Options } from 'k6/options';
import { endpointRecorder } from './endpointRecorder.ts';
import { scriptBudgets } from './k6Budgets.ts';
import { planScenarioOptions, type K6Plan } from './k6Options.ts';
import { targetFromEnv } from './k6Target.ts';
import { budgetThresholds } from './k6Thresholds.ts';
import { readIteration, readJourneys } from './readIteration.ts';
import { readSetup, type ReadSetup } from './readSetup.ts';
import { readEndpoints } from './scenarioEndpoints.ts';
import type { SummaryMetrics } from './gomflowSection.ts';
import { summaryOutput } from './summaryOutput.ts';

/** What an entry script exports, k6's lifecycle: options → setup → reads (the exec function) → handleSummary. */
export interface ReadScript {
  options: Options;
  setup: () => ReadSetup;
  reads: (data: ReadSetup) => Promise<void>;
  handleSummary: (data: SummaryMetrics & Record<string, unknown>) => Record<string, string>;
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
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
    } as Options,
    setup: () => {
      const password = env.GOMFLOW_USER_PASSWORD;
      if (!password) throw new Error('GOMFLOW_USER_PASSWORD is not set: the password the GOMs sign in with (seeded users: see the README\'s seed section)');
      return readSetup(target, password);
    },
    reads: readIteration(journeys, target, recorder),
    handleSummary: (data) => summaryOutput(data, plan.name, endpoints, budgets, env),
  };
}
