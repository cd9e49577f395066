import { pickCumulative } from '../distributions.ts';
import type { Random } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { gom, userIdOf, worldPlan } from '../world/index.ts';
import { contextKey } from './contextKey.ts';

/**
 * GOM profiles referenced by monitoring and analytics configuration (created_by, user_id,
 * requested_by, generated_by, shared_with). Always ids of seeded GOMs 0…goms−1, and never one
 * that had not signed up yet at the row's time.
 */
export interface GomRef {
  index: number;
  userId: string;
  createdAtMs: number;
}

const createdCache = new Map<string, Float64Array>();

/** GOM i's id and sign-up time; sign-up times are memoised per context (8 bytes a GOM). */
function gomRef(ctx: SeedContext, i: number): GomRef {
  const key = contextKey(ctx);
  let created = createdCache.get(key);
  if (!created) {
    created = new Float64Array(ctx.counts.goms).fill(Number.NaN);
    if (createdCache.size >= 4) createdCache.delete(createdCache.keys().next().value!);
    createdCache.set(key, created);
  }
  if (Number.isNaN(created[i]!)) created[i] = gom(ctx, i).createdAtMs;
  return { index: i, userId: userIdOf(ctx.runTag, i), createdAtMs: created[i]! };
}

const staffCache = new Map<string, readonly GomRef[]>();

/**
 * The platform team, who own alert rules, monitoring dashboards and downtimes: the three
 * longest-standing accounts among the first 64 GOMs (the seed has no separate staff accounts).
 */
export function staffGoms(ctx: SeedContext): readonly GomRef[] {
  const key = contextKey(ctx);
  let staff = staffCache.get(key);
  if (!staff) {
    const candidates = Array.from({ length: Math.min(64, ctx.counts.goms) }, (_, i) => gomRef(ctx, i));
    staff = candidates.sort((a, b) => a.createdAtMs - b.createdAtMs || a.index - b.index).slice(0, 3);
    if (staffCache.size >= 8) staffCache.delete(staffCache.keys().next().value!);
    staffCache.set(key, staff);
  }
  return staff;
}

/** Staff member k (cycling), if they had an account at `atMs`; else null (the row was made by automation). */
export function staffAt(ctx: SeedContext, k: number, atMs: number): string | null {
  const staff = staffGoms(ctx);
  if (staff.length === 0) return null;
  const member = staff[k % staff.length]!;
  return member.createdAtMs <= atMs ? member.userId : null;
}

/** When the whole platform team had signed up (configuration is never older). */
export function staffSinceMs(ctx: SeedContext): number {
  let since = -Infinity;
  for (const member of staffGoms(ctx)) since = Math.max(since, member.createdAtMs);
  return since;
}

/** A GOM drawn by popularity (busy GOMs do most things) who already had an account at `atMs`. */
export function pickGom(ctx: SeedContext, rng: Random, atMs: number): GomRef | null {
  if (ctx.counts.goms === 0) return null;
  const cdf = worldPlan(ctx).gomCdf;
  for (let tries = 0; tries < 8; tries += 1) {
    const g = gomRef(ctx, pickCumulative(rng, cdf));
    if (g.createdAtMs <= atMs) return g;
  }
  const fallback = staffGoms(ctx)[0]!;
  return fallback.createdAtMs <= atMs ? fallback : null;
}
