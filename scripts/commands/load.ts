import { defineCommand } from 'citty';
import { scenarioSummaryLines, scenarioTickLine } from '../../reports/terminal/scenarioLines.ts';
import { loadStage } from '../../scenarios/loadStage.ts';
import { REALTIME_SCENARIOS } from '../../scenarios/realtimeStage.ts';
import { SCENARIO_NAMES } from '../../scenarios/workloads/namedScenarios.ts';
import { resolveTarget } from '../../stack/target.ts';
import { GomflowError } from '../../core/errors.ts';
import { finishRecorded } from './_finish.ts';
import { confirmTargetArg, note, prepareCommand, sharedArgs } from './_shared.ts';
import { guardWrite, planArg } from './_writeGuard.ts';
import { loadWritePlan } from './plans/loadWritePlan.ts';
import { runStages } from './_stages.ts';
import { parseDuration, parsePositive, parseVia, parseVus } from './load/loadArgs.ts';
import { parseReferenceDate } from './seed/seedArgs.ts';

const SCENARIOS = [...SCENARIO_NAMES, ...REALTIME_SCENARIOS];

const args = {
  ...sharedArgs,
  ...confirmTargetArg,
  ...planArg,
  scenario: { type: 'positional', description: `Scenario: ${SCENARIOS.join(', ')}`, required: true, valueHint: 'scenario' },
  duration: { type: 'string', description: 'How long (30s, 5m, 1h); capacity: per step. Defaults: smoke 15s (30s at most), launch-drop 60s, connections 20s, realtime-fanout 20s, capacity 10s per step, bulk 60s, soak 1h (24h at most)', valueHint: 'time' },
  rate: { type: 'string', description: 'Arrival rate, iterations/s (smoke 10; launch-drop and capacity: the burst peak, default 34 from gomflow-traffic.md §6.2; bulk and soak: the rest of the peak hour, about 10; realtime-fanout: submissions/s to the hot order, default 10)', valueHint: 'n' },
  vus: { type: 'string', description: 'Virtual users of the connections scenario (default max_connections + 20)', valueHint: 'n' },
  compress: { type: 'string', description: 'launch-drop: play the peak hour in 1/N of its time (default 60: one minute)', valueHint: 'n' },
  comeback: { type: 'string', description: 'Comeback-season multiplier of the launch rates (§6.1 COMEBACK, e.g. 3)', valueHint: 'n' },
  subscribers: { type: 'string', description: 'realtime-fanout: subscribers on the hot order (the GOM dashboard, watchers, users RLS excludes), default 50', valueHint: 'n' },
  'join-rate': { type: 'string', description: 'realtime-fanout: subscriber joins per second, default 50', valueHint: 'n' },
  dashboards: { type: 'string', description: 'launch-drop via REST: GOM dashboards subscribed to their orders\' submissions through /realtime/v1 while the drop runs (the hot order\'s GOM first), default 5', valueHint: 'n' },
  realtime: { type: 'boolean', description: 'launch-drop via REST: subscribe the GOM dashboards (--no-realtime leaves them out)', default: true },
  storage: { type: 'boolean', description: 'launch-drop via REST: upload buyers\' payment proofs through /storage/v1 after their submissions (--no-storage leaves them out)', default: true },
  via: { type: 'string', description: 'How the load reaches the database: rest (HTTP to /rest/v1 as the app sends it; default where the target has a REST endpoint: local, supabase) or pg (SQL on the app\'s pool). connections and bulk always run via pg', valueHint: 'rest|pg' },
  keep: { type: 'boolean', description: 'Keep the rows the scenario wrote (seed list shows the run; seed clean --run ID removes it)', default: false },
  'abort-on-fail': { type: 'boolean', description: 'Stop as soon as a budget is already lost (like k6 abortOnFail)', default: false },
} as const;

export default defineCommand({
  meta: { name: 'load', description: 'Run a load scenario through the REST driver (/rest/v1) or the pg driver: series, errors by class, per-endpoint latency, connections, budgets; writes results.json and the report' },
  args,
  async run({ args: parsed, rawArgs }) {
    const ctx = await prepareCommand('load', rawArgs, args, parsed);
    if (!(SCENARIOS as readonly string[]).includes(parsed.scenario)) throw new GomflowError('E_USAGE', `no scenario named '${parsed.scenario}'; use one of ${SCENARIOS.join(', ')}`);
    const knobs = {
      durationMs: parseDuration(parsed.duration),
      rate: parsePositive('rate', parsed.rate, 100_000),
      vus: parseVus(parsed.vus),
      compress: parsePositive('compress', parsed.compress, 3600),
      comeback: parsePositive('comeback', parsed.comeback, 100),
      subscribers: parsePositive('subscribers', parsed.subscribers, 10_000),
      joinRate: parsePositive('join-rate', parsed['join-rate'], 10_000),
      dashboards: parsePositive('dashboards', parsed.dashboards, 1000),
      realtime: parsed.realtime,
      storage: parsed.storage,
    };
    const via = parseVia(parsed.via);
    // Scenarios write (and remove) rows and can fill every connection slot. Every via needs a
    // session pooler or the direct host: the pg driver prepares named statements, and even over
    // REST the control session samples the server and cleans up from a slot of its own.
    const target = await resolveTarget(ctx.config, ctx.cwd);
    const guard = { action: `run the ${parsed.scenario} load scenario`, confirmTarget: parsed['confirm-target'], planOnly: parsed.plan, session: true };
    if (await guardWrite(ctx.config, target, { ...guard, plan: () => loadWritePlan(ctx.config, target, parsed.scenario, knobs, parsed.keep) })) return;
    const recorded = await runStages(ctx, 'load', {}, async ({ stage, sections }) => {
      const events = { ...stage.events, scenarioTick: (name: string, point: Parameters<typeof scenarioTickLine>[1]) => note(scenarioTickLine(name, point)) };
      const result = await loadStage(
        { ...stage, events },
        { scenario: parsed.scenario, knobs, via, keep: parsed.keep, abortOnFail: parsed['abort-on-fail'], referenceDate: parseReferenceDate(undefined, new Date()), onResult: (measured) => (sections.scenarios = [measured]) },
      );
      for (const line of scenarioSummaryLines(result)) note(line);
    });
    finishRecorded(ctx.cwd, recorded);
  },
});
