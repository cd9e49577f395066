import { GomflowError } from '../core/errors.ts';
import { ensureBenchData } from '../bench/ensureBenchData.ts';
import type { ScenarioResult } from '../results/resultsModel.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { capacityFinding, capacityStepModel, CAPACITY_MULTIPLES, describeCapacity, judgeStep } from './capacityRamp.ts';
import { SeriesRecorder } from './engine/seriesRecorder.ts';
import { snapshotIndexUsage, unusedIndexesBetween } from './sampling/indexUsage.ts';
import { maxConnectionsWarning, quotaWarning } from './quotaWarning.ts';
import { deliveryFaults, isRealtimeScenario, realtimeStage } from './realtimeStage.ts';
import { DEFAULT_FANOUT_KNOBS } from './drivers/realtime/realtimeFanout.ts';
import { PROOF_DELAY_MINUTES, PROOF_UPLOAD_JOURNEY, PROOFS_PER_SUBMISSION } from './drivers/storage/proofFollower.ts';
import type { CompanionChoice } from './launchCompanions.ts';
import { withScenario, type LoadStageEvents, type ScenarioSession } from './withScenario.ts';
import { chooseVia, HTTP_ONLY_SCENARIOS, type Via } from './chooseVia.ts';
import { summarizeScenario } from './summarizeScenario.ts';
import { attachDiagnostics } from './diagnostics/watchScenario.ts';
import { withIdleBenchmarks } from './diagnostics/idleBenchmarks.ts';
import { DEFAULT_DASHBOARDS, planScenario, type ScenarioKnobs, type ScenarioPlan } from './workloads/namedScenarios.ts';

export interface LoadChoice {
  scenario: string;
  knobs: ScenarioKnobs;
  /** Keep the rows the scenario wrote (seed list shows them, seed clean removes them). */
  keep: boolean;
  /** Stop as soon as a budget is already lost (capacity steps always do). */
  abortOnFail: boolean;
  referenceDate: Date;
  /** rest or pg; default rest where the target has a REST endpoint and the scenario a REST form (chooseVia). */
  via?: Via;
  /** Each scenario as soon as it is measured, so a run cut short still writes it. */
  onResult?: (result: ScenarioResult) => void;
}

/**
 * The load stage: one named scenario against the target's database, through the REST driver
 * (PostgREST's /rest/v1, as the app) or the pg driver (SQL on the app's pool).
 * Returns the scenario's section; a lost target or Ctrl-C is thrown after onResult has the
 * section, so the command writes it as partial (exit 3).
 */
