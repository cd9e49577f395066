/** GOMFLOW's 31 tables by system, as gomflow-schema.md §2 and the checklist group them. */
export const GOMFLOW_TABLE_GROUPS = {
  core: ['profiles', 'orders', 'submissions', 'payment_transactions', 'platform_connections', 'messages', 'platform_posts'],
  notifications: ['notifications', 'notification_preferences', 'user_devices', 'notification_templates', 'notification_deliveries'],
  analytics: [
    'analytics_events',
    'analytics_aggregations',
    'analytics_reports',
    'analytics_alerts',
    'analytics_export_jobs',
    'analytics_dashboards',
    'analytics_user_sessions',
    'analytics_funnels',
    'analytics_cohorts',
    'analytics_segments',
    'analytics_ab_tests',
  ],
  monitoring: [
    'monitoring_metrics',
    'monitoring_alerts',
    'monitoring_logs',
    'monitoring_dashboards',
    'monitoring_notifications',
    'monitoring_service_health',
    'monitoring_alert_rules',
    'monitoring_downtimes',
  ],
} as const;

export type TableGroup = keyof typeof GOMFLOW_TABLE_GROUPS;
