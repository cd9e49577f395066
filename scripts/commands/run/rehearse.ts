import type { PresetName, RunStage } from '../../../core/config/runPresets.ts';
import { benchStage } from '../../../bench/benchStage.ts';
import { forecastStage } from '../../../forecast/forecastStage.ts';
import { forecastLine } from '../../../reports/describeForecast.ts';
import { checkStage } from '../../../checks/checkStage.ts';
import type { ResolvedScale } from '../../../generators/resolveScale.ts';
import type { AnalyticsMode } from '../../../generators/types.ts';
import { benchTable } from '../../../reports/terminal/benchTable.ts';
import { checkTable } from '../../../reports/terminal/checkTable.ts';
import { scenarioSummaryLines } from '../../../reports/terminal/scenarioLines.ts';
import { tableOptionsFor } from '../../../reports/terminal/textTable.ts';
import { loadStage } from '../../../scenarios/loadStage.ts';
import { reusableSeedRun, reusedSeedSection } from '../../../seed/reusableSeedRun.ts';
import { seedStage } from '../../../seed/seedStage.ts';
import { ensureGomflowSchema } from '../../../stack/schema/ensureGomflowSchema.ts';
import { schemaStage } from '../../../stack/schema/schemaStage.ts';
import type { LiveView } from '../../progress/liveView.ts';
import type { StageRun } from '../_stages.ts';
import { describeSeed } from '../seed/describeSeed.ts';
import { plannedMs, presetKnobs } from './presetKnobs.ts';

export interface RehearsalChoice {
  preset: PresetName;
  stages: readonly RunStage[];
  scale: ResolvedScale;
  seed: number;
  analytics: AnalyticsMode;
  /** Today, unless the seed stage reuses a recorded run: then that run's date, which its rows are anchored to. */
  referenceDate: Date;
}

/**
 * Runs the chosen stages in order, each filling its section of the run's results as it ends.
 * `run.current` names the stage at work, so a stage that throws is the one the partial report
 * blames. Stages emit events; the live view draws them and the stages' results.
 */
export async function rehearse(run: StageRun, view: LiveView, choice: RehearsalChoice): Promise<void> {
  const { stage, sections } = run;
  const table = tableOptionsFor(process.stderr);
  let referenceDate = choice.referenceDate;
  const work: Record<RunStage, { detail: () => string; go: () => Promise<void> }> = {
    schema: {
      detail: () => (stage.session.target.kind === 'local' ? 'the bundled GOMFLOW schema' : 'checking the GOMFLOW schema is there'),
      go: async () => {
        if (stage.session.target.kind === 'local') sections.schema = await schemaStage(stage, { source: 'bundled' });
        else await ensureGomflowSchema(stage);
      },
    },
    seed: {
      detail: () => `${choice.scale.name} (seed ${choice.seed})`,
      go: async () => {
        const reused = await reusableSeedRun(stage.session.client, choice);
        if (reused) {
          referenceDate = reused.referenceDate;
          view.note(`reusing seed run ${reused.id} (seed ${reused.seed}, scale ${reused.scale}, reference date ${reused.referenceDate.toISOString().slice(0, 10)}): the newest complete run of this seed, scale and analytics mode`);
        }
        const seeded = await seedStage(stage, { scale: choice.scale, seed: choice.seed, analytics: choice.analytics, referenceDate, replace: true });
        if (seeded) {
          sections.seed = seeded;
          view.note(describeSeed(seeded));
        } else if (reused) {
          sections.seed = reusedSeedSection(reused);
        }
      },
    },
    check: {
      detail: () => 'the deployment checklist, lints and RLS probes',
      go: async () => {
        sections.checks = await checkStage(stage);
        view.show(checkTable(sections.checks, table));
      },
    },
    bench: {
      detail: () => 'the query catalog',
      go: async () => {
        const bench = await benchStage(stage, { referenceDate });
        sections.queries = bench.results;
        sections.dataVolume = bench.dataVolume;
        if (bench.seed) sections.seed = bench.seed;
        view.show(benchTable(bench.results, bench.pairs, table));
      },
    },
    load: {
      detail: () => stage.config.presets[choice.preset].scenarios.map((step) => step.scenario).join(', then '),
      go: async () => {
        const limits = { poolMax: stage.config.pool.max, maxConnections: stage.config.budgets.maxConnections };
        for (const step of stage.config.presets[choice.preset].scenarios) {
          view.scenarioStart(step.scenario, plannedMs(step, limits));
          const events = { ...stage.events, scenarioTick: view.scenarioTick };
          const choiceOf = { scenario: step.scenario, knobs: presetKnobs(step), ...(step.via ? { via: step.via } : {}), keep: false, abortOnFail: false, referenceDate };
          const result = await loadStage({ ...stage, events }, { ...choiceOf, onResult: (measured) => (sections.scenarios ??= []).push(measured) });
          view.show(scenarioSummaryLines(result).join('\n'));
        }
      },
    },
    forecast: {
      detail: () => 'p95 growth with the data, against earlier runs at other volumes',
      go: async () => {
        if (!sections.queries || !sections.dataVolume) {
          view.note('forecast: skipped, this run has no benchmarks (the bench stage was not chosen)');
          return;
        }
        const forecast = await forecastStage(stage, { queries: sections.queries, dataVolume: sections.dataVolume });
        if (forecast) {
          sections.forecast = forecast;
          view.note(forecastLine(forecast));
        }
      },
    },
  };
  for (const [index, name] of choice.stages.entries()) {
    run.current = name;
    view.stageStart(name, index + 1, choice.stages.length, work[name].detail());
    await work[name].go();
  }
  run.current = undefined;
}
