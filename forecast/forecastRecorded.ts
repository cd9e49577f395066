import { GomflowError } from '../core/errors.ts';
import type { Results } from '../results/resultsModel.ts';
import { benchMeasurements } from './benchMeasurements.ts';
import { forecastFromRuns } from './forecastFromRuns.ts';

/**
 * The forecast of recorded runs alone (no database): the newest run with query benchmarks is
 * "today", and gets the forecast over every other run given. Returns today's results with the
 * forecast section set.
 */
export function forecastRecorded(runs: readonly Results[], unreadable: { runId: string; reason: string }[] = []): Results {
  const newestFirst = [...runs].sort((a, b) => b.run.id.localeCompare(a.run.id));
  const today = newestFirst.find((results) => results.queries.some((query) => query.iterations > 0));
  if (!today) throw new GomflowError('E_USAGE', 'none of these runs has query benchmarks; run `gomflow-load bench --scale tiny`, then `bench --scale small`, then forecast');
  const measurements = benchMeasurements(today);
  if ('reason' in measurements) {
    throw new GomflowError('E_USAGE', `the newest run with benchmarks, ${today.run.id}, cannot be forecast from: ${measurements.reason}; re-run \`gomflow-load bench\`, which records it`);
  }
  return { ...today, forecast: forecastFromRuns(measurements, today.run.target, runs, unreadable) };
}
