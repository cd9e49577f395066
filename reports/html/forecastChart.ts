import { escapeMarkup } from '../escapeMarkup.ts';
import { predictP95 } from '../../forecast/fitPowerLaw.ts';
import type { ForecastQuery } from '../../results/resultsModel.ts';

const r = (value: number) => Math.round(value * 10) / 10;
const WIDTH = 220;
const HEIGHT = 110;
const PAD = { left: 4, right: 4, top: 6, bottom: 6 };

/**
 * One query's measured p95s (dots), the fitted power law (line) and its 95 % prediction band
 * (shaded), with the budget dashed, on log-log axes from the smallest volume to `toVolume`
 * (the crossing's upper end, or the horizon). The uncertainty is drawn, not left to a footnote.
 */
export function forecastChartSvg(query: ForecastQuery, toVolume: number, label: string): string {
  const fit = query.fit;
  const fromVolume = query.points[0]!.volume;
  const steps = 24;
  const curve = fit
    ? Array.from({ length: steps + 1 }, (_, i) => {
        const volume = fromVolume * (toVolume / fromVolume) ** (i / steps);
        return { volume, ...predictP95(fit, volume) };
      })
    : [];
  const values = [query.budgetMs, ...query.points.map((p) => p.p95Ms), ...curve.flatMap((c) => [c.p95Ms, c.lowMs ?? c.p95Ms, c.highMs ?? c.p95Ms])];
  const yLow = Math.log(Math.min(...values) / 1.5);
  const yHigh = Math.log(Math.max(...values) * 1.5);
  const xLow = Math.log(fromVolume);
  const xHigh = Math.log(Math.max(toVolume, fromVolume * 1.01));
  const x = (volume: number) => r(PAD.left + ((Math.log(volume) - xLow) / (xHigh - xLow)) * (WIDTH - PAD.left - PAD.right));
  const y = (ms: number) => r(HEIGHT - PAD.bottom - ((Math.log(ms) - yLow) / (yHigh - yLow)) * (HEIGHT - PAD.top - PAD.bottom));
  const line = curve.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.volume)} ${y(c.p95Ms)}`).join(' ');
  const band =
    curve.length && curve[0]!.highMs !== null
      ? `<path class="fc-band" d="${[...curve.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.volume)} ${y(c.highMs!)}`), ...[...curve].reverse().map((c) => `L${x(c.volume)} ${y(c.lowMs!)}`)].join(' ')} Z"/>`
      : '';
  const dots = query.points.map((p) => `<circle cx="${x(p.volume)}" cy="${y(p.p95Ms)}" r="2.5"/>`).join('');
  return (
    `<svg class="forecast" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeMarkup(label)}"><title>${escapeMarkup(label)}</title>` +
    `${band}<line class="fc-budget" x1="0" x2="${WIDTH}" y1="${y(query.budgetMs)}" y2="${y(query.budgetMs)}"/>` +
    `${line ? `<path class="fc-fit" d="${line}"/>` : ''}<g class="fc-points">${dots}</g></svg>`
  );
}
