import { rngFor } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { idMaker } from '../../world/index.ts';
import { pickGom } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, timeAfter } from './configShape.ts';

/**
 * analytics_alerts: metric alerts GOMs set up through POST /api/analytics/alerts (AlertConfig:
 * time_window in minutes, channels email/slack/webhook). recipients are the owners' user ids:
 * the analytics migration's policy reads them as uuid[], so they must be UUIDs.
 */
const KINDS: readonly { name: string; description: string; metric: string; condition: 'above' | 'below' | 'equals' | 'changes_by'; threshold: () => number; windowMinutes: readonly number[] }[] = [
  { name: 'Conversion rate dropped', description: 'Fewer viewers submit than usual.', metric: 'conversion_rate', condition: 'below', threshold: () => 10, windowMinutes: [60, 1440] },
  { name: 'Pending payments piling up', description: 'Too many submissions waiting for payment before the deadline.', metric: 'pending_payments', condition: 'above', threshold: () => 50, windowMinutes: [60, 360] },
  { name: 'Drop is taking off', description: 'Submissions per hour jumped.', metric: 'submissions_per_hour', condition: 'changes_by', threshold: () => 200, windowMinutes: [15, 60] },
  { name: 'Payment errors', description: 'Gateway errors above normal.', metric: 'payment_error_rate', condition: 'above', threshold: () => 5, windowMinutes: [5, 15] },
  { name: 'Revenue milestone', description: 'Daily revenue passed the target.', metric: 'revenue_today', condition: 'above', threshold: () => 100_000, windowMinutes: [1440] },
  { name: 'No active orders', description: 'Shop has no open group order.', metric: 'active_orders', condition: 'equals', threshold: () => 0, windowMinutes: [1440] },
];
const CHANNELS: readonly (readonly string[])[] = [['email'], ['email'], ['email', 'slack'], ['webhook'], ['email', 'webhook']];

export const analyticsAlertsSpec: TableSpec = {
  table: 'public.analytics_alerts',
  columns: ['id', 'name', 'description', 'metric', 'condition', 'threshold', 'time_window', 'is_active', 'recipients', 'channels', 'webhook_url', 'last_triggered', 'trigger_count', 'created_at', 'updated_at'],
  dependsOn: [],
  estimateRows: (ctx) => configRows(ctx, 1.5, 6),
  rows: (ctx) => alertRows(ctx),
};

function* alertRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_alerts');
  const referenceMs = ctx.referenceDate.getTime();
  const n = configRows(ctx, 1.5, 6);
  const rows: { createdMs: number; row: (seq: number) => Row }[] = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_alert', i);
    const kind = KINDS[i % KINDS.length]!;
    const owner = pickGom(ctx, rng, referenceMs);
    const createdMs = timeAfter(rng, ctx, owner?.createdAtMs ?? referenceMs - 90 * DAY_MS);
    const cohost = rng.chance(0.2) ? pickGom(ctx, rng, createdMs) : null;
    const recipients = [owner?.userId, cohost?.userId].filter((u, k, all): u is string => typeof u === 'string' && all.indexOf(u) === k);
    const channels = rng.pick(CHANNELS);
    const triggers = rng.chance(0.6) ? rng.int(1, 40) : 0;
    const lastTriggered = triggers > 0 ? timeAfter(rng, ctx, createdMs) : null;
    const updatedMs = rng.chance(0.3) ? timeAfter(rng, ctx, createdMs) : createdMs;
    rows.push({
      createdMs,
      row: (seq) => [
        id(seq), kind.name, kind.description, kind.metric, kind.condition, kind.threshold(), rng.pick(kind.windowMinutes),
        rng.chance(0.85), recipients, channels,
        channels.includes('webhook') ? `https://hooks.example.com/gomflow/${id(seq).slice(-12)}` : null,
        lastTriggered === null ? null : new Date(lastTriggered), triggers, new Date(createdMs), new Date(Math.max(updatedMs, lastTriggered ?? 0)),
      ],
    });
  }
  rows.sort((a, b) => a.createdMs - b.createdMs);
  for (let seq = 0; seq < rows.length; seq += 1) yield rows[seq]!.row(seq);
}
