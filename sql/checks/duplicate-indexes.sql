-- Indexes of a table in a user schema ($1: the schemas that are not) that another index of the same table already provides: same access
-- method, key columns, operator classes, collations, sort options, expressions and predicate.
-- The one reported is the one to drop: never a constraint's index; a plain index before a
-- unique one; between two equal plain indexes, the later name.
SELECT
  n.nspname AS schema,
  t.relname AS table,
  ic.relname AS index,
  dc.relname AS duplicate_of,
  coalesce(k.conname, '') AS duplicate_of_constraint,
  CASE k.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' ELSE '' END AS constraint_type,
  pg_get_indexdef(i.indexrelid) AS definition,
  pg_relation_size(i.indexrelid)::int8 AS bytes
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_index d ON d.indrelid = i.indrelid AND d.indexrelid <> i.indexrelid
JOIN pg_class dc ON dc.oid = d.indexrelid
LEFT JOIN pg_constraint k ON k.conindid = d.indexrelid AND k.contype IN ('p', 'u')
WHERE n.nspname <> ALL ($1::text[]) AND n.nspname NOT LIKE 'pg\_%'
  AND ic.relam = dc.relam
  AND i.indkey::text = d.indkey::text
  AND i.indclass::text = d.indclass::text
  AND i.indcollation::text = d.indcollation::text
  AND i.indoption::text = d.indoption::text
  AND coalesce(pg_get_expr(i.indexprs, i.indrelid), '') = coalesce(pg_get_expr(d.indexprs, d.indrelid), '')
  AND coalesce(pg_get_expr(i.indpred, i.indrelid), '') = coalesce(pg_get_expr(d.indpred, d.indrelid), '')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  AND (
    k.oid IS NOT NULL
    OR (d.indisunique AND NOT i.indisunique)
    OR (d.indisunique = i.indisunique AND dc.relname < ic.relname)
  )
ORDER BY n.nspname, t.relname, ic.relname;
