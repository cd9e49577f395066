-- name: rpc_get_user_dashboard_stats
-- journey: 1.5 GOM dashboard (D1: one stats call per dashboard view; the code calls get_dashboard_stats,
--   which the production schema does not define; get_user_dashboard_stats is its counterpart there)
-- roles: service_role, authenticated
-- params: user_uuid
-- hot: SELECT o.user_id AS user_uuid, o.user_id AS sub FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--   GROUP BY o.user_id ORDER BY count(s.id) DESC, o.user_id LIMIT 1
-- typical: WITH ranked AS (SELECT o.user_id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        GROUP BY o.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id AS user_uuid, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 1
-- shape: POST /rest/v1/rpc/get_user_dashboard_stats {"user_uuid": …}
-- note: Hot = the top GOM (most submissions), typical = a median GOM. Three correlated subqueries on
--   submissions per order of the GOM, each under the caller's RLS.
WITH pgrst_source AS (
  SELECT public.get_user_dashboard_stats(user_uuid := $1::uuid) AS pgrst_scalar
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t.pgrst_scalar) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
