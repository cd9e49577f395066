import { DAY_MS, HOUR_MS } from '../distributions.ts';
import type { Row, SeedContext, TableSpec } from '../types.ts';
import { runTextIdPrefix } from '../world/ids.ts';
import { money, order } from '../world/orders.ts';
import { activityStream } from './eventsActivity.ts';

type Bucket = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** How far back the fine buckets reach (the pipeline's 5-minute job keeps recent windows hot). */
const TYPED_DAILY_WINDOW_MS = 30 * DAY_MS;
const HOURLY_WINDOW_MS = 24 * HOUR_MS;
const MINUTE_WINDOW_MS = HOUR_MS;

/**
 * analytics_aggregations, computed from the same activity stream the events spec writes, so
 * every count agrees with analytics_events (and submissions/revenue/orders with their tables):
 * events per day, ISO week and month over the analytics window, by type per day (last 30 days)
 * and per hour (last 24 h), per minute (last hour); over the whole history, submissions per
 * day by country, paid revenue per day by currency (by paid_at) and drops opened per week by
 * country. Buckets are UTC, as the pipeline's date_trunc is. Holds only the counters (a few
 * thousand at most), never the events. Empty in 'built' mode: the pipeline upserts only after
 * a window scan that found events (gomflow-traffic.md AN2), and nothing posts any.
 */
export const analyticsAggregationsSpec: TableSpec = {
  table: 'public.analytics_aggregations',
  columns: ['id', 'metric_name', 'metric_value', 'dimensions', 'time_bucket', 'bucket_size', 'created_at'],
  dependsOn: [],
  // Bounded by the buckets, not the scale: ~2.9k when every bucket has data, fewer at tiny.
  estimateRows: (ctx) => {
    if (ctx.analytics === 'built') return 0;
    const days = Math.min(365, ctx.counts.analyticsDays);
    const eventBuckets = days * (1 + 1 / 7 + 1 / 30) + 2 + Math.min(30, days) * 13 + 24 * 8 + 50;
    return Math.round(Math.min(1, 0.45 + ctx.counts.submissions / 100_000) * (eventBuckets + 730 * 2 + 106));
  },
  *rows(ctx) {
    yield* aggregationRows(ctx);
  },
};

/** metric → bucket → "timeMs|dimension" → value. */
type Counters = Map<string, number>;

export function aggregationRows(ctx: SeedContext): Row[] {
  if (ctx.analytics === 'built') return [];
  const endMs = ctx.referenceDate.getTime();
  const tables = new Map<string, { bucket: Bucket; dimension: string; counters: Counters }>();
  const add = (metric: string, bucket: Bucket, dimension: string, timeMs: number, dimValue: string, amount: number) => {
    const key = `${metric}/${bucket}/${dimension}`;
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { bucket, dimension, counters: new Map() }));
    const k = `${timeMs}|${dimValue}`;
    t.counters.set(k, (t.counters.get(k) ?? 0) + amount);
  };
  const monthStart = new Map<number, number>();
  const monthOf = (dayMs: number) => {
    let m = monthStart.get(dayMs);
    if (m === undefined) {
      const d = new Date(dayMs);
      monthStart.set(dayMs, (m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
    }
    return m;
  };

  const onSubmission = (s: { createdAtMs: number; country: string; status: string; paidAtMs: number; currency: string; totalMinor: number }) => {
    add('submissions_count', 'day', 'country', floorTo(s.createdAtMs, DAY_MS), s.country, 1);
    if (s.status === 'paid') add('revenue', 'day', 'currency', floorTo(s.paidAtMs, DAY_MS), s.currency, s.totalMinor);
  };
  for (const activity of activityStream(ctx, onSubmission)) {
    for (const e of activity.events) {
      const day = floorTo(e.atMs, DAY_MS);
      add('events_count', 'day', '', day, '', 1);
      add('events_count', 'week', '', weekStart(day), '', 1);
      add('events_count', 'month', '', monthOf(day), '', 1);
      if (e.atMs >= endMs - TYPED_DAILY_WINDOW_MS) add('events_count', 'day', 'event_type', day, e.type, 1);
      if (e.atMs >= endMs - HOURLY_WINDOW_MS) add('events_count', 'hour', 'event_type', floorTo(e.atMs, HOUR_MS), e.type, 1);
      if (e.atMs >= endMs - MINUTE_WINDOW_MS) add('events_count', 'minute', '', floorTo(e.atMs, 60_000), '', 1);
    }
  }
  for (let j = 0; j < ctx.counts.orders; j += 1) {
    const o = order(ctx, j);
    add('orders_created', 'week', 'country', weekStart(floorTo(o.createdAtMs, DAY_MS)), o.country, 1);
  }

  const prefix = runTextIdPrefix(ctx.runTag);
  const rows: Row[] = [];
  for (const key of [...tables.keys()].sort()) {
    const t = tables.get(key)!;
    const metric = key.slice(0, key.indexOf('/'));
    const entries = [...t.counters.entries()].map(([k, v]) => {
      const bar = k.indexOf('|');
      return { timeMs: Number(k.slice(0, bar)), dimValue: k.slice(bar + 1), value: v };
    });
    entries.sort((a, b) => a.timeMs - b.timeMs || (a.dimValue < b.dimValue ? -1 : a.dimValue > b.dimValue ? 1 : 0));
    for (const e of entries) {
      const iso = new Date(e.timeMs).toISOString();
      const dims = t.dimension === '' ? '{}' : `{"${t.dimension}":"${e.dimValue}"}`;
      const bucketEnd = e.timeMs + bucketLength(t.bucket, e.timeMs);
      // Written by the 5-minute pipeline job after the bucket closed (or at "now" for open buckets).
      const created = Math.min(endMs, bucketEnd + 60_000 + (e.timeMs % 240_000));
      rows.push([
        `${prefix}${metric}:${t.bucket}:${iso}${t.dimension === '' ? '' : `:${e.dimValue}`}`,
        metric,
        metric === 'revenue' ? money(e.value) : e.value,
        dims,
        new Date(e.timeMs),
        t.bucket,
        new Date(created),
      ]);
    }
  }
  return rows;
}

function floorTo(ms: number, unit: number): number {
  return Math.floor(ms / unit) * unit;
}

/** Monday 00:00 UTC of the ISO week holding `dayMs` (1970-01-05 was a Monday). */
function weekStart(dayMs: number): number {
  const monday = 4 * DAY_MS;
  return Math.floor((dayMs - monday) / (7 * DAY_MS)) * 7 * DAY_MS + monday;
}

function bucketLength(bucket: Bucket, startMs: number): number {
  switch (bucket) {
    case 'minute':
      return 60_000;
    case 'hour':
      return HOUR_MS;
    case 'day':
      return DAY_MS;
    case 'week':
      return 7 * DAY_MS;
    case 'month': {
      const d = new Date(startMs);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - startMs;
    }
  }
}
