-- name: unread_notification_count
-- journey: 1.7 Notifications (N11, the inbox badge: polled every 30-60 s per signed-in user once built)
-- roles: authenticated
-- params: user_id
-- hot: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p
--        LEFT JOIN notifications n ON n.user_id = p.user_id AND n.read_at IS NULL GROUP BY p.user_id)
--   SELECT user_id, user_id AS sub FROM ranked ORDER BY n DESC, user_id
--   LIMIT least(10, greatest(1, (SELECT count(*) FROM ranked) / 100))
-- typical: WITH ranked AS (SELECT p.user_id, count(n.id) AS n FROM profiles p
--        LEFT JOIN notifications n ON n.user_id = p.user_id AND n.read_at IS NULL GROUP BY p.user_id),
--     m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM ranked)
--   SELECT user_id, user_id AS sub FROM ranked, m ORDER BY abs(n - m.median), user_id LIMIT 5
-- shape: HEAD /rest/v1/notifications?user_id=eq.{uid}&read_at=is.null (Prefer: count=exact); PostgREST's
--   count part, written as the plain count it amounts to.
-- note: The persona is the recipient (sub = user_id). Served by the partial idx_notifications_user_unread.
SELECT pg_catalog.count(*) AS total_result_set
FROM public.notifications
WHERE notifications.user_id = $1 AND notifications.read_at IS NULL
