-- name: order_summaries_active_by_gom
-- journey: 1.6 Bots (BR2 with active_only: Telegram /orders, Discord /order list and /gom notify with limit 20)
-- roles: authenticated
-- params: user_id
-- hot: WITH ranked AS (SELECT o.user_id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.user_id)
--   SELECT user_id, user_id AS sub FROM ranked ORDER BY n DESC, user_id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT o.user_id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: GET /rest/v1/order_summaries?select=*&user_id=eq.{uid}&is_active=eq.true&order=created_at.desc
--   &offset=0&limit=20
-- note: GOMs with at least one active order, ranked by the submissions to their active orders.
WITH pgrst_source AS (
  SELECT order_summaries.*
  FROM public.order_summaries
  WHERE order_summaries.user_id = $1 AND order_summaries.is_active = true
  ORDER BY order_summaries.created_at DESC
  LIMIT 20 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
