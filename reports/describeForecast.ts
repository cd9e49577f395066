import { formatCount } from '../core/format.ts';
import type { ForecastQuery, ForecastSection } from '../results/resultsModel.ts';

/** "3.1×" — multiples keep two significant digits; the fits do not support more. */
export function formatTimes(multiple: number): string {
  return `${Number(multiple.toPrecision(2))}×`;
}

/** "b = 1.21 ± 0.08" (± the 95 % half-width), "b = 1.21 (exact, 2 points)", or "—" without a fit. */
export function describeExponent(query: ForecastQuery): string {
  const fit = query.fit;
  if (!fit) return '—';
  const b = fit.exponent.toFixed(2);
  if (fit.exponentStdError === null || fit.tQuantile === null) return `${b} (exact, 2 points)`;
  return `${b} ± ${(fit.tQuantile * fit.exponentStdError).toFixed(2)}`;
}

/** Where the query crosses its budget, in words: "3.1× today (95 %: 1.8×–6×)", "over budget today", "not within 1000×". */
export function describeCrossing(query: ForecastQuery, section: ForecastSection): string {
  const crossing = query.crossing;
  if (!crossing) return query.note ?? 'no forecast';
  const horizon = formatTimes(section.horizonVolume / section.todayVolume);
  if (crossing.status === 'over-budget') return 'over budget today';
  if (crossing.status === 'does-not-cross') return 'does not grow with the data';
  if (crossing.status === 'beyond-range' || crossing.multiplier === null) return `does not cross within ${horizon} today's data`;
  const interval = crossingInterval(query, horizon);
  return `${formatTimes(crossing.multiplier)} today's data, ${formatCount(Math.round(crossing.volume!))} ${section.volumeMeasure} (${interval})`;
}

/** The crossing's 95 % interval in words; an end the prediction band does not reach within the searched range is open. */
function crossingInterval(query: ForecastQuery, horizon: string): string {
  const { multiplierLow: low, multiplierHigh: high } = query.crossing!;
  if (query.fit?.method === 'exact') return 'exact fit, no interval';
  if (low === null && high === null) return '95 % interval unbounded: too few or too noisy volumes';
  if (low === null) return `95 %: up to ${formatTimes(high!)}`;
  if (high === null) return `95 %: ${formatTimes(low)} to beyond ${horizon}`;
  return `95 %: ${formatTimes(low)}–${formatTimes(high)}`;
}

/** The queries that break first: over budget, or crossing within the horizon; at most `limit`. */
export function closestToBreaking(section: ForecastSection, limit = 3): ForecastQuery[] {
  return section.queries.filter((q) => q.crossing?.status === 'over-budget' || q.crossing?.status === 'crosses').slice(0, limit);
}

/** One line for the terminal: how many volumes, the three closest to breaking, the super-linear count. */
export function forecastLine(section: ForecastSection): string {
  const volumes = section.runs.map((run) => run.volume);
  const low = formatCount(Math.min(...volumes));
  const high = formatCount(Math.max(...volumes));
  const span = `${section.runs.length} volume${volumes.length === 1 ? '' : 's'} (${low === high ? low : `${low}–${high}`} ${section.volumeMeasure})`;
  if (!section.queries.some((q) => q.fit)) return `forecast: ${span}: benchmark another scale to forecast (each query was measured at one volume only)`;
  const first = closestToBreaking(section);
  const breaking = first.length === 0 ? 'no query crosses its budget within range' : `closest to breaking: ${first.map((q) => `${q.name} (${q.role}, ${q.paramClass}) ${describeCrossing(q, section)}`).join('; ')}`;
  const superLinear = section.queries.filter((q) => q.superLinear).length;
  return `forecast over ${span}: ${breaking}; ${superLinear} super-linear`;
}
