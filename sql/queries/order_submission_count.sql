-- name: order_submission_count
-- journey: 1.3 Buyer submits to an order (SB2, 1.6 % of the launch mix: the max_orders check before every
--   web submission; M2 is the GOM's same count on the manage page)
-- roles: authenticated
-- params: order_id
-- hot: WITH ranked AS (SELECT o.id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.id)
--   SELECT id AS order_id FROM ranked ORDER BY n DESC, id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT o.id, count(s.id) AS n FROM orders o LEFT JOIN submissions s ON s.order_id = o.id
--        WHERE o.is_active GROUP BY o.id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT id AS order_id FROM ranked, m ORDER BY abs(n - m.median), id LIMIT 5
-- shape: HEAD /rest/v1/submissions?select=*&order_id=eq.{order} (Prefer: count=exact); PostgREST's count
--   part, written as the plain count it amounts to.
-- note: The persona is the submitting buyer. RLS hides every submission from buyers, so the count is
--   always 0 (the max_orders check never trips) while each of the order's rows is still checked.
SELECT pg_catalog.count(*) AS total_result_set
FROM public.submissions
WHERE submissions.order_id = $1
