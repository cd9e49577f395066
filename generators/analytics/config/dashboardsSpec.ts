import { rngFor, type Random } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom, staffAt, staffSinceMs } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, timeAfter } from './configShape.ts';

/**
 * analytics_dashboards: the platform's default dashboards and GOMs' own. config holds
 * DashboardWidget[] as the analytics service defines them. shared_with holds only user ids of
 * seeded GOMs: the SELECT policy casts the whole array to uuid[], so one non-UUID element
 * breaks every query that reaches the row (schema §6.2 item 7).
 */
type WidgetType = 'metric' | 'chart' | 'table' | 'map' | 'funnel';
interface Widget { id: string; type: WidgetType; title: string; config: Record<string, unknown>; refreshInterval: number }

const WIDGETS: readonly Omit<Widget, 'id'>[] = [
  { type: 'metric', title: 'Revenue today', config: { metric: 'revenue_today', size: 'small' }, refreshInterval: 60 },
  { type: 'metric', title: 'Pending payments', config: { metric: 'pending_payments', size: 'small' }, refreshInterval: 60 },
  { type: 'chart', title: 'Submissions per hour', config: { metric: 'submissions', chartType: 'line', timeRange: 'day', size: 'large' }, refreshInterval: 300 },
  { type: 'chart', title: 'Revenue by week', config: { metric: 'total_revenue', chartType: 'bar', timeRange: 'month', size: 'medium' }, refreshInterval: 3600 },
  { type: 'chart', title: 'Payment methods', config: { metric: 'payment_method_usage', chartType: 'pie', timeRange: 'month', size: 'medium' }, refreshInterval: 3600 },
  { type: 'funnel', title: 'View → submit → proof → verified', config: { metric: 'buyer_purchase_funnel', timeRange: 'week', size: 'large' }, refreshInterval: 900 },
  { type: 'map', title: 'Buyers by city', config: { metric: 'buyers', groupBy: 'city', timeRange: 'month', size: 'medium' }, refreshInterval: 3600 },
  { type: 'table', title: 'Top orders', config: { metric: 'total_submissions', groupBy: 'order_id', timeRange: 'week', size: 'large' }, refreshInterval: 600 },
];

const DEFAULTS: readonly { name: string; description: string; widgets: readonly number[] }[] = [
  { name: 'GOM overview', description: 'Default dashboard for every GOM: revenue, pending payments, submissions.', widgets: [0, 1, 2, 5] },
  { name: 'Platform KPIs', description: 'Platform-wide conversion, revenue and buyers across PH and MY.', widgets: [3, 4, 5, 6] },
  { name: 'Drop night', description: 'Live view for the hour a drop opens.', widgets: [0, 2, 7] },
];

function config(rng: Random, widgetIndexes: readonly number[]): Record<string, unknown> {
  const widgets = widgetIndexes.map((w, k) => ({ id: `widget-${k + 1}`, ...WIDGETS[w]!, config: { ...WIDGETS[w]!.config, position: { x: (k % 2) * 6, y: Math.floor(k / 2) * 4, w: 6, h: 4 } } }));
  return { layout: 'grid', columns: 12, theme: rng.chance(0.3) ? 'dark' : 'light', refreshInterval: 300, widgets };
}

export const analyticsDashboardsSpec: TableSpec = {
  table: 'public.analytics_dashboards',
  columns: ['id', 'name', 'description', 'config', 'is_default', 'is_public', 'created_by', 'shared_with', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => DEFAULTS.length + (ctx.counts.goms === 0 ? 0 : configRows(ctx, 1, 4)),
  rows: (ctx) => dashboardRows(ctx),
};

function* dashboardRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_dashboards');
  const referenceMs = ctx.referenceDate.getTime();
  let seq = 0;
  const launchMs = Math.max(referenceMs - 120 * DAY_MS, staffSinceMs(ctx) + DAY_MS);
  for (let d = 0; d < DEFAULTS.length; d += 1) {
    const rng = rngFor(ctx.seed, 'analytics_dashboard_default', d);
    const createdMs = Math.min(referenceMs, launchMs + d * 3_600_000);
    yield [id(seq++), DEFAULTS[d]!.name, DEFAULTS[d]!.description, config(rng, DEFAULTS[d]!.widgets), d === 0, true, staffAt(ctx, d, createdMs), [], new Date(createdMs), new Date(timeAfter(rng, ctx, createdMs))];
  }
  if (ctx.counts.goms === 0) return;
  const n = configRows(ctx, 1, 4);
  const own = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_dashboard', i);
    const owner = pickGom(ctx, rng, referenceMs);
    if (!owner) continue;
    own.push({ i, rng, owner, createdMs: timeAfter(rng, ctx, owner.createdAtMs) });
  }
  own.sort((a, b) => a.createdMs - b.createdMs || a.i - b.i);
  for (const { rng, owner, createdMs } of own) {
    const g = gom(ctx, owner.index);
    const shared: string[] = [];
    const shares = rng.chance(0.35) ? rng.int(1, 3) : 0;
    for (let k = 0; k < shares; k += 1) {
      const co = pickGom(ctx, rng, createdMs);
      if (co && co.userId !== owner.userId && !shared.includes(co.userId)) shared.push(co.userId);
    }
    const widgets = [0, 1, 2, 3, 4, 5, 6, 7].filter(() => rng.chance(0.55));
    yield [
      id(seq++), `${g.shopName} dashboard`, rng.chance(0.4) ? `Numbers for ${g.shopName} (${g.country})` : null,
      config(rng, widgets.length > 0 ? widgets : [0, 2]), false, rng.chance(0.08), owner.userId, shared,
      new Date(createdMs), new Date(rng.chance(0.5) ? timeAfter(rng, ctx, createdMs) : createdMs),
    ];
  }
}
