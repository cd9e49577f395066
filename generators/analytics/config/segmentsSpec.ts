import { PH_SHARE } from '../../locale/country.ts';
import { rngFor } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom, staffAt, staffSinceMs } from '../../monitoring/gomPicks.ts';
import { DAY_MS, HOUR_MS, configRows, timeAfter } from './configShape.ts';

/**
 * analytics_segments: the platform's standard segments (criteria as POST /segment takes them,
 * column → value) and GOMs' own. user_count is what the last calculation found, from the
 * seeded population's shape.
 */
const STANDARD: readonly { name: string; description: string; criteria: Record<string, unknown>; share: (ctx: SeedContext) => number }[] = [
  { name: 'PH buyers', description: 'Buyers in the Philippines.', criteria: { country: 'PH', role: 'buyer' }, share: (c) => c.counts.buyerAccounts * PH_SHARE },
  { name: 'MY buyers', description: 'Buyers in Malaysia.', criteria: { country: 'MY', role: 'buyer' }, share: (c) => c.counts.buyerAccounts * (1 - PH_SHARE) },
  { name: 'Paying GOMs', description: 'GOMs on pro, gateway or business.', criteria: { role: 'gom', plan: ['pro', 'gateway', 'business'], subscription_status: 'active' }, share: (c) => c.counts.goms * 0.3 },
  { name: 'Free-plan GOMs near the limit', description: 'Free GOMs with 40+ of their 50 monthly orders used.', criteria: { role: 'gom', plan: 'free', monthly_orders: { gte: 40 } }, share: (c) => c.counts.goms * 0.04 },
  { name: 'Telegram-first buyers', description: 'Buyers who submit through the Telegram bot.', criteria: { platform: 'telegram' }, share: (c) => c.counts.buyerAccounts * 0.2 },
  { name: 'Discord buyers', description: 'Buyers who submit through Discord.', criteria: { platform: 'discord' }, share: (c) => c.counts.buyerAccounts * 0.1 },
  { name: 'Whales', description: 'PHP 20,000+ (or MYR 1,800+) spent in 90 days.', criteria: { spend_90d: { gte: 20_000, currency: 'PHP' } }, share: (c) => c.counts.buyerAccounts * 0.03 },
  { name: 'Dormant GOMs', description: 'No drop opened in 60 days.', criteria: { role: 'gom', last_order_days_ago: { gt: 60 } }, share: (c) => c.counts.goms * 0.35 },
  { name: 'New this week', description: 'Signed up in the last 7 days.', criteria: { created_within_days: 7 }, share: (c) => (c.counts.goms + c.counts.buyerAccounts) * 0.025 },
  { name: 'Late payers', description: 'Submissions pending 48 h or more before the deadline.', criteria: { status: 'pending', pending_hours: { gte: 48 } }, share: (c) => c.counts.buyerAccounts * 0.08 },
];

export const analyticsSegmentsSpec: TableSpec = {
  table: 'public.analytics_segments',
  columns: ['id', 'name', 'description', 'criteria', 'user_count', 'last_calculated', 'is_active', 'created_by', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => STANDARD.length + (ctx.counts.goms === 0 ? 0 : configRows(ctx, 0.5, 2)),
  rows: (ctx) => segmentRows(ctx),
};

function* segmentRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_segments');
  const referenceMs = ctx.referenceDate.getTime();
  const launchMs = Math.max(referenceMs - 110 * DAY_MS, staffSinceMs(ctx) + DAY_MS);
  let seq = 0;
  for (let s = 0; s < STANDARD.length; s += 1) {
    const seg = STANDARD[s]!;
    const rng = rngFor(ctx.seed, 'analytics_segment_standard', s);
    const createdMs = Math.min(referenceMs, launchMs + s * 5 * HOUR_MS);
    const calculatedMs = referenceMs - rng.int(1, 24 * 60) * 60_000;
    yield [
      id(seq++), seg.name, seg.description, seg.criteria, Math.round(seg.share(ctx) * (0.9 + 0.2 * rng.next())),
      new Date(Math.max(createdMs, calculatedMs)), s !== 3 || rng.chance(0.5), staffAt(ctx, s, createdMs), new Date(createdMs), new Date(Math.max(createdMs, calculatedMs)),
    ];
  }
  if (ctx.counts.goms === 0) return;
  const n = configRows(ctx, 0.5, 2);
  const own = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_segment', i);
    const owner = pickGom(ctx, rng, referenceMs);
    if (owner) own.push({ i, rng, owner, createdMs: timeAfter(rng, ctx, owner.createdAtMs) });
  }
  own.sort((a, b) => a.createdMs - b.createdMs || a.i - b.i);
  for (const { rng, owner, createdMs } of own) {
    const g = gom(ctx, owner.index);
    const repeat = rng.chance(0.6);
    const calculated = rng.chance(0.8) ? timeAfter(rng, ctx, createdMs, 14) : null;
    yield [
      id(seq++),
      repeat ? `${g.shopName}: repeat buyers` : `${g.shopName}: unpaid before deadline`,
      repeat ? 'Buyers with 2+ paid submissions to my drops.' : 'Buyers with a pending submission on an open drop.',
      repeat ? { gom_id: owner.userId, paid_submissions: { gte: 2 } } : { gom_id: owner.userId, status: 'pending', order_open: true },
      calculated === null ? 0 : rng.int(3, repeat ? 400 : 120), calculated === null ? null : new Date(calculated),
      rng.chance(0.9), owner.userId, new Date(createdMs), new Date(calculated ?? createdMs),
    ];
  }
}
