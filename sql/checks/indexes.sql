-- Indexes on public tables: whether a constraint creates them (the checklist's "100+" counts
-- those too) and whether they are valid (a failed CREATE INDEX CONCURRENTLY leaves one invalid).
SELECT t.relname AS table, ic.relname AS index,
       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) AS from_constraint,
       i.indisvalid AS valid
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = ic.oid AND e.deptype = 'e')
ORDER BY t.relname, ic.relname;
