-- name: checklist_pending_submissions
-- journey: CHECKLIST.md "Load Testing", statement 2 (every pending submission; the smart agent's backlog)
-- roles: service_role
-- note: Verbatim from the checklist (no LIMIT: the cost grows with the pending backlog).
SELECT * FROM submissions WHERE status = 'pending'
