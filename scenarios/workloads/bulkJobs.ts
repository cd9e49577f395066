import type { JobJourney } from './workload.ts';

/**
 * The heavy background jobs of gomflow-traffic.md §4 and add-on 3, run over the big tables
 * while the launch mix runs (scenario bulk). Weights are against the launch mix's ≈ 86, so
 * each job starts about once per 50 iterations.
 */
export const BULK_JOBS: JobJourney[] = [
  {
    kind: 'job',
    name: 'reminder-scan',
    patterns: ['§4 reminder cron'],
    weight: 1.7,
    // Every pending submission of an order closing in the next 48 h that was not reminded in the last day.
    sql: `SELECT s.id, s.buyer_phone, s.buyer_platform, o.title, o.deadline FROM public.submissions s JOIN public.orders o ON o.id = s.order_id
          WHERE s.status = 'pending' AND o.deadline BETWEEN now() AND now() + interval '48 hours'
            AND (s.last_reminder_sent IS NULL OR s.last_reminder_sent < now() - interval '24 hours')`,
    budgetP95Ms: 1000,
  },
  { kind: 'job', name: 'cleanup-old-data', patterns: ['§4 cleanup_old_data'], weight: 0.9, sql: 'SELECT public.cleanup_old_data()', budgetP95Ms: 1000 },
  {
    kind: 'job',
    name: 'hourly-aggregation',
    patterns: ['AN1', 'AN2'],
    weight: 1.7,
    // AN1's window scan folded into AN2's upsert, over a day of events.
    sql: `INSERT INTO public.analytics_aggregations (id, metric_name, metric_value, dimensions, time_bucket, bucket_size)
          SELECT 'load-agg-' || event_type || '-' || date_trunc('hour', created_at), 'events', count(*), jsonb_build_object('event_type', event_type), date_trunc('hour', created_at), 'hour'
          FROM public.analytics_events WHERE created_at > now() - interval '1 day' GROUP BY event_type, date_trunc('hour', created_at)
          ON CONFLICT (id) DO UPDATE SET metric_value = EXCLUDED.metric_value`,
    budgetP95Ms: 1000,
  },
];
