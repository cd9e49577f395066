-- When each public table was last analyzed, and whether it holds rows at all (checked directly:
-- the statistics counters start empty in a copied or reset database). The checklist's own query
-- reads pg_stat_user_tables.tablename, which does not exist (the column is relname).
SELECT
  c.relname AS table,
  greatest(s.last_analyze, s.last_autoanalyze) AS last_analyzed,
  s.n_live_tup::int8 AS live_rows_estimate,
  s.n_mod_since_analyze::int8 AS modified_since_analyze,
  c.reltuples::int8 AS planner_rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY c.relname;
