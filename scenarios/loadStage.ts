import { GomflowError } from '../core/errors.ts';
import { ensureBenchData } from '../bench/ensureBenchData.ts';
import type { ScenarioResult } from '../results/resultsModel.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { capacityFinding, capacityStepModel, CAPACITY_MULTIPLES, describeCapacity, judgeStep } from './capacityRamp.ts';
import { SeriesRecorder } from './engine/seriesRecorder.ts';
import { quotaWarning } from './quotaWarning.ts';
import { runScenarioOnce, type LoadStageEvents } from './runScenarioOnce.ts';
import { summarizeScenario } from './summarizeScenario.ts';
import { planScenario, type ScenarioKnobs } from './workloads/namedScenarios.ts';

export interface LoadChoice {
  scenario: string;
  knobs: ScenarioKnobs;
  /** Keep the rows the scenario wrote (seed list shows them, seed clean removes them). */
  keep: boolean;
  /** Stop as soon as a budget is already lost (capacity steps always do). */
  abortOnFail: boolean;
  referenceDate: Date;
  /** Each scenario as soon as it is measured, so a run cut short still writes it. */
  onResult?: (result: ScenarioResult) => void;
}

/**
 * The load stage: one named scenario against the target's database through the pg driver.
 * Returns the scenario's section; a lost target or Ctrl-C is thrown after onResult has the
 * section, so the command writes it as partial (exit 3).
 */
export async function loadStage(stage: StageContext & { events: LoadStageEvents }, choice: LoadChoice): Promise<ScenarioResult> {
  const { config, session, events } = stage;
  await ensureBenchData(stage, undefined, choice.referenceDate);
  const maxConnections = Number.parseInt(session.server.settings.max_connections ?? '', 10) || config.budgets.maxConnections;
  const plan = planScenario(choice.scenario, choice.knobs, { poolMax: config.pool.max, maxConnections });
  const warning = quotaWarning(session.target.kind, plan, config.pool.max);
  if (warning) events.note(warning);
  const startedAt = new Date();
  let result: ScenarioResult;
  let stopped: unknown;
  if (plan.name === 'capacity') {
    const recorder = new SeriesRecorder();
    const stepMs = choice.knobs.durationMs ?? 10_000;
    const steps = [];
    let offset = 0;
    let last;
    for (const multiple of CAPACITY_MULTIPLES) {
      const model = capacityStepModel(plan.expectedPeakRps!, multiple, stepMs);
      events.note(`capacity: ${multiple}× the launch peak, ${Math.round(model.startRate)} req/s for ${stepMs / 1000} s`);
      last = await runScenarioOnce(stage, plan, { model, keep: choice.keep, abortOnFail: true, recorder, timeOffsetMs: offset });
      offset += last.outcome.durationMs;
      const step = judgeStep(recorder, multiple, model.startRate, last.outcome.peakConnections, config.budgets);
      steps.push(step);
      stopped = stopReason(last.outcome);
      if (step.status === 'fail' || stopped) break;
    }
    const capacity = capacityFinding(plan.expectedPeakRps!, steps);
    const peak = Math.max(...steps.map((step) => step.peakConnections ?? 0));
    const summary = summarizeScenario({ name: plan.name, startedAt, model: capacityStepModel(plan.expectedPeakRps!, steps.at(-1)!.multiple, stepMs), journeys: last!.journeys, outcome: { ...last!.outcome, recorder, durationMs: offset, peakConnections: peak }, budgets: config.budgets });
    // The ramp is meant to break a budget: the scenario passes when it measured, the finding is the figure.
    result = { ...summary, status: summary.requests > 0 ? 'pass' : 'skip', detail: describeCapacity(capacity), capacity };
  } else {
    const once = await runScenarioOnce(stage, plan, { model: plan.model, keep: choice.keep, abortOnFail: choice.abortOnFail });
    result = { ...summarizeScenario({ name: plan.name, startedAt, model: plan.model, journeys: once.journeys, outcome: once.outcome, budgets: config.budgets }), ...(once.writes ? { writes: once.writes } : {}) };
    stopped = stopReason(once.outcome);
  }
  choice.onResult?.(result);
  if (stopped) throw stopped;
  return result;
}

/** The error a run that did not end by itself is reported with: the target's own error, or Ctrl-C. */
function stopReason(outcome: { lostError?: unknown; stoppedEarly?: string }): unknown {
  if (outcome.lostError !== undefined) return outcome.lostError;
  if (outcome.stoppedEarly === 'interrupted') return new GomflowError('E_ABORTED', 'the load scenario was interrupted');
  return undefined;
}
