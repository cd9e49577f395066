-- name: view_connection_stats
-- journey: 1.9 Monitoring (the schema's connection_stats view: connections by state)
-- roles: service_role
-- note: Plain SELECT of the view (a monitoring read, not an app request).
SELECT * FROM public.connection_stats
