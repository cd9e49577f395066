// k6 run dist/k6/smoke.js -e SUPABASE_URL=… -e SUPABASE_ANON_KEY=… -e SUPABASE_SERVICE_ROLE_KEY=… -e GOMFLOW_USER_PASSWORD=…
// The launch mix's reads for ≤ 30 s at 10 iterations/s (GOMFLOW_RATE, GOMFLOW_DURATION_S), as `gomflow-load load smoke`.
import { planScenario } from '../workloads/namedScenarios.ts';
import { knobsFromEnv } from './internal/k6Options.ts';
import { readScript } from './internal/readScript.ts';

const script = readScript(planScenario('smoke', knobsFromEnv(__ENV), { poolMax: 1, maxConnections: 1 }), __ENV);

export const options = script.options;
export const setup = script.setup;
export const reads = script.reads;
export const handleSummary = script.handleSummary;