export async function loadStage(stage: StageContext & { events: LoadStageEvents }, choice: LoadChoice): Promise<ScenarioResult> {
  if (isRealtimeScenario(choice.scenario)) return realtimeStage(stage, choice);
  const { config, session, events } = stage;
  await ensureBenchData(stage, undefined, choice.referenceDate);
  const maxConnections = Number.parseInt(session.server.settings.max_connections ?? '', 10) || config.budgets.maxConnections;
  const plan = planScenario(choice.scenario, choice.knobs, { poolMax: config.pool.max, maxConnections });
  const warning = quotaWarning(session.target, plan, config.pool.max, config.supabase.computeSize);
  if (warning) events.note(warning);
  const serverWarning = maxConnectionsWarning(session.target, plan, config.pool.max, maxConnections);
  if (serverWarning) events.note(serverWarning);
  // Index statistics at the start and after teardown, once the scenario's backends have exited (and so flushed their counters).
  const usageBefore = await snapshotIndexUsage(session.client, config.checks.apiSchemas).catch(() => undefined);
  const startedAt = new Date();
  let result: ScenarioResult;
  let stopped: unknown;
  const via = chooseVia(choice.via, plan.name, session.target);
  events.note(`${plan.name}: via ${HTTP_ONLY_SCENARIOS.includes(plan.name) ? "Supabase's HTTP API" : via === 'rest' ? 'REST (/rest/v1)' : 'the pg driver'}`);
  const options = { keep: choice.keep, abortOnFail: plan.name === 'capacity' || choice.abortOnFail, via };
  if (plan.name === 'capacity') {
    const recorder = new SeriesRecorder();
    const stepMs = choice.knobs.durationMs ?? 10_000;
    const { value: ramp, writes, diagnostics } = await withScenario(stage, plan, options, async (scenario) => {
      const steps = [];
      let offset = 0;
      let last;
      for (const multiple of CAPACITY_MULTIPLES) {
        const model = capacityStepModel(plan.expectedPeakRps!, multiple, stepMs);
        events.note(`capacity: ${multiple}× the launch peak, ${Math.round(model.startRate)} req/s for ${stepMs / 1000} s`);
        last = await scenario.run({ model, recorder, timeOffsetMs: offset });
        offset += last.durationMs;
        const step = judgeStep(recorder, multiple, model.startRate, last.peakConnections, config.budgets);
        steps.push(step);
        if (step.status === 'fail' || stopReason(last)) break;
      }
      return { steps, offset, last: last!, journeys: scenario.journeys, catalog: scenario.catalog, driver: driverFacts(scenario) };
    });
    stopped = stopReason(ramp.last);
    const capacity = capacityFinding(plan.expectedPeakRps!, ramp.steps);
    const peak = Math.max(...ramp.steps.map((step) => step.peakConnections ?? 0));
    const model = capacityStepModel(plan.expectedPeakRps!, ramp.steps.at(-1)!.multiple, stepMs);
    const summary = summarizeScenario({ name: plan.name, startedAt, model, journeys: ramp.journeys, outcome: { ...ramp.last, recorder, durationMs: ramp.offset, peakConnections: peak }, budgets: config.budgets });
    // The ramp is meant to break a budget: the scenario passes when it measured, the finding is the figure.
    result = { ...summary, status: summary.requests > 0 ? 'pass' : 'skip', detail: describeCapacity(capacity), capacity, ...ramp.driver, ...(writes ? { writes } : {}) };
    if (diagnostics) result = attachDiagnostics(result, diagnostics, ramp.journeys);
    if (!stopReason(ramp.last)) result = await withIdleBenchmarks(stage, result, ramp.journeys, ramp.catalog);
  } else {
    const recorder = new SeriesRecorder();
    const companions = launchCompanions(plan, via, choice.knobs, recorder);
    if (plan.name === 'launch-drop') events.note(describeCompanions(companions, via));
    const { value: once, writes, diagnostics } = await withScenario(stage, plan, { ...options, ...(companions ? { companions } : {}) }, async (scenario) => {
      scenario.companions?.start();
      const outcome = await scenario.run({ model: plan.model, recorder });
      const realtime = await scenario.companions?.finish(DELIVERY_GRACE_MS);
      return { outcome, journeys: scenario.journeys, catalog: scenario.catalog, driver: driverFacts(scenario), storage: scenario.storage, companions: scenario.companions, realtime, signIns: scenario.signIns?.() };
    });
    // The Storage numbers are read after the teardown: they say whether the run's objects went.
    const durationMs = once.outcome.durationMs;
    const proofs = once.companions?.storage(durationMs);
    const storage = once.storage ? { localStack: once.storage.localStack(), storage: once.storage.result(durationMs) } : proofs ? { storage: proofs } : {};
    const rt = once.realtime;
    const journeys = companions?.proofs ? [...once.journeys, PROOF_UPLOAD_JOURNEY] : once.journeys;
    const alongside = rt ? { requests: rt.expectedDeliveries, errors: rt.missing, reasons: deliveryFaults(rt, config.budgets) } : undefined;
    result = { ...summarizeScenario({ name: plan.name, startedAt, model: plan.model, journeys, outcome: once.outcome, budgets: config.budgets, ...(alongside ? { alongside } : {}) }), ...once.driver, ...storage, ...(rt ? { realtime: rt } : {}), ...(writes ? { writes } : {}), ...(once.signIns ? { signIns: once.signIns } : {}) };
    const deferred = once.companions?.deferredProofs() ?? 0;
    if (deferred > 0) events.note(`${plan.name}: ${deferred} of the proofs still waited for their delay when the drop ended (in the real hour they land after it): not uploaded`);
    if (rt && rt.publication.added.length > 0) events.note(`${plan.name}: added ${rt.publication.added.join(', ')} to ${rt.publication.name} for the run and put the publication back as it was`);
    if (diagnostics) result = attachDiagnostics(result, diagnostics, once.journeys);
    if (!stopReason(once.outcome)) result = await withIdleBenchmarks(stage, result, once.journeys, once.catalog);
    stopped = stopReason(once.outcome);
  }
  const usageAfter = usageBefore && !stopped ? await snapshotIndexUsage(session.client, config.checks.apiSchemas, true).catch(() => undefined) : undefined;
  if (usageBefore && usageAfter) result = { ...result, unusedIndexes: unusedIndexesBetween(usageBefore, usageAfter) };
  choice.onResult?.(result);
  if (stopped) throw stopped;
  return result;
}

