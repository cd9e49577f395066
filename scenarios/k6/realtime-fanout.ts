// k6 run dist/k6/realtime-fanout.js -e SUPABASE_URL=… (keys and GOMFLOW_USER_PASSWORD as for smoke)
// GOM sockets on a postgres_changes channel over /realtime/v1 while rows are inserted, as `gomflow-load load realtime-fanout`
// (GOMFLOW_SUBSCRIBERS, GOMFLOW_RATE: changes/s, GOMFLOW_DURATION_S).
import { DEFAULT_FANOUT_KNOBS } from '../workloads/fanoutKnobs.ts';
import { fanoutScript } from './internal/fanoutScript.ts';

const number = (name: string, fallback: number) => (__ENV[name] ? Number(__ENV[name]) : fallback);
const script = fanoutScript(
  {
    ...DEFAULT_FANOUT_KNOBS,
    subscribers: number('GOMFLOW_SUBSCRIBERS', DEFAULT_FANOUT_KNOBS.subscribers),
    changeRate: number('GOMFLOW_RATE', DEFAULT_FANOUT_KNOBS.changeRate),
    durationMs: number('GOMFLOW_DURATION_S', DEFAULT_FANOUT_KNOBS.durationMs / 1000) * 1000,
  },
  __ENV,
);

export const options = script.options;
export const setup = script.setup;
export const subscribers = script.subscribers;
export const changes = script.changes;
export const teardown = script.teardown;
export const handleSummary = script.handleSummary;
