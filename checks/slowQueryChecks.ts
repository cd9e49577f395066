import { finding, pass, type CheckDefinition, type Evidence } from './checkTypes.ts';
import { qualified } from './sqlText.ts';

/** A query that may fail (pg_stat_statements not preloaded, a renamed column): its error instead of a throw. */
async function attempt(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * monitoring.slow-queries: pg_stat_statements installed, preloaded and readable, with the
 * column names of this server version, and GOMFLOW's slow_queries view working. PG 13 renamed
 * total_time/mean_time to total_exec_time/mean_exec_time, so the checklist's own query fails.
 */
export const slowQueryMonitoring: CheckDefinition = {
  id: 'monitoring.slow-queries',
  title: 'pg_stat_statements is installed and readable; slow_queries works',
  checklistSection: 'Database Monitoring',
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows: ext } = await ctx.client.query<{ schema: string; version: string }>(
      `SELECT n.nspname AS schema, e.extversion AS version FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`,
    );
    const { rows: server } = await ctx.client.query<{ num: number; preload: string }>(`SELECT current_setting('server_version_num')::int AS num, current_setting('shared_preload_libraries') AS preload`);
    const { num, preload } = server[0]!;
    const renamed = num >= 130000;
    const timeColumns = renamed ? 'total_exec_time, mean_exec_time' : 'total_time, mean_time';
    const checklistNote = renamed
      ? 'the checklist\'s slow-query SQL (total_time, mean_time) fails on PostgreSQL 13+ with "column total_time does not exist": use total_exec_time and mean_exec_time'
      : 'the checklist\'s slow-query SQL uses this server\'s column names';
    if (ext.length === 0) {
      return finding(`pg_stat_statements is not installed (${/pg_stat_statements/.test(preload) ? 'preloaded' : 'not in shared_preload_libraries either'}); ${checklistNote}`, [{ installed: false, shared_preload_libraries: preload }], 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;  -- as a superuser; also needs shared_preload_libraries');
    }
    const { schema, version } = ext[0]!;
    const view = qualified(schema, 'pg_stat_statements');
    const { rows: columns } = await ctx.client.query<{ name: string }>(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`, [view]);
    const names = new Set(columns.map((c) => c.name));
    const readError = await attempt(() => ctx.client.query(`SELECT count(*) FROM ${view}`));
    const hasSlowQueries = (await ctx.client.query<{ ok: boolean }>(`SELECT to_regclass('public.slow_queries') IS NOT NULL AS ok`)).rows[0]!.ok;
    const viewError = hasSlowQueries ? await attempt(() => ctx.client.query('SELECT count(*) FROM public.slow_queries')) : 'public.slow_queries does not exist';
    const checklistError = await attempt(() => ctx.client.query(`SELECT query, calls, total_time, mean_time FROM ${view} ORDER BY mean_time DESC LIMIT 10`));
    const evidence: Evidence[] = [
      { extension: `pg_stat_statements ${version}`, schema, preloaded: /pg_stat_statements/.test(preload), readable: readError === null, error: readError },
      { columns: ['total_exec_time', 'mean_exec_time', 'total_time', 'mean_time'].filter((c) => names.has(c)).join(', '), expectedForServer: timeColumns, serverVersionNum: num },
      { query: "the checklist's: SELECT query, calls, total_time, mean_time FROM pg_stat_statements ORDER BY mean_time DESC LIMIT 10", result: checklistError ?? 'ran' },
      { view: 'public.slow_queries', result: viewError ?? 'ran' },
    ];
    const problems = [readError ? `pg_stat_statements is not readable (${readError})` : '', viewError ? `slow_queries: ${viewError}` : ''].filter(Boolean);
    if (problems.length > 0) return finding(`${problems.join('; ')}; ${checklistNote}`, evidence);
    return pass(`pg_stat_statements ${version} in schema ${schema}, preloaded and readable, columns ${timeColumns}; slow_queries works; ${checklistNote}`, evidence);
  },
};
