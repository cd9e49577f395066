-- name: order_by_id
-- journey: 1.2 View one order (OV1, 12.6 % of the launch mix, the single hottest read): order, submit,
--   payment pages and bot order views
-- roles: anon, authenticated
-- params: order_id
-- hot: WITH ranked AS (SELECT o.id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.id)
--   SELECT id AS order_id FROM ranked ORDER BY n DESC, id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT o.id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT id AS order_id FROM ranked, m ORDER BY abs(n - m.median), id LIMIT 5
-- shape: GET /rest/v1/orders?select=*,submission_count:submissions(count),gom_name:profiles!orders_user_id_fkey(name)&id=eq.{order}
--   (object). §0.5: gom_id -> user_id, users(full_name) -> profiles(name).
-- note: Active orders only: buyers and anon see an order through "Public can view active orders", so
--   an inactive one would return nothing. The authenticated persona is a buyer account (no orders),
--   so the submissions(count) embed counts under RLS that hides every row: the cost is the policy
--   check on each of the order's submissions.
WITH pgrst_source AS (
  SELECT orders.*,
         row_to_json(orders_gom_name_1.*)::jsonb AS gom_name,
         COALESCE(orders_submission_count_1.orders_submission_count_1, '[]') AS submission_count
  FROM public.orders
  LEFT JOIN LATERAL (
    SELECT profiles_1.name FROM public.profiles AS profiles_1 WHERE profiles_1.user_id = orders.user_id
  ) AS orders_gom_name_1 ON TRUE
  LEFT JOIN LATERAL (
    SELECT json_agg(orders_submission_count_1)::jsonb AS orders_submission_count_1
    FROM (SELECT pg_catalog.count(*) AS count FROM public.submissions AS submissions_1
          WHERE submissions_1.order_id = orders.id) AS orders_submission_count_1
  ) AS orders_submission_count_1 ON TRUE
  WHERE orders.id = $1
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
