-- name: checklist_active_orders
-- journey: CHECKLIST.md "Load Testing", statement 1 (the public feed as the checklist writes it)
-- roles: service_role
-- note: Verbatim from the checklist, which runs it once as the superuser; service_role bypasses RLS
--   the same way, so the plan is the one the checklist's EXPLAIN ANALYZE shows.
SELECT * FROM orders WHERE is_active = true ORDER BY created_at DESC LIMIT 20
