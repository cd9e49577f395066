import { GomflowError } from '../../../core/errors.ts';

/** --seed: a whole number the PRNG starts from. */
export function parseSeed(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 2_147_483_647) {
    throw new GomflowError('E_USAGE', `--seed must be a whole number from 0 to 2147483647, got '${raw}'`);
  }
  return Number(raw);
}

/** --reference-date: the "now" of the seeded world; default today (UTC midnight), so data is current. */
export function parseReferenceDate(raw: string | undefined, today: Date): Date {
  if (raw === undefined) return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : new Date(Number.NaN);
  // Date rolls 2026-02-30 over to 2026-03-02; a day that does not come back as written does not exist.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new GomflowError('E_USAGE', `--reference-date must be a real calendar date like 2026-11-20, got '${raw}'`);
  }
  return date;
}
