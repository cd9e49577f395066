-- name: checklist_recent_events
-- journey: CHECKLIST.md "Load Testing", statement 3 (a day of analytics events; cf. AN1's window scans)
-- roles: service_role
-- note: Verbatim from the checklist. CURRENT_DATE is the server's date: seeded data ends on the
--   seed's reference date, so a seed made on another day returns fewer rows.
SELECT * FROM analytics_events WHERE created_at > CURRENT_DATE - INTERVAL '1 day'
