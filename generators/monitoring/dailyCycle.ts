

/**
 * GOMFLOW's daily traffic shape in the Philippines and Malaysia (both UTC+8): near idle from
 * 02:00 to 06:00, a lunch bump, and the evening peak from 19:00 to 22:00 when drops open and
 * buyers pay. Values are relative to the evening peak (1.0). Fridays and weekends run higher.
 */
const HOURLY = [
  0.55, 0.38, 0.22, 0.15, 0.12, 0.13, 0.2, 0.32, 0.42, 0.5, 0.55, 0.6,
  0.72, 0.68, 0.58, 0.58, 0.62, 0.7, 0.82, 0.92, 1.0, 1.0, 0.9, 0.75,
];

/** Sunday first, like Date.getUTCDay(). */
const WEEKDAY = [1.05, 0.95, 1.0, 1.0, 1.0, 1.1, 1.1];

export const UTC8_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** One value per minute of the local day, interpolated between the hourly points. */
const BY_MINUTE = (() => {
  const table = new Float64Array(1440);
  for (let m = 0; m < 1440; m += 1) {
    const h = Math.floor(m / 60);
    const f = (m % 60) / 60;
    table[m] = HOURLY[h]! * (1 - f) + HOURLY[(h + 1) % 24]! * f;
  }
  return table;
})();

/** Relative user traffic at a UTC instant (ms since epoch), weekday included. */
export function dailyLoad(ms: number): number {
  const local = ms + UTC8_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const minuteOfDay = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  // 1970-01-01 was a Thursday.
  return BY_MINUTE[minuteOfDay]! * WEEKDAY[(day + 4) % 7]!;
}

/** Days since the epoch in UTC+8, so one "day" runs from local midnight to local midnight. */
export function localDayNumber(ms: number): number {
  return Math.floor((ms + UTC8_OFFSET_MS) / DAY_MS);
}

/** UTC ms of local midnight starting local day `day`. */
export function localDayStartMs(day: number): number {
  return day * DAY_MS - UTC8_OFFSET_MS;
}

/** The last Sunday 03:30 local at or before `ms`: the end of the weekly maintenance window, when hosts restart. */
export function lastWeeklyRestartMs(ms: number): number {
  const day = localDayNumber(ms);
  // 1970-01-01 (day 0) was a Thursday, so (day + 4) % 7 is 0 on Sundays.
  let restart = localDayStartMs(day - ((day + 4) % 7)) + 3.5 * 3_600_000;
  if (restart > ms) restart -= 7 * DAY_MS;
  return restart;
}
