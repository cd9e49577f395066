-- name: pending_by_amount_band
-- journey: 1.4b Smart-agent processing (SA3, 3.4 % of the launch mix): match an extracted payment
--   amount against every pending submission in its currency, ±5 %, no limit
-- roles: service_role
-- params: currency, min_amount, max_amount
-- hot: WITH amounts AS (SELECT currency, total_amount, count(*) AS n FROM submissions WHERE status = 'pending'
--        GROUP BY currency, total_amount)
--   SELECT currency, round(total_amount * 0.95, 2) AS min_amount, round(total_amount * 1.05, 2) AS max_amount
--   FROM amounts ORDER BY n DESC, currency, total_amount
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM amounts) / 100))
-- typical: WITH pending AS (SELECT currency, total_amount FROM submissions WHERE status = 'pending'),
--     m AS (SELECT currency, percentile_disc(0.5) WITHIN GROUP (ORDER BY total_amount) AS median
--           FROM pending GROUP BY currency)
--   SELECT currency, round(median * 0.95, 2) AS min_amount, round(median * 1.05, 2) AS max_amount
--   FROM m ORDER BY currency
-- shape: GET /rest/v1/submissions?select=*,order:orders(*)&currency=eq.{cur}&total_amount=gte.{a*0.95}
--   &total_amount=lte.{a*1.05}&status=eq.pending&order=created_at.desc (no limit)
-- note: Hot = the most common pending amounts (a popular price point matches many rows); typical =
--   the median pending amount of each currency.
WITH pgrst_source AS (
  SELECT submissions.*, row_to_json(submissions_order_1.*)::jsonb AS "order"
  FROM public.submissions
  LEFT JOIN LATERAL (
    SELECT orders_1.* FROM public.orders AS orders_1 WHERE orders_1.id = submissions.order_id
  ) AS submissions_order_1 ON TRUE
  WHERE submissions.currency = $1::currency_code
    AND submissions.total_amount >= $2 AND submissions.total_amount <= $3
    AND submissions.status = 'pending'
  ORDER BY submissions.created_at DESC
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
