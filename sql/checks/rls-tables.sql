-- Every table of a user schema ($1: the schemas that are not, see splinterLints.ts) with its row
-- level security state and policy count, and the column that names its owning user where there is
-- one (a foreign key to profiles.user_id or auth.users.id).
SELECT
  n.nspname AS schema,
  c.relname AS table,
  c.relrowsecurity AS rls_enabled,
  c.relforcerowsecurity AS rls_forced,
  (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies,
  (SELECT a.attname FROM pg_constraint k
     JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
    WHERE k.conrelid = c.oid AND k.contype = 'f' AND cardinality(k.conkey) = 1
      AND k.confrelid IN (to_regclass('public.profiles'), to_regclass('auth.users'))
    ORDER BY a.attnum LIMIT 1) AS owner_column
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\_%' AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname;
