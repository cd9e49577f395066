// k6 run dist/k6/browse.js -e SUPABASE_URL=… (keys and GOMFLOW_USER_PASSWORD as for smoke)
// Anonymous buyers browsing: the launch mix's anon reads (order view, public feed) at the after-burst rate for 60 s by default.
import { planScenario } from '../workloads/namedScenarios.ts';
import { knobsFromEnv } from './internal/k6Options.ts';
import { readScript } from './internal/readScript.ts';

const soak = planScenario('soak', { durationMs: 60_000, ...knobsFromEnv(__ENV) }, { poolMax: 1, maxConnections: 1 });
const script = readScript({ ...soak, name: 'browse', journeys: soak.journeys.filter((journey) => journey.kind === 'read' && journey.role === 'anon') }, __ENV);

export const options = script.options;
export const setup = script.setup;
export const reads = script.reads;
export const handleSummary = script.handleSummary;
