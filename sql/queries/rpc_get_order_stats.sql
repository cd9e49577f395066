-- name: rpc_get_order_stats
-- journey: 1.2 View one order (OV5: rpc get_order_stats; the intended per-order call of Telegram's
--   /payments, one per order of the GOM)
-- roles: service_role, authenticated
-- params: order_uuid
-- hot: SELECT o.id AS order_uuid, o.user_id AS sub FROM orders o
--   ORDER BY (SELECT count(*) FROM submissions s WHERE s.order_id = o.id) DESC, o.id LIMIT 1
-- typical: WITH ranked AS (SELECT o.id, o.user_id, count(s.id) AS n FROM orders o
--        LEFT JOIN submissions s ON s.order_id = o.id GROUP BY o.id, o.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT id AS order_uuid, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), id LIMIT 1
-- shape: POST /rest/v1/rpc/get_order_stats {"order_uuid": …}
-- note: Hot = the largest order, typical = a median one. The function runs with the caller's rights:
--   as authenticated (the order's GOM) its scan of the order's submissions checks RLS on every row.
WITH pgrst_source AS (
  SELECT public.get_order_stats(order_uuid := $1::uuid) AS pgrst_scalar
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t.pgrst_scalar) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
