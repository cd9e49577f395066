-- SECURITY DEFINER functions of the exposed schemas: they run with their owner's rights (RLS
-- skipped for an owner of the tables) for whoever may EXECUTE them, through /rest/v1/rpc.
-- $1: the API roles that exist; $2: the exposed schemas. search_path is the pinned setting, if any.
SELECT
  n.nspname AS schema,
  p.oid::regprocedure::text AS signature,
  p.proname AS name,
  pg_get_function_identity_arguments(p.oid) AS arguments,
  pg_get_userbyid(p.proowner) AS owner,
  p.prorettype = 'trigger'::regtype AS is_trigger,
  ARRAY(SELECT role FROM unnest($1::text[]) AS role WHERE has_function_privilege(role, p.oid, 'EXECUTE') ORDER BY role)::text[] AS executable_by,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) AS a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_execute,
  (SELECT substr(setting, 13) FROM unnest(coalesce(p.proconfig, '{}')) AS setting WHERE setting LIKE 'search_path=%') AS search_path
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY ($2::text[])
  AND p.prosecdef
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY n.nspname, p.proname, 2;
