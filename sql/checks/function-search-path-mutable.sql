-- Functions of user schemas ($1: the schemas that are not) with no pinned search_path: every
-- unqualified name in their body resolves through the caller's search_path. Extension members
-- (pg_trgm's) are the extension's business.
SELECT
  n.nspname AS schema,
  p.proname AS name,
  pg_get_function_identity_arguments(p.oid) AS arguments,
  p.prosecdef AS security_definer,
  p.prorettype = 'trigger'::regtype AS is_trigger,
  l.lanname AS language
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\_%'
  AND p.prokind IN ('f', 'p', 'w')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) AS setting WHERE setting LIKE 'search_path=%')
ORDER BY n.nspname, p.proname, 3;
