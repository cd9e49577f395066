/**
 * The contract between row generators and the COPY loader. A generator yields rows as arrays
 * of plain values in `columns` order; the loader encodes them to COPY text and streams them.
 * Generators are pure functions of the SeedContext: the same context gives the same rows in
 * the same order, on any machine.
 */

/**
 * A value a generator may put in a row. In a json/jsonb column, objects and arrays are
 * serialised and a string is taken as ready-made JSON text; elsewhere a string array is a text[].
 */
export type CopyValue = string | number | boolean | Date | null | readonly string[] | { readonly [key: string]: unknown } | readonly unknown[];

export type Row = readonly CopyValue[];

/** How many of each entity a scale asks for; everything else is derived from these. */
export interface EntityCounts {
  /** GOM accounts (auth user + profile + orders). */
  goms: number;
  /** Buyers who also have an account (auth user + profile, no orders). */
  buyerAccounts: number;
  orders: number;
  submissions: number;
  /**
   * Days of analytics history before the reference date (events, sessions and event counts):
   * the analytics volume per submitter is fixed by the analytics mode, so this is what keeps
   * a big preset's analytics bounded. 365 keeps the whole year.
   */
  analyticsDays: number;
  /** Hours of monitoring history (per-minute metrics for the 9 services). */
  monitoringHours: number;
}

/**
 * How much analytics the app records (gomflow-traffic.md §1.8 AN0 and §6.2 add-on 1):
 * 'designed' tracks one analytics_events row per user-facing API call (about 10.5 per web
 * submitter); 'built' is what the app posts today, which is nothing at all.
 */
export const ANALYTICS_MODES = ['designed', 'built'] as const;
export type AnalyticsMode = (typeof ANALYTICS_MODES)[number];

export interface SeedContext {
  seed: number;
  /** 32-bit run tag carried in every seeded id (see runUuid.ts). */
  runTag: number;
  /** "Now" of the seeded world: every timestamp is derived from it, never from the clock. */
  referenceDate: Date;
  counts: EntityCounts;
  analytics: AnalyticsMode;
}

/** One table's generator. */
export interface TableSpec {
  /** Qualified name, e.g. "public.submissions" or "auth.users". */
  table: string;
  columns: readonly string[];
  /** Tables whose rows this one references (loaded and committed first). */
  dependsOn: readonly string[];
  /** Rows this table will get, for progress bars (exact where cheap, else close). */
  estimateRows(ctx: SeedContext): number;
  rows(ctx: SeedContext): Iterable<Row>;
}

/** Table codes that go into seeded UUIDs (runUuid): stable forever, never reuse one. */
export const TABLE_CODES = {
  'auth.users': 0x0001,
  'public.profiles': 0x0001, // profiles.user_id is the auth user's id
  'auth.identities': 0x0002,
  'public.orders': 0x0010,
  'public.submissions': 0x0011,
  'public.payment_transactions': 0x0012,
  'public.platform_connections': 0x0013,
  'public.messages': 0x0014,
  'public.platform_posts': 0x0015,
  'public.notifications': 0x0020,
  'public.notification_preferences': 0x0021,
  'public.user_devices': 0x0022,
  'public.notification_deliveries': 0x0024,
  'public.analytics_events': 0x0030,
  'public.analytics_reports': 0x0032,
  'public.analytics_alerts': 0x0033,
  'public.analytics_export_jobs': 0x0034,
  'public.analytics_dashboards': 0x0035,
  'public.analytics_user_sessions': 0x0036,
  'public.analytics_funnels': 0x0037,
  'public.analytics_cohorts': 0x0038,
  'public.analytics_segments': 0x0039,
  'public.analytics_ab_tests': 0x003a,
  'public.monitoring_metrics': 0x0040,
  'public.monitoring_alerts': 0x0041,
  'public.monitoring_logs': 0x0042,
  'public.monitoring_dashboards': 0x0043,
  'public.monitoring_notifications': 0x0044,
  'public.monitoring_service_health': 0x0045,
  'public.monitoring_alert_rules': 0x0046,
  'public.monitoring_downtimes': 0x0047,
} as const;
