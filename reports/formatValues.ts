/** Thousands separators without depending on the machine's locale, so output is the same everywhere. */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Milliseconds with precision that fits the size: 0.482, 4.12, 12.5, 130, 1,234. */
export function formatMs(ms: number): string {
  if (ms === 0) return '0';
  const abs = Math.abs(ms);
  if (abs >= 100) return formatCount(ms);
  if (abs >= 10) return ms.toFixed(1);
  if (abs >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

/** Percent with two decimals below 10, one above: "0.25 %", "12.5 %". */
export function formatPct(pct: number): string {
  return `${Math.abs(pct) >= 10 ? pct.toFixed(1) : pct.toFixed(2)} %`;
}

/** A duration for people: "850 ms", "4.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatMs(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** Per-second rate: "1,234/s", "12.5/s", "0.40/s". */
export function formatRate(perSecond: number): string {
  if (perSecond >= 100) return `${formatCount(perSecond)}/s`;
  return `${perSecond >= 10 ? perSecond.toFixed(1) : perSecond.toFixed(2)}/s`;
}

/** A value in its budget unit: "130 ms", "0.25 %", "81 connections". */
export function formatInUnit(value: number, unit: string): string {
  if (unit === 'ms') return value >= 1000 && value % 1000 === 0 ? `${formatCount(value / 1000)} s` : `${formatMs(value)} ms`;
  if (unit === '%') return formatPct(value);
  return `${formatCount(value)} ${unit}`;
}

/** Signed change of a p95: "+25.0 % (+10.0 ms)", "−3.20 % (−0.40 ms)". */
export function formatChange(deltaMs: number, deltaPct: number | null): string {
  const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');
  const ms = `${sign(deltaMs)}${formatMs(Math.abs(deltaMs))} ms`;
  if (deltaPct === null) return ms;
  return `${sign(deltaPct)}${formatPct(Math.abs(deltaPct))} (${ms})`;
}
