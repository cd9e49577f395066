import path from 'node:path';
import { redactHost } from '../core/redact.ts';
import type { DataVolume, ForecastSection, QueryResult } from '../results/resultsModel.ts';
import type { StageContext } from '../stack/stageContext.ts';
import { readRecordedRuns } from './earlierRuns.ts';
import { forecastFromRuns } from './forecastFromRuns.ts';

/** Today's benchmarks, as the bench stage returned them in this run. */
export interface ForecastInput {
  queries: readonly QueryResult[];
  dataVolume: DataVolume;
  /** Benchmarks this run made at other volumes before (a preset that benches at several scales); recorded runs join them. */
  alsoMeasured?: readonly { queries: readonly QueryResult[]; dataVolume: DataVolume }[];
}

/** Label of the current run's measurements, whose run id is only given when results.json is written. */
export const THIS_RUN = 'this run';

/**
 * The forecast stage (slot `forecast`, after bench): fits this run's query p95s together with the
 * earlier runs under outDir that benchmarked the same target at other volumes. Reads files only;
 * with no earlier volume every query says "measured at one volume only"; undefined when there are no submissions to scale from.
 */
export async function forecastStage(stage: Pick<StageContext, 'config' | 'cwd' | 'session' | 'events'>, input: ForecastInput): Promise<ForecastSection | undefined> {
  if (input.dataVolume.submissions === 0) {
    stage.events.note('forecast: skipped, the benchmarks ran on no submissions');
    return undefined;
  }
  const { runs, unreadable } = await readRecordedRuns(path.resolve(stage.cwd, stage.config.outDir));
  const { target } = stage.session;
  const section = forecastFromRuns(
    { runId: THIS_RUN, volume: input.dataVolume.submissions, volumeSource: 'bench', scale: input.dataVolume.scale, queries: input.queries },
    { kind: target.kind, host: redactHost(target.host), database: target.database },
    runs,
    unreadable,
    (input.alsoMeasured ?? []).map((earlier, i) => ({ runId: `${THIS_RUN}, scale ${earlier.dataVolume.scale ?? i + 1}`, volume: earlier.dataVolume.submissions, volumeSource: 'bench' as const, scale: earlier.dataVolume.scale, queries: earlier.queries })),
  );
  stage.events.note(`forecast: ${section.runs.length} volume${section.runs.length === 1 ? '' : 's'} of ${section.volumeMeasure} (${section.runs.map((run) => run.volume).join(', ')})`);
  return section;
}
