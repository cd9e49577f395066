-- name: gom_submission_list
-- journey: 1.5 GOM dashboard (BT1/M4, 2.0 % of the launch mix; D3 is the same with limit 10): the GOM's
--   submissions across their orders, newest first, through an !inner embed filtered on orders.user_id
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
-- shape: GET /rest/v1/submissions?select=*,order:orders!inner(id,title,user_id)&order.user_id=eq.{uid}
--   &order=created_at.desc&offset=0&limit=20
-- note: The persona is the GOM (sub = the orders' owner), so RLS lets every row through, but only after
--   checking it.
WITH pgrst_source AS (
  SELECT submissions.*, row_to_json(submissions_order_1.*)::jsonb AS "order"
  FROM public.submissions
  INNER JOIN LATERAL (
    SELECT orders_1.id, orders_1.title, orders_1.user_id FROM public.orders AS orders_1
    WHERE orders_1.user_id = $1 AND orders_1.id = submissions.order_id
  ) AS submissions_order_1 ON TRUE
  ORDER BY submissions.created_at DESC
  LIMIT 20 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
