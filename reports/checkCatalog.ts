/**
 * Every automated checklist item's stable id and where its outcome comes from: "check" ids are
 * emitted by the Check command in results.checks[].id; the others the report derives from the
 * budgets, scenarios or seed section of the same run (a check with the same id counts too).
 */
export const CHECK_CATALOG = {
  'schema.tables': { source: 'check', verifies: 'all 31 GOMFLOW tables exist' },
  'schema.tables.core': { source: 'check', verifies: 'the 7 core tables exist (profiles, orders, submissions, payment_transactions, platform_connections, messages, platform_posts)' },
  'schema.tables.notifications': { source: 'check', verifies: 'the 5 notification tables exist' },
  'schema.tables.analytics': { source: 'check', verifies: 'the 11 analytics tables exist' },
  'schema.tables.monitoring': { source: 'check', verifies: 'the 8 monitoring tables exist' },
  'schema.indexes': { source: 'check', verifies: '100+ indexes exist; duplicate and unused indexes as warnings' },
  'schema.functions': { source: 'check', verifies: '15+ GOMFLOW functions exist' },
  'schema.functions-executable': { source: 'check', verifies: 'every function compiles and runs; SECURITY DEFINER without search_path as a finding' },
  'schema.triggers': { source: 'check', verifies: '20+ triggers exist and are enabled' },
  'rls.enabled': { source: 'check', verifies: 'row level security is enabled on every GOMFLOW table' },
  'rls.policies': { source: 'check', verifies: '50+ policies exist; policies without TO and per-row auth.uid() as findings' },
  'rls.user-isolation': { source: 'check', verifies: 'probes as seeded users: nobody reads or writes another user\'s rows' },
  'rls.service-role': { source: 'check', verifies: 'service_role reaches every table' },
  'rls.anon-access': { source: 'check', verifies: 'anon reads only what is meant to be public' },
  'rls.admin-policies': { source: 'check', verifies: 'monitoring tables have admin-only policies' },
  'storage.buckets': { source: 'check', verifies: 'payment-proofs and export-files private; profile-images and order-images public' },
  'storage.policies': { source: 'check', verifies: 'storage.objects has policies for every bucket' },
  'storage.size-limits': { source: 'check', verifies: 'every bucket has file_size_limit 50 MB or less' },
  'storage.mime-types': { source: 'check', verifies: 'every bucket restricts allowed_mime_types' },
  'storage.access': { source: 'check', verifies: 'probes: users reach only their own private objects' },
  'stats.analyzed': { source: 'check', verifies: 'every table has been analyzed (pg_stat_user_tables)' },
  'settings.max-connections': { source: 'budget', verifies: 'max_connections equals budgets.maxConnections (100)' },
  'settings.idle-timeout': { source: 'budget', verifies: 'idle_in_transaction_session_timeout equals budgets.idleTimeoutMs (10 s)' },
  'settings.statement-timeout': { source: 'budget', verifies: 'statement_timeout equals budgets.statementTimeoutMs (30 s)' },
  'settings.audit-logging': { source: 'check', verifies: 'pgaudit or log_statement records sensitive operations' },
  'security.ssl': { source: 'check', verifies: 'the server has ssl on and the connection used TLS' },
  'roles.superusers': { source: 'check', verifies: 'no superuser besides postgres (and Supabase\'s own admin roles)' },
  'grants.public-schema': { source: 'check', verifies: 'PUBLIC has no CREATE on schema public' },
  'grants.service-role': { source: 'check', verifies: 'service_role has the grants the services need' },
  'grants.anon': { source: 'check', verifies: 'anon holds grants only on the tables it needs' },
  'monitoring.slow-queries': { source: 'check', verifies: 'pg_stat_statements is loaded and the slow_queries view reads it' },
  'auth.service-role': { source: 'check', verifies: 'the service role key authenticates against REST' },
  'auth.anon': { source: 'check', verifies: 'the anon key works where anonymous access is meant' },
  'templates.loaded': { source: 'check', verifies: 'the 8 default notification templates are present' },
  'functions.sample-data': { source: 'check', verifies: 'GOMFLOW functions return sane results on seeded data' },
  'triggers.sample-operations': { source: 'check', verifies: 'triggers fire on sample inserts and updates' },
  'flow.user-registration': { source: 'check', verifies: 'sign-up creates the profile and notification preferences' },
  'flow.order-creation': { source: 'check', verifies: 'a GOM creates an order through REST as themselves' },
  'flow.submission-creation': { source: 'check', verifies: 'a buyer submits to an order; counters update' },
  'flow.notification-delivery': { source: 'check', verifies: 'order and payment events create notifications' },
  'flow.analytics-tracking': { source: 'check', verifies: 'events land in the analytics tables' },
  'flow.monitoring-metrics': { source: 'check', verifies: 'metrics land in the monitoring tables' },
  'gdpr.user-deletion': { source: 'check', verifies: 'deleting a user removes or anonymises their data' },
  'query.performance': { source: 'budget', verifies: 'every catalog query p95 below budgets.queryP95Ms (query benchmarks)' },
  'query.slow-ceiling': { source: 'budget', verifies: 'no execution above budgets.queryMaxMs (query benchmarks)' },
  'load.concurrent-connections': { source: 'budget', verifies: 'peak server connections below budgets.peakConnections under load' },
  'load.error-rate': { source: 'budget', verifies: 'every scenario\'s error rate below budgets.errorRatePct' },
  'load.bulk': { source: 'seed', verifies: 'the seed section: bulk COPY load at the run\'s scale' },
  'load.realtime': { source: 'scenario', verifies: 'a scenario whose name contains "realtime"' },
  'load.storage': { source: 'scenario', verifies: 'a scenario whose name contains "storage" or "upload"' },
  'budgets.all': { source: 'budget', verifies: 'every measured budget met' },
} as const satisfies Record<string, { source: 'check' | 'budget' | 'scenario' | 'seed'; verifies: string }>;

/** Stable id of an automated checklist item. */
export type CheckId = keyof typeof CHECK_CATALOG;

/** The catalogue's ids, in catalogue order. */
export const CHECK_IDS = Object.keys(CHECK_CATALOG) as CheckId[];