/** Which driver ran, and for REST its per-endpoint numbers and whether they are the local test stack's. */
function driverFacts(scenario: ScenarioSession): Pick<ScenarioResult, 'via' | 'localStack' | 'endpoints'> {
  if (!scenario.rest) return { via: scenario.via };
  return { via: scenario.via, localStack: scenario.rest.localStack(), endpoints: scenario.rest.endpoints() };
}

/** The error a run that did not end by itself is reported with: the target's own error, or Ctrl-C. */
function stopReason(outcome: { lostError?: unknown; stoppedEarly?: string }): unknown {
  if (outcome.lostError !== undefined) return outcome.lostError;
  if (outcome.stoppedEarly === 'interrupted') return new GomflowError('E_ABORTED', 'the load scenario was interrupted');
  return undefined;
}

/** How long owed deliveries may still arrive after the drop's last request, ms (realtime-fanout's grace). */
const DELIVERY_GRACE_MS = DEFAULT_FANOUT_KNOBS.graceMs;

/** launch-drop via REST brings its dashboards and proof uploads along unless turned off; via pg there is no HTTP stack to reach them. */
function launchCompanions(plan: ScenarioPlan, via: Via, knobs: ScenarioKnobs, recorder: SeriesRecorder): CompanionChoice | undefined {
  if (plan.name !== 'launch-drop' || via !== 'rest') return undefined;
  const dashboards = knobs.realtime === false ? 0 : Math.ceil(knobs.dashboards ?? DEFAULT_DASHBOARDS);
  const proofs = knobs.storage !== false;
  if (dashboards === 0 && !proofs) return undefined;
  return { dashboards, proofs, hourMs: plan.model.kind === 'open' ? plan.model.stages.reduce((sum, stage) => sum + stage.durationMs, 0) : 3_600_000, recorder };
}

function describeCompanions(companions: CompanionChoice | undefined, via: Via): string {
  if (via === 'pg') return 'launch-drop via pg: the REST mix as SQL only; no GOM dashboards (/realtime/v1) and no proof uploads (/storage/v1) without the HTTP stack';
  const parts = [
    companions && companions.dashboards > 0 ? `${companions.dashboards} GOM dashboards subscribed to their orders' submissions` : 'no dashboards (--no-realtime)',
    companions?.proofs ? `proofs uploaded ${PROOF_DELAY_MINUTES} min (of the launch hour) on average after ${Math.round(PROOFS_PER_SUBMISSION * 100)} % of submissions` : 'no proof uploads (--no-storage)',
  ];
  return `launch-drop: ${parts.join('; ')}`;
}
