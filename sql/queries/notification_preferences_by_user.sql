-- name: notification_preferences_by_user
-- journey: 1.7 Notifications (N1, 5.8 % of the launch mix): read the recipient's channel switches before
--   every notification
-- roles: service_role
-- params: user_id
-- hot: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p LEFT JOIN notifications n ON n.user_id = p.user_id
--        GROUP BY p.user_id)
--   SELECT user_id FROM ranked ORDER BY n DESC, user_id LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p LEFT JOIN notifications n ON n.user_id = p.user_id
--        GROUP BY p.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: GET /rest/v1/notification_preferences?select=*&user_id=eq.{uid} (object)
-- note: Hot = the users who receive the most notifications.
WITH pgrst_source AS (
  SELECT notification_preferences.*
  FROM public.notification_preferences
  WHERE notification_preferences.user_id = $1
)
SELECT pg_catalog.count(_postgrest_t) AS page_total,
       coalesce((json_agg(_postgrest_t) -> 0)::text, 'null') AS body
FROM (SELECT * FROM pgrst_source) AS _postgrest_t
