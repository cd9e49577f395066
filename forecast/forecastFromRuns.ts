import type { ForecastSection, Results } from '../results/resultsModel.ts';
import { benchMeasurements, sameTarget, type TargetIdentity } from './benchMeasurements.ts';
import { forecastHeadroom, type BenchMeasurements } from './forecastHeadroom.ts';

/**
 * The forecast of today's measurements over recorded runs: those of the same target (kind, host,
 * database) whose volume is known join it, the newest at each volume; every other run is listed
 * in `skipped` with the reason. `alsoMeasured` are benchmarks of the same run at other volumes.
 */
export function forecastFromRuns(
  today: BenchMeasurements,
  target: TargetIdentity,
  recorded: readonly Results[],
  unreadable: ForecastSection['skipped'] = [],
  alsoMeasured: readonly BenchMeasurements[] = [],
): ForecastSection {
  const earlier: BenchMeasurements[] = alsoMeasured.filter((measured) => measured.volume > 0);
  const skipped = [...unreadable];
  for (const results of recorded) {
    if (results.run.id === today.runId) continue;
    if (!sameTarget(results.run.target, target)) {
      skipped.push({ runId: results.run.id, reason: `another target (${results.run.target.kind} ${results.run.target.database})` });
      continue;
    }
    const measurements = benchMeasurements(results);
    if ('reason' in measurements) skipped.push({ runId: results.run.id, reason: measurements.reason });
    else earlier.push(measurements);
  }
  const section = forecastHeadroom({ today, earlier });
  return { ...section, skipped: [...skipped, ...section.skipped].sort((a, b) => a.runId.localeCompare(b.runId)) };
}
