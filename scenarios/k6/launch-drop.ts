// k6 run dist/k6/launch-drop.js -e SUPABASE_URL=… (keys and GOMFLOW_USER_PASSWORD as for smoke)
// §6.2's burst in one minute by default (GOMFLOW_COMPRESS, GOMFLOW_RATE, GOMFLOW_COMEBACK, GOMFLOW_DURATION_S), reads of the launch mix.
import { planScenario } from '../workloads/namedScenarios.ts';
import { knobsFromEnv } from './internal/k6Options.ts';
import { readScript } from './internal/readScript.ts';

const script = readScript(planScenario('launch-drop', knobsFromEnv(__ENV), { poolMax: 1, maxConnections: 1 }), __ENV);

export const options = script.options;
export const setup = script.setup;
export const reads = script.reads;
export const handleSummary = script.handleSummary;
