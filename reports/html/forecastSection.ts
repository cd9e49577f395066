import type { ReportModel } from '../buildReport.ts';
import { formatCount, formatMs } from '../../core/format.ts';
import { closestToBreaking, describeCrossing, describeExponent, formatTimes } from '../describeForecast.ts';
import { badge, emptyNote, esc, section, table } from './markup.ts';
import { forecastChartSvg } from './forecastChart.ts';

/** Headroom forecast: per query, p95 at each volume, growth exponent, and the volume at which it crosses its budget. */
export function forecastSection(model: ReportModel): string {
  const forecast = model.results.forecast;
  if (!forecast) {
    return section('forecast', 'Headroom forecast', emptyNote('No forecast in this run; `gomflow-load forecast` fits the query benchmarks of runs at two or more scales.'));
  }
  const { runs, todayVolume, volumeMeasure } = forecast;
  const intro =
    `<p>Each query's p95 is fitted as <code>p95 = a·N<sup>b</sup></code> (least squares on log p95 against log N), N = rows in <code>public.${esc(volumeMeasure)}</code>, ` +
    `over ${esc(formatCount(runs.length))} volume${runs.length === 1 ? '' : 's'}: ${runs.map((run) => `${esc(formatCount(run.volume))}${run.scale ? ` (${esc(run.scale)})` : ''} <code>${esc(run.runId)}</code>`).join(', ')}. ` +
    `Today is ${esc(formatCount(todayVolume))}. b = 1 is linear growth; above 1 the query slows faster than the data grows. ` +
    `± is the 95 % interval of b (t × standard error, n − 2 degrees of freedom), and the crossing interval comes from the fit's 95 % prediction band: with few volumes it is wide, and that is the honest answer. ` +
    `Two volumes give an exact line with no uncertainty estimate; one gives no forecast.</p>`;
  const first = closestToBreaking(forecast);
  const closest = first.length
    ? `<h3>Closest to breaking</h3><ol class="closest">${first.map((q) => `<li><code>${esc(q.name)}</code> (${esc(q.role)}, ${esc(q.paramClass)}): ${esc(describeCrossing(q, forecast))}</li>`).join('')}</ol>`
    : emptyNote(forecast.queries.some((q) => q.fit) ? `No query crosses its p95 budget within ${formatTimes(forecast.horizonVolume / todayVolume)} today's data.` : 'Every query was measured at one volume only: benchmark another scale to forecast.');
  const volumes = runs.map((run) => run.volume);
  const headers = ['Query', 'Role', 'Params', ...volumes.map((v) => `p95 ms at ${esc(formatCount(v))}`), 'Growth b', 'Crosses the budget at', '× today', 'Fit'];
  const rows = forecast.queries.map((q) => {
    const byVolume = new Map(q.points.map((p) => [p.volume, p.p95Ms]));
    const crossing = q.crossing;
    const to = Math.min(forecast.horizonVolume, Math.max(crossing?.high ?? crossing?.volume ?? todayVolume * 10, todayVolume * 2));
    const chart = q.fit ? forecastChartSvg(q, to, `${q.name}: p95 against ${volumeMeasure}, log-log, fit and 95 % band to ${formatCount(Math.round(to))}`) : '';
    return (
      `<tr><th scope="row"><code>${esc(q.name)}</code>${q.superLinear ? ` ${badge('warn', 'super-linear')}` : ''}</th><td>${esc(q.role)}</td><td>${esc(q.paramClass)}</td>` +
      volumes.map((v) => `<td class="num">${byVolume.has(v) ? esc(formatMs(byVolume.get(v)!)) : '—'}</td>`).join('') +
      `<td class="num">${esc(describeExponent(q))}</td>` +
      `<td>${crossing?.status === 'over-budget' ? badge('fail', 'over budget today') : esc(describeCrossing(q, forecast))}</td>` +
      `<td class="num">${crossing?.multiplier ? esc(formatTimes(crossing.multiplier)) : '—'}</td><td>${chart}</td></tr>`
    );
  });
  const skipped = forecast.skipped.length
    ? `<details><summary>${esc(formatCount(forecast.skipped.length))} runs not used</summary><ul>${forecast.skipped.map((s) => `<li><code>${esc(s.runId)}</code>: ${esc(s.reason)}</li>`).join('')}</ul></details>`
    : '';
  return section('forecast', 'Headroom forecast', intro + closest + table(headers, rows, ' class="forecast"') + skipped);
}
