-- What the probes need to know to build a valid row for any table in public (and for
-- storage.objects): columns with type, nullability, default, generated/identity, the first
-- literal of a CHECK on the column alone (an allowed value), enum labels; primary key, unique
-- keys and foreign keys.
SELECT
  n.nspname AS schema,
  c.relname AS table,
  c.relrowsecurity AS rls,
  (SELECT json_agg(json_build_object(
      'name', a.attname,
      'type', format_type(a.atttypid, a.atttypmod),
      'category', t.typcategory,
      'notNull', a.attnotnull,
      'hasDefault', a.atthasdef OR a.attidentity <> '',
      'insertable', a.attgenerated = '' AND a.attidentity <> 'a',
      'maxLength', CASE WHEN a.atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND a.atttypmod > 4 THEN a.atttypmod - 4 END,
      'enumLabels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid),
      'checkValues', (SELECT json_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
                       WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conkey = ARRAY[a.attnum])
    ) ORDER BY a.attnum)
   FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT json_agg(a.attname ORDER BY u.ord) FROM pg_constraint k, unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
   WHERE k.conrelid = c.oid AND k.contype = 'p') AS primary_key,
  (SELECT json_agg(cols) FROM (
     SELECT json_agg(a.attname) AS cols FROM pg_index i, unnest(i.indkey) AS u(attnum)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
     WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary GROUP BY i.indexrelid) AS keys) AS unique_keys,
  (SELECT json_agg(json_build_object(
      'column', (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = k.conkey[1]),
      'parentSchema', pn.nspname, 'parentTable', pc.relname,
      'parentColumn', (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = k.confrelid AND a.attnum = k.confkey[1])))
   FROM pg_constraint k JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
   WHERE k.conrelid = c.oid AND k.contype = 'f' AND cardinality(k.conkey) = 1) AS foreign_keys
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ((n.nspname = 'public' AND c.relkind IN ('r', 'p')) OR (n.nspname = 'storage' AND c.relname = 'objects') OR (n.nspname = 'auth' AND c.relname = 'users'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname;
