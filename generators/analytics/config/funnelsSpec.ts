import { rngFor } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom, staffAt, staffSinceMs } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, timeAfter } from './configShape.ts';

/**
 * analytics_funnels: the buyer funnel view → submit → proof uploaded → verified, platform-wide
 * and per channel and country, plus GOMs' funnels for their own drops. Steps 2–4 name the
 * analytics_events.event_type they count. The event_type CHECK list has no page view: the
 * seeded order-page reads are 'platform_message_received' events told apart only by their
 * event_data.route (analytics/buyerJourney.ts), so step 1 counts sessions with page views.
 */
export const BUYER_FUNNEL_STEPS = [
  { step: 1, name: 'Order viewed', source: 'analytics_user_sessions', field: 'page_views', condition: { gt: 0 } },
  { step: 2, name: 'Submitted', eventType: 'submission_created' },
  { step: 3, name: 'Payment proof uploaded', eventType: 'submission_payment_uploaded' },
  { step: 4, name: 'Payment verified', eventType: 'submission_payment_verified' },
] as const;

const PLATFORM_FUNNELS: readonly { name: string; description: string; filters: Record<string, string> | null; windowHours: number }[] = [
  { name: 'Buyer purchase funnel', description: 'Order view to verified payment, all channels.', filters: null, windowHours: 72 },
  { name: 'Telegram bot funnel', description: 'Buyers who order through the Telegram bot.', filters: { platform: 'telegram' }, windowHours: 72 },
  { name: 'Discord funnel', description: 'Buyers who order through Discord.', filters: { platform: 'discord' }, windowHours: 72 },
  { name: 'PH funnel', description: 'Philippines: GCash, Maya, card, GrabPay.', filters: { country: 'PH' }, windowHours: 48 },
  { name: 'MY funnel', description: 'Malaysia: FPX, Touch n Go, Boost, card.', filters: { country: 'MY' }, windowHours: 48 },
];

function steps(filters: Record<string, string> | null): Record<string, unknown>[] {
  return BUYER_FUNNEL_STEPS.map((s) => (filters ? { ...s, filters } : { ...s }));
}

export const analyticsFunnelsSpec: TableSpec = {
  table: 'public.analytics_funnels',
  columns: ['id', 'name', 'description', 'steps', 'conversion_window_hours', 'is_active', 'created_by', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => PLATFORM_FUNNELS.length + (ctx.counts.goms === 0 ? 0 : configRows(ctx, 0.25, 1)),
  rows: (ctx) => funnelRows(ctx),
};

function* funnelRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_funnels');
  const referenceMs = ctx.referenceDate.getTime();
  const launchMs = Math.max(referenceMs - 115 * DAY_MS, staffSinceMs(ctx) + DAY_MS);
  let seq = 0;
  for (let f = 0; f < PLATFORM_FUNNELS.length; f += 1) {
    const funnel = PLATFORM_FUNNELS[f]!;
    const rng = rngFor(ctx.seed, 'analytics_funnel_platform', f);
    const createdMs = Math.min(referenceMs, launchMs + f * DAY_MS);
    yield [id(seq++), funnel.name, funnel.description, steps(funnel.filters), funnel.windowHours, true, staffAt(ctx, f, createdMs), new Date(createdMs), new Date(rng.chance(0.5) ? timeAfter(rng, ctx, createdMs) : createdMs)];
  }
  if (ctx.counts.goms === 0) return;
  const n = configRows(ctx, 0.25, 1);
  const own = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_funnel', i);
    const owner = pickGom(ctx, rng, referenceMs);
    if (owner) own.push({ i, rng, owner, createdMs: timeAfter(rng, ctx, owner.createdAtMs) });
  }
  own.sort((a, b) => a.createdMs - b.createdMs || a.i - b.i);
  for (const { rng, owner, createdMs } of own) {
    const g = gom(ctx, owner.index);
    yield [
      id(seq++), `${g.shopName}: drop funnel`, rng.chance(0.5) ? 'Where buyers drop off on my orders.' : null,
      steps({ gom_id: owner.userId }), rng.pick([24, 48, 72, 168]), rng.chance(0.85), owner.userId,
      new Date(createdMs), new Date(createdMs),
    ];
  }
}
