-- User-defined functions a policy could call: their source (function bodies are not parsed into
-- the catalog) and, for SQL-standard bodies (BEGIN ATOMIC), the functions pg_depend says they call.
SELECT
  p.oid::text AS oid,
  n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
  coalesce(p.prosrc, '') AS source,
  ARRAY(
    SELECT d.refobjid::text FROM pg_depend d
    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.refclassid = 'pg_proc'::regclass
  ) AS calls
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'auth', 'storage', 'extensions', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e');
