/**
 * The harness's one set of number formatters: reports, terminal tables, progress lines and
 * CLI notes all print counts, times, rates and sizes through these, so the same value reads
 * the same everywhere and on every machine (no locale lookups).
 */

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

/** How many per second `count` things in `ms` milliseconds are; 0 when no time passed. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** Per-second rate, optionally of a unit: "1,234/s", "12.5/s", "0.40 rows/s". */
export function formatRate(perSecondValue: number, unit = ''): string {
  const number = perSecondValue >= 100 ? formatCount(perSecondValue) : perSecondValue >= 10 ? perSecondValue.toFixed(1) : perSecondValue.toFixed(2);
  return `${number}${unit ? ` ${unit}` : ''}/s`;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Bytes in 1024 steps, as PostgreSQL and Supabase print them ("50 MB" is 52428800): "512 B", "1.5 kB", "50 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A value in its budget unit: "130 ms", "0.25 %", "81 connections". */
export function formatInUnit(value: number, unit: string): string {
  if (unit === 'ms') return value >= 1000 && value % 1000 === 0 ? `${formatCount(value / 1000)} s` : `${formatMs(value)} ms`;
  if (unit === '%') return formatPct(value);
  return `${formatCount(value)} ${unit}`;
}

const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');

/** Signed percent change: "+25.0 %", "−3.20 %". */
export function formatSignedPct(pct: number): string {
  return `${sign(pct)}${formatPct(Math.abs(pct))}`;
}

/** Signed change of a p95: "+25.0 % (+10.0 ms)", "−3.20 % (−0.40 ms)". */
export function formatChange(deltaMs: number, deltaPct: number | null): string {
  const ms = `${sign(deltaMs)}${formatMs(Math.abs(deltaMs))} ms`;
  if (deltaPct === null) return ms;
  return `${formatSignedPct(deltaPct)} (${ms})`;
}
