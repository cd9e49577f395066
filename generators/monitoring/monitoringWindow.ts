import type { SeedContext } from '../types.ts';
import { MINUTE_MS } from './dailyCycle.ts';

/** The monitored stretch: whole minutes ending at the reference date's minute. */
export interface MonitoringWindow {
  /** UTC ms of the first minute. */
  startMs: number;
  /** Number of minutes; the last one starts a minute before the reference minute. */
  minutes: number;
  /** UTC ms of the reference minute (exclusive end). */
  endMs: number;
  /** The reference date itself (ms), which nothing may pass. */
  referenceMs: number;
}

export function monitoringWindow(ctx: SeedContext): MonitoringWindow {
  const referenceMs = ctx.referenceDate.getTime();
  const endMs = Math.floor(referenceMs / MINUTE_MS) * MINUTE_MS;
  const minutes = Math.max(0, Math.round(ctx.counts.monitoringHours * 60));
  return { startMs: endMs - minutes * MINUTE_MS, minutes, endMs, referenceMs };
}
