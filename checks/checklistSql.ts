import { advisory, pass, type CheckDefinition, type Evidence } from './checkTypes.ts';

/** The read-only SQL CHECKLIST.md asks people to run by hand, with a version that works. */
const SNIPPETS: { section: string; sql: string; corrected?: string }[] = [
  {
    section: 'Phase 2: Schema Validation',
    sql: 'SELECT schemaname, tablename, n_tup_ins as row_count FROM pg_stat_user_tables ORDER BY schemaname, tablename',
    corrected: "SELECT schemaname, relname, n_live_tup AS row_estimate FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname  -- n_tup_ins counts inserts ever made, not rows",
  },
  { section: 'Phase 2: Schema Validation', sql: "SELECT schemaname, tablename, indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename" },
  { section: 'Storage Buckets Setup', sql: 'SELECT * FROM storage.buckets' },
  { section: 'Index Optimization', sql: "SELECT schemaname, tablename, attname, n_distinct, correlation FROM pg_stats WHERE schemaname = 'public' ORDER BY tablename, attname" },
  {
    section: 'Index Optimization',
    sql: 'SELECT query, calls, total_time, mean_time FROM pg_stat_statements ORDER BY mean_time DESC LIMIT 10',
    corrected: 'SELECT query, calls, total_exec_time, mean_exec_time FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 10  -- PostgreSQL 13+ names',
  },
  { section: 'Row Level Security', sql: "SELECT schemaname, tablename, rowsecurity FROM pg_tables WHERE schemaname = 'public' AND rowsecurity = false" },
  { section: 'Database Security', sql: "SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE table_schema = 'public'" },
  { section: 'Database Monitoring', sql: 'SELECT count(*) FROM monitoring_metrics' },
  { section: 'Initial Data Setup', sql: 'SELECT type, channel, language, title FROM notification_templates' },
  { section: 'Security Verification', sql: 'SELECT * FROM pg_roles WHERE rolsuper = true' },
];

/**
 * checklist.sql: runs the checklist's own SQL (read-only, in a rolled-back transaction) and
 * says which of it fails on this server, with the server's message and what to run instead.
 */
export const checklistSql: CheckDefinition = {
  id: 'checklist.sql',
  title: "The checklist's own SQL runs on this server",
  checklistSection: 'Phase 2: Schema Validation',
  defaultLevel: 'warn',
  async run(ctx) {
    const evidence: Evidence[] = [];
    // As Supabase's SQL editor runs it: the extensions' schema (pg_stat_statements) on the search path.
    const { rows } = await ctx.client.query<{ schema: string | null }>(`SELECT (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements') AS schema`);
    const searchPath = ['"$user"', 'public', ...(rows[0]?.schema && rows[0].schema !== 'public' ? [`"${rows[0].schema}"`] : [])].join(', ');
    for (const snippet of SNIPPETS) {
      await ctx.client.query('BEGIN READ ONLY');
      try {
        await ctx.client.query(`SET LOCAL search_path = ${searchPath}`);
        await ctx.client.query(`SELECT count(*) FROM (${snippet.sql}) AS q`);
        evidence.push({ section: snippet.section, sql: snippet.sql, result: 'ran' });
      } catch (error) {
        evidence.push({ section: snippet.section, sql: snippet.sql, result: `fails: ${(error as Error).message}`, ...(snippet.corrected ? { instead: snippet.corrected } : {}) });
      } finally {
        await ctx.client.query('ROLLBACK');
      }
    }
    const failed = evidence.filter((e) => String(e.result).startsWith('fails'));
    if (failed.length === 0) return pass(`all ${SNIPPETS.length} of the checklist's SQL snippets run here`, evidence);
    return advisory(`${failed.length} of the checklist's ${SNIPPETS.length} SQL snippets fail on this server: ${failed.map((e) => String(e.result).replace(/^fails: /, '')).join('; ')}`, evidence);
  },
};
