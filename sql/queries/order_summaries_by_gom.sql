-- name: order_summaries_by_gom
-- journey: 1.1/1.5 "My orders" and the dashboard (BR2, 1.7 % of the launch mix; D2 and D5 are the same
--   list with limit 5 and 6): the GOM's orders with their submission aggregates
-- roles: authenticated
-- params: user_id
-- hot: WITH ranked AS (SELECT o.user_id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        GROUP BY o.user_id)
--   SELECT user_id, user_id AS sub FROM ranked ORDER BY n DESC, user_id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT o.user_id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        GROUP BY o.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: GET /rest/v1/order_summaries?select=*&user_id=eq.{uid}&order=created_at.desc&offset=0&limit=10
-- note: order_summaries has no security_invoker, so it runs with its owner's rights: no RLS, any role
--   gets the same plan (and anyone's orders; see `check`).
WITH pgrst_source AS (
  SELECT order_summaries.*
  FROM public.order_summaries
  WHERE order_summaries.user_id = $1
  ORDER BY order_summaries.created_at DESC
  LIMIT 10 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
