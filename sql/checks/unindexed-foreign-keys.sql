-- Foreign keys of tables in user schemas ($1: the schemas that are not) with no valid, non-partial index whose leading columns are the
-- key's columns: deleting or updating a referenced row then scans the whole referencing table.
SELECT
  n.nspname AS schema,
  c.relname AS table,
  k.conname AS constraint,
  ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord)::text[] AS columns,
  k.confrelid::regclass::text AS references
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE k.contype = 'f'
  AND n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (
    SELECT 1 FROM pg_index i
    WHERE i.indrelid = k.conrelid
      AND i.indisvalid
      AND i.indpred IS NULL
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] @> k.conkey
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] <@ k.conkey
  )
ORDER BY n.nspname, c.relname, k.conname;
