-- name: pending_by_buyer_name
-- journey: 1.4b Smart-agent processing (SA4, 2.4 % of the launch mix): find the pending submission
--   whose buyer name contains the sender name read from a payment screenshot
-- roles: service_role
-- params: name_pattern
-- hot: WITH names AS (SELECT split_part(buyer_name, ' ', 1) AS first_name, count(*) AS n FROM submissions
--        WHERE status = 'pending' GROUP BY 1)
--   SELECT '%' || first_name || '%' AS name_pattern FROM names ORDER BY n DESC, first_name
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM names) / 100))
-- typical: WITH names AS (SELECT buyer_name, count(*) AS n FROM submissions WHERE status = 'pending' GROUP BY 1),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM names)
--   SELECT '%' || buyer_name || '%' AS name_pattern FROM names, m ORDER BY abs(n - m.median), buyer_name LIMIT 5
-- shape: GET /rest/v1/submissions?select=*,order:orders(*)&status=eq.pending&buyer_name=ilike.*{name}*&limit=50
-- note: No trigram index on submissions (only orders.title has one), so the ILIKE filters every pending
--   row that precedes the 50th match. Hot = the most common first names (many matches, the LIMIT cuts the
--   scan short); typical = a full buyer name of median frequency (few matches, the whole backlog is read).
WITH pgrst_source AS (
  SELECT submissions.*, row_to_json(submissions_order_1.*)::jsonb AS "order"
  FROM public.submissions
  LEFT JOIN LATERAL (
    SELECT orders_1.* FROM public.orders AS orders_1 WHERE orders_1.id = submissions.order_id
  ) AS submissions_order_1 ON TRUE
  WHERE submissions.status = 'pending' AND submissions.buyer_name ILIKE $1
  LIMIT 50 OFFSET 0
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
