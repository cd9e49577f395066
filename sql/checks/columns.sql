-- Columns of every public table: type as format_type() prints it (enums without schema) and NOT NULL.
SELECT c.relname AS table, a.attname AS column,
       regexp_replace(format_type(a.atttypid, a.atttypmod), '^public\.', '') AS type,
       a.attnotnull AS not_null
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname, a.attnum;
