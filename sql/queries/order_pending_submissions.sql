-- name: order_pending_submissions
-- journey: 1.4b Smart-agent processing (SA1, 2.6 % of the launch mix): the pending submissions of
--   one order, per payment screenshot with submission context
-- roles: service_role
-- params: order_id
-- hot: WITH ranked AS (SELECT order_id, count(*) AS n FROM submissions WHERE status = 'pending' GROUP BY order_id)
--   SELECT order_id FROM ranked ORDER BY n DESC, order_id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM orders) / 100))
-- typical: WITH ranked AS (SELECT order_id, count(*) AS n FROM submissions WHERE status = 'pending' GROUP BY order_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT order_id FROM ranked, m ORDER BY abs(n - m.median), order_id LIMIT 5
-- shape: GET /rest/v1/submissions?select=*,order:orders(*)&status=eq.pending&order_id=eq.{order}
--   &order=created_at.desc&limit=100
-- note: Served by idx_submissions_order_status (order_id, status) or idx_submissions_order_id; without
--   them the planner falls back to a scan of submissions.
WITH pgrst_source AS (
  SELECT submissions.*, row_to_json(submissions_order_1.*)::jsonb AS "order"
  FROM public.submissions
  LEFT JOIN LATERAL (
    SELECT orders_1.* FROM public.orders AS orders_1 WHERE orders_1.id = submissions.order_id
  ) AS submissions_order_1 ON TRUE
  WHERE submissions.status = 'pending' AND submissions.order_id = $1
  ORDER BY submissions.created_at DESC
  LIMIT 100 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
