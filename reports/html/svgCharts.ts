import type { SeriesPoint } from '../buildReport.ts';
import { escapeMarkup } from '../escapeMarkup.ts';
import { axisPosition, binStartMs, type LatencyAxis } from '../latencyBins.ts';

/** Width of a sparkline and of the axis drawn above the column of sparklines, px. */
export const SPARK_WIDTH = 160;

// Coordinates are rounded to 0.1 so the same data always gives the same bytes.
const r = (value: number) => Math.round(value * 10) / 10;

export interface SparklineInput {
  bins: readonly number[];
  axis: LatencyAxis;
  p95Ms: number;
  budgetMs?: number | undefined;
  /** Accessible description. */
  label: string;
}

/**
 * A latency distribution as bars on the report's shared log axis; bar height is the square
 * root of the share of samples so tails stay visible. The p95 is a solid tick, the budget a dashed line.
 */
export function sparklineSvg({ bins, axis, p95Ms, budgetMs, label }: SparklineInput): string {
  const width = SPARK_WIDTH;
  const height = 28;
  const peak = Math.max(...bins, 1);
  const step = width / bins.length;
  const bars = bins
    .map((count, i) => {
      if (count === 0) return '';
      const h = Math.max(1, Math.sqrt(count / peak) * (height - 4));
      return `<rect x="${r(i * step)}" y="${r(height - h)}" width="${r(Math.max(step - 0.4, 0.6))}" height="${r(h)}"/>`;
    })
    .join('');
  const x = (ms: number) => r(axisPosition(axis, ms) * width);
  const budget = budgetMs === undefined ? '' : `<line class="spark-budget" x1="${x(budgetMs)}" x2="${x(budgetMs)}" y1="0" y2="${height}"/>`;
  return (
    `<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeMarkup(label)}">` +
    `<title>${escapeMarkup(label)}</title><g class="spark-bars">${bars}</g>` +
    `<line class="spark-p95" x1="${x(p95Ms)}" x2="${x(p95Ms)}" y1="0" y2="${height}"/>${budget}</svg>`
  );
}

/** The shared log axis as a strip the width of a sparkline: a tick per decade, labels on alternate ones. */
export function axisSvg(axis: LatencyAxis): string {
  const height = 16;
  const decades = axis.bins / axis.binsPerDecade;
  const every = decades > 4 ? 2 : 1;
  const parts: string[] = [];
  for (let d = 0; d <= decades; d++) {
    const ms = binStartMs(axis, d * axis.binsPerDecade);
    const x = r(axisPosition(axis, ms) * SPARK_WIDTH);
    parts.push(`<line x1="${x}" x2="${x}" y1="${height - 4}" y2="${height}"/>`);
    if (d % every === 0) {
      const anchor = d === 0 ? 'start' : d === decades ? 'end' : 'middle';
      parts.push(`<text x="${x}" y="${height - 6}" text-anchor="${anchor}">${escapeMarkup(msLabel(ms))}</text>`);
    }
  }
  const label = `latency axis from ${msLabel(axis.lowMs)} to ${msLabel(axis.highMs)}, logarithmic`;
  return `<svg class="spark-axis" viewBox="0 0 ${SPARK_WIDTH} ${height}" width="${SPARK_WIDTH}" height="${height}" role="img" aria-label="${label}"><line x1="0" x2="${SPARK_WIDTH}" y1="${height - 0.5}" y2="${height - 0.5}"/>${parts.join('')}</svg>`;
}

/** "10 µs", "0.1 ms", "100 ms", "10 s" for powers of ten. */
export function msLabel(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(3))} s`;
  if (ms < 0.1) return `${Number((ms * 1000).toPrecision(3))} µs`;
  return `${Number(ms.toPrecision(3))} ms`;
}

export interface LineChartInput {
  /** Chart heading, also its accessible name. */
  title: string;
  /** Unit of the y values, e.g. "req/s", "ms", "%". */
  unit: string;
  points: readonly SeriesPoint[];
  /** A horizontal line the values must stay below, e.g. the 80-connection alert line. */
  threshold?: { value: number; label: string } | undefined;
  /** Further series on the same axes (e.g. p50 and p99 beside p95), drawn thinner and named in a legend. */
  others?: readonly { label: string; points: readonly SeriesPoint[] }[];
}

/** A time series as an SVG line chart with labelled axes and an optional threshold line. */
export function lineChartSvg({ title, unit, points, threshold, others = [] }: LineChartInput): string {
  const width = 420;
  const height = 190;
  const left = 46;
  const right = 10;
  const top = 24;
  const bottom = 24;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const all = [...points, ...others.flatMap((other) => other.points)];
  const tMax = Math.max(...all.map((p) => p.t), 1);
  const yMax = niceCeil(Math.max(...all.map((p) => p.value), threshold ? threshold.value * 1.1 : 0, 1e-9));
  const x = (t: number) => r(left + (t / tMax) * plotW);
  const y = (value: number) => r(top + plotH - (value / yMax) * plotH);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t)} ${y(p.value)}`).join(' ');
  const dots = points.length <= 40 ? points.map((p) => `<circle cx="${x(p.t)}" cy="${y(p.value)}" r="2.2"/>`).join('') : '';
  const yTicks = [0, yMax / 2, yMax]
    .map((v) => `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}"/><text x="${left - 6}" y="${r(y(v) + 4)}" text-anchor="end">${escapeMarkup(tickLabel(v))}</text>`)
    .join('');
  const xTicks = [0, tMax / 2, tMax]
    .map((t, i) => `<text x="${x(t)}" y="${height - 8}" text-anchor="${['start', 'middle', 'end'][i]}">${escapeMarkup(`${tickLabel(t)} s`)}</text>`)
    .join('');
  const line = threshold
    ? `<line class="threshold" x1="${left}" x2="${width - right}" y1="${y(threshold.value)}" y2="${y(threshold.value)}"/>` +
      `<text class="threshold-label" x="${width - right - 4}" y="${r(y(threshold.value) - 4)}" text-anchor="end">${escapeMarkup(threshold.label)}</text>`
    : '';
  const label = `${title} (${unit}) over ${tickLabel(tMax)} s`;
  const extra = others
    .map((other, i) => {
      const d = other.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.t)} ${y(p.value)}`).join(' ');
      return `<path class="series alt alt-${i}" d="${d}"/><text class="legend" x="${r(left + 60 + i * 60)}" y="12">${escapeMarkup(other.label)}</text>`;
    })
    .join('');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeMarkup(label)}">` +
    `<title>${escapeMarkup(label)}</title>${yTicks}${xTicks}` +
    `<text class="unit" x="2" y="12">${escapeMarkup(unit)}</text>${line}` +
    `${extra}<path class="series" d="${path}"/><g class="dots">${dots}</g></svg>`
  );
}

/** The smallest of 1, 2, 2.5, 5 × 10^k not below value. */
export function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

function tickLabel(value: number): string {
  if (value === 0) return '0';
  if (value >= 1000) return `${Math.round(value / 100) / 10}k`.replace('.0k', 'k');
  return String(Number(value.toPrecision(3)));
}
