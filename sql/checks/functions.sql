-- Functions in public that belong to no extension (pg_trgm's are not GOMFLOW's).
SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments, p.prosecdef AS security_definer,
       p.prorettype = 'trigger'::regtype AS is_trigger, l.lanname AS language
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname = 'public'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY p.proname;
