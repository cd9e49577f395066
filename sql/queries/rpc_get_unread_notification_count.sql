-- name: rpc_get_unread_notification_count
-- journey: 1.7 Notifications (N11: the inbox badge through the SQL helper, polled per signed-in user)
-- roles: authenticated
-- params: user_uuid
-- hot: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p
--        LEFT JOIN notifications n ON n.user_id = p.user_id AND n.read_at IS NULL GROUP BY p.user_id)
--   SELECT user_id AS user_uuid, user_id AS sub FROM ranked ORDER BY n DESC, user_id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p
--        LEFT JOIN notifications n ON n.user_id = p.user_id AND n.read_at IS NULL GROUP BY p.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id AS user_uuid, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: POST /rest/v1/rpc/get_unread_notification_count {"user_uuid": …}
-- note: SECURITY DEFINER: no RLS inside, whoever calls it.
WITH pgrst_source AS (
  SELECT public.get_unread_notification_count(user_uuid := $1::uuid) AS pgrst_scalar
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t.pgrst_scalar) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
