-- name: public_order_feed
-- journey: 1.1 Browse / discover orders (BR1, 6.1 % of the launch mix): /browse and the mobile feed,
--   never CDN-cached
-- roles: anon, authenticated
-- shape: GET /rest/v1/orders?select=id,title,description,price,currency,deadline,min_orders,max_orders,
--   is_active,created_at,user_id,submission_count:submissions(count)&is_active=eq.true&deadline=gt.{now}
--   &order=created_at.desc&offset=0&limit=50. §0.5: category, shipping_from, status and gom_id do not
--   exist (gom_id -> user_id); the optional category/country filters are left out.
-- note: The submissions(count) embed runs once per listed order, under RLS.
WITH pgrst_source AS (
  SELECT orders.id, orders.title, orders.description, orders.price, orders.currency, orders.deadline,
         orders.min_orders, orders.max_orders, orders.is_active, orders.created_at, orders.user_id,
         COALESCE(orders_submission_count_1.orders_submission_count_1, '[]') AS submission_count
  FROM public.orders
  LEFT JOIN LATERAL (
    SELECT json_agg(orders_submission_count_1)::jsonb AS orders_submission_count_1
    FROM (SELECT pg_catalog.count(*) AS count FROM public.submissions AS submissions_1
          WHERE submissions_1.order_id = orders.id) AS orders_submission_count_1
  ) AS orders_submission_count_1 ON TRUE
  WHERE orders.is_active = true AND orders.deadline > now()
  ORDER BY orders.created_at DESC
  LIMIT 50 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
