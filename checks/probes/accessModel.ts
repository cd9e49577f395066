/**
 * What GOMFLOW means to share, so a probe can tell a leak from a feature. Predicates are SQL
 * over the table's own columns; `:viewer` stands for the reading user's id.
 */

/** Rows anyone may read, anon included: open group orders, the templates, dashboards their owner made public. */
export const PUBLIC_ROWS: Record<string, string> = {
  'public.orders': 'is_active = true',
  'public.notification_templates': 'true',
  'public.analytics_dashboards': 'is_public = true',
  'public.monitoring_dashboards': 'is_public = true',
};

/** Rows another signed-in user may read besides PUBLIC_ROWS: dashboards shared with them. */
export const SHARED_ROWS: Record<string, string> = {
  'public.analytics_dashboards': ':viewer = ANY (shared_with)',
  'public.monitoring_dashboards': ':viewer = ANY (shared_with)',
};

/** Where writing a row that belongs to another user is the app's own flow: a buyer submits to a GOM's order. */
export const INSERT_FOR_OTHERS: ReadonlySet<string> = new Set(['public.submissions']);

/** Tables anonymous buyers write to (probe.anon-paid-submission tests what they may write). */
export const ANON_INSERT: ReadonlySet<string> = new Set(['public.submissions']);

/** The intended-rows predicate for a reader, or 'false' when nothing of the table is meant to be shared. */
export function sharedPredicate(table: string, viewer: string | null): string {
  const parts = [PUBLIC_ROWS[table], viewer ? SHARED_ROWS[table]?.replace(/:viewer/g, `'${viewer}'`) : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.map((p) => `(${p})`).join(' OR ') : 'false';
}
