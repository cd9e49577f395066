-- Functions whose result depends on the request (the JWT claims): Supabase's auth.uid(),
-- auth.role(), auth.jwt(), auth.email() and the current_setting() they read. Called per row
-- in a policy, each is evaluated for every row scanned.
SELECT p.oid::text AS oid, n.nspname || '.' || p.proname || '()' AS name
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE (n.nspname = 'auth' AND p.proname IN ('uid', 'role', 'jwt', 'email'))
   OR (n.nspname = 'pg_catalog' AND p.proname = 'current_setting');
