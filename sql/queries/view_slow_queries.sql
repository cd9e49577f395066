-- name: view_slow_queries
-- journey: 1.9 Monitoring (the schema's slow_queries view: the top 20 statements by mean time)
-- roles: service_role
-- note: Plain SELECT of the view (a monitoring read, not an app request). Cost grows with the number of
--   statements pg_stat_statements holds (pg_stat_statements.max, 5000 by default).
SELECT * FROM public.slow_queries
