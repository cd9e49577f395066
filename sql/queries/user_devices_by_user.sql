-- name: user_devices_by_user
-- journey: 1.7 Notifications (N3, 2.9 % of the launch mix): the active push tokens of the recipient of a
--   push notification
-- roles: service_role
-- params: user_id
-- hot: WITH ranked AS (SELECT p.user_id, count(d.id) AS n FROM profiles p LEFT JOIN user_devices d ON d.user_id = p.user_id
--        GROUP BY p.user_id)
--   SELECT user_id FROM ranked ORDER BY n DESC, user_id LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT p.user_id, count(d.id) AS n FROM profiles p LEFT JOIN user_devices d ON d.user_id = p.user_id
--        GROUP BY p.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: GET /rest/v1/user_devices?select=fcm_token&user_id=eq.{uid}&is_active=eq.true
WITH pgrst_source AS (
  SELECT user_devices.fcm_token
  FROM public.user_devices
  WHERE user_devices.user_id = $1 AND user_devices.is_active = true
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce(json_agg(_postgrest_t), '[]')::text AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
