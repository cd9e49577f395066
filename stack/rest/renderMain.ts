/** What the body column aggregates: an array of rows, one object, or an rpc's scalar(s). */
export type BodyShape = 'array' | 'single' | 'scalar' | 'scalar-set' | 'none';

const BODY: Record<BodyShape, string> = {
  array: `coalesce(json_agg(_postgrest_t), '[]')::text`,
  single: `coalesce(json_agg(_postgrest_t)->0, 'null')::text`,
  scalar: `coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, 'null')::text`,
  'scalar-set': `coalesce(json_agg(_postgrest_t.pgrst_scalar), '[]')::text`,
  none: `''`,
};

export interface MainRow {
  total_result_set: string | null;
  page_total: string;
  body: string;
}

/**
 * PostgREST's main statement (facts §2): the request's own query as `pgrst_source`, then one
 * row with the total (when a count was asked), the page's row count and the JSON body.
 */
export function renderMain(source: string, outer: string, body: BodyShape, count: string | null): string {
  return `WITH pgrst_source AS (${source}) SELECT ${count ? `(${count})` : 'NULL::bigint'} AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ${BODY[body]} AS body FROM (${outer}) _postgrest_t`;
}
