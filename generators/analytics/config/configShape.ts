import { DAY_MS, HOUR_MS } from '../../distributions.ts';
import type { Random } from '../../random.ts';
import type { SeedContext } from '../../types.ts';

/**
 * Sizes and times shared by the analytics configuration tables. They are configuration, so
 * they grow with the square root of the GOM count: 20 GOMs have a handful of dashboards,
 * 60,000 GOMs a few hundred, not 60,000.
 */
export function configRows(ctx: SeedContext, perSqrtGom: number, minimum: number): number {
  return Math.max(minimum, Math.round(perSqrtGom * Math.sqrt(ctx.counts.goms)));
}

/** How far back analytics configuration reaches: the analytics service shipped ~4 months ago. */
export const CONFIG_HISTORY_DAYS = 120;

/** A time after `sinceMs` (someone's sign-up) within the last `days` days before the reference date. */
export function timeAfter(rng: Random, ctx: SeedContext, sinceMs: number, days = CONFIG_HISTORY_DAYS): number {
  const referenceMs = ctx.referenceDate.getTime();
  let lo = Math.max(sinceMs + HOUR_MS, referenceMs - days * DAY_MS);
  if (lo > referenceMs) lo = Math.min(referenceMs, sinceMs);
  return Math.floor(lo + rng.next() * (referenceMs - lo));
}

/** Object paths in the private `export-files` bucket, behind a reserved example.com host. */
export function exportFileUrl(userId: string, name: string, ext: string): string {
  return `https://storage.gomflow.example.com/storage/v1/object/export-files/exports/${userId}/${name}.${ext}`;
}

/** YYYY-MM-DD of a UTC+8 local date (a `date` column value). */
export function localDate(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10);
}

export { DAY_MS, HOUR_MS };
