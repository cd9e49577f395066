-- SECURITY DEFINER functions in public without a pinned search_path: they resolve unqualified
-- names through the caller's search_path (pg_temp first for relations), with the owner's
-- rights. $1: the API roles that exist; readable_by lists those that may EXECUTE them.
SELECT
  p.oid::regprocedure::text AS signature,
  p.proname AS name,
  pg_get_function_identity_arguments(p.oid) AS arguments,
  pg_get_userbyid(p.proowner) AS owner,
  p.prorettype = 'trigger'::regtype AS is_trigger,
  ARRAY(SELECT role FROM unnest($1::text[]) AS role WHERE has_function_privilege(role, p.oid, 'EXECUTE') ORDER BY role)::text[] AS executable_by,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) AS a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_execute
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public'
  AND p.prosecdef
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) AS setting WHERE setting LIKE 'search_path=%')
ORDER BY p.proname;
