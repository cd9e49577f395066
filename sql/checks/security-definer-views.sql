-- Views and materialized views of the exposed schemas that run with their owner's rights (no
-- security_invoker; a materialized view never checks RLS) while anon or authenticated may select
-- from them. $1: the API roles that exist; $2: the exposed schemas.
SELECT
  n.nspname AS schema,
  c.relname AS view,
  CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS kind,
  pg_get_userbyid(c.relowner) AS owner,
  (SELECT r.rolsuper FROM pg_roles r WHERE r.oid = c.relowner) AS owner_is_superuser,
  ARRAY(SELECT role FROM unnest($1::text[]) AS role WHERE has_table_privilege(role, c.oid, 'SELECT') ORDER BY role)::text[] AS readable_by,
  ARRAY(
    SELECT DISTINCT d.refobjid::regclass::text
    FROM pg_rewrite w
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
    WHERE w.ev_class = c.oid AND d.refobjid <> c.oid
    ORDER BY 1
  )::text[] AS reads,
  ARRAY(
    SELECT DISTINCT d.refobjid::regclass::text
    FROM pg_rewrite w
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass
    JOIN pg_class t ON t.oid = d.refobjid
    WHERE w.ev_class = c.oid AND d.refobjid <> c.oid AND t.relrowsecurity
      -- The owner skips RLS as a superuser or BYPASSRLS role, or as the table's (unforced) owner.
      AND ((SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.oid = c.relowner)
           OR (t.relowner = c.relowner AND NOT t.relforcerowsecurity))
    ORDER BY 1
  )::text[] AS rls_bypassed
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ($2::text[])
  AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
  AND NOT coalesce((SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) AS o WHERE o.option_name = 'security_invoker'), false)
ORDER BY n.nspname, c.relname;
