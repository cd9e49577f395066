-- User triggers on public tables; tgenabled 'D' means disabled.
SELECT c.relname AS table, t.tgname AS trigger, t.tgenabled <> 'D' AS enabled, t.tgfoid::regproc::text AS function
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND NOT t.tgisinternal
ORDER BY c.relname, t.tgname;
