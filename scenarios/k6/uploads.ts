// k6 run dist/k6/uploads.js -e SUPABASE_URL=… (keys and GOMFLOW_USER_PASSWORD as for smoke); proof.jpg beside the bundle.
// ST1's proof uploads in the launch's shape, time-compressed like launch-drop, through /storage/v1, as `gomflow-load load uploads`.
import { planScenario } from '../workloads/namedScenarios.ts';
import { knobsFromEnv } from './internal/k6Options.ts';
import { uploadScript } from './internal/uploadScript.ts';

// open() exists only in the init context: the proof's bytes are read once per VU here.
const proof = open('./proof.jpg', 'b');
const script = uploadScript(planScenario('uploads', knobsFromEnv(__ENV), { poolMax: 1, maxConnections: 1 }), __ENV, proof);

export const options = script.options;
export const setup = script.setup;
export const uploads = script.uploads;
export const teardown = script.teardown;
export const handleSummary = script.handleSummary;
