-- Every RLS policy on a public table or on storage.objects, with its expressions both as
-- PostgreSQL deparses them (for people and for remediation SQL) and as stored expression
-- trees (for the lints: pg_node_tree text, parsed in stack/checks/lints/nodeTree.ts).
SELECT
  p.oid::int8 AS oid,
  n.nspname AS schema,
  c.relname AS table,
  p.polname AS name,
  CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
  p.polpermissive AS permissive,
  ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) AS r ORDER BY 1)::text[] AS roles,
  pg_get_expr(p.polqual, p.polrelid) AS using_expr,
  pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
  p.polqual::text AS using_tree,
  p.polwithcheck::text AS check_tree
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' OR (n.nspname = 'storage' AND c.relname = 'objects')
ORDER BY n.nspname, c.relname, p.polname;
