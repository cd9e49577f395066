// What gomflow-schema.md says production holds besides tables, indexes and policies
// (expectedTables.ts), and what CHECKLIST.md claims about it.

/** The 9 functions (§4), with whether each is SECURITY DEFINER. */
export const EXPECTED_FUNCTIONS: Record<string, { securityDefiner: boolean }> = {
  generate_payment_reference: { securityDefiner: false },
  update_updated_at_column: { securityDefiner: false },
  get_order_stats: { securityDefiner: false },
  get_user_dashboard_stats: { securityDefiner: false },
  create_default_notification_preferences: { securityDefiner: true },
  get_unread_notification_count: { securityDefiner: true },
  mark_notification_read: { securityDefiner: true },
  cleanup_old_data: { securityDefiner: true },
  database_health_check: { securityDefiner: true },
};

/** The 15 tables whose updated_at a trigger maintains (§5); `notifications` has the column but no trigger. */
const UPDATED_AT_TABLES = [
  'profiles', 'orders', 'submissions', 'notification_preferences', 'user_devices', 'notification_templates',
  'analytics_alerts', 'analytics_dashboards', 'analytics_funnels', 'analytics_segments', 'analytics_ab_tests',
  'monitoring_alerts', 'monitoring_dashboards', 'monitoring_alert_rules', 'monitoring_downtimes',
];

/** The 16 triggers (§5): table → trigger names. */
export const EXPECTED_TRIGGERS: Record<string, readonly string[]> = Object.fromEntries(
  UPDATED_AT_TABLES.map((table) => [table, table === 'profiles' ? [`trigger_${table}_updated_at`, 'trigger_create_notification_preferences'] : [`trigger_${table}_updated_at`]]),
);

/** The 4 buckets (§7.1) and whether each should be public (CHECKLIST.md "Storage Buckets Setup"). */
export const EXPECTED_BUCKETS: Record<string, { public: boolean }> = {
  'payment-proofs': { public: false },
  'profile-images': { public: true },
  'order-images': { public: true },
  'export-files': { public: false },
};

/** MIME types that fit each bucket's purpose, for the remediation of a missing allowed_mime_types. */
export const BUCKET_MIME_TYPES: Record<string, readonly string[]> = {
  'payment-proofs': ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  'profile-images': ['image/jpeg', 'image/png', 'image/webp'],
  'order-images': ['image/jpeg', 'image/png', 'image/webp'],
  'export-files': ['text/csv', 'application/json', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

/** The 8 seeded notification templates (§8) as `type/channel`, all language en. */
export const EXPECTED_TEMPLATES: readonly string[] = [
  'order_created/websocket',
  'order_goal_reached/websocket',
  'submission_payment_confirmed/websocket',
  'order_deadline_approaching/push',
  'submission_payment_required/push',
  'new_order_recommendation/push',
  'submission_payment_confirmed/email',
  'order_completed/email',
];

/** The 3 views (§9). */
export const EXPECTED_VIEWS: readonly string[] = ['order_summaries', 'slow_queries', 'connection_stats'];

/** CHECKLIST.md "Phase 1: Core Schema": the counts it promises. */
export const CHECKLIST_CLAIMS = { indexes: 100, functions: 15, triggers: 20, policies: 50 } as const;

/** The 6 explicit indexes that duplicate a PK/UNIQUE index (§3.5): dropping them loses nothing. */
export const DUPLICATE_INDEXES: readonly string[] = [
  'idx_profiles_email',
  'idx_profiles_username',
  'idx_orders_slug',
  'idx_submissions_payment_reference',
  'idx_notification_preferences_user_id',
  'idx_notification_templates_type_channel',
];
