import { finding, pass, skip, type CheckDefinition } from './checkTypes.ts';
import { checkSql, qualified } from './sqlText.ts';

interface StatsRow {
  table: string;
  last_analyzed: Date | null;
  live_rows_estimate: string | null;
  modified_since_analyze: string | null;
  planner_rows: string;
}

/**
 * stats.analyzed: a table with rows that was never analyzed (or changed by more than a fifth
 * since) gives the planner guesses. Empty tables need no statistics.
 */
export const statsAnalyzed: CheckDefinition = {
  id: 'stats.analyzed',
  title: 'Every table with rows has fresh statistics (ANALYZE)',
  checklistSection: 'Index Optimization',
  defaultLevel: 'warn',
  async run(ctx) {
    const { rows } = await ctx.client.query<StatsRow>(checkSql('table-statistics'));
    if (rows.length === 0) return skip('no public tables');
    const stale: { table: string; lastAnalyzed: string | null; rows: number; modifiedSinceAnalyze: number; problem: string }[] = [];
    for (const row of rows) {
      const modified = Number(row.modified_since_analyze ?? 0);
      const live = Number(row.live_rows_estimate ?? 0);
      if (row.last_analyzed === null) {
        const { rows: any } = await ctx.client.query<{ has: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified('public', row.table)}) AS has`);
        if (any[0]!.has) stale.push({ table: row.table, lastAnalyzed: null, rows: Math.max(live, Number(row.planner_rows)), modifiedSinceAnalyze: modified, problem: 'never analyzed' });
      } else if (modified > 1000 && modified > live / 5) {
        stale.push({ table: row.table, lastAnalyzed: row.last_analyzed.toISOString(), rows: live, modifiedSinceAnalyze: modified, problem: 'changed by more than 20 % since' });
      }
    }
    const analyzed = rows.filter((r) => r.last_analyzed !== null).length;
    if (stale.length === 0) return pass(`${analyzed} of ${rows.length} tables analyzed; the rest are empty`, rows.map((r) => ({ table: r.table, lastAnalyzed: r.last_analyzed?.toISOString() ?? null, rows: Number(r.live_rows_estimate ?? 0) })));
    return finding(
      `${stale.length} tables with rows have ${stale.every((s) => s.problem === 'never analyzed') ? 'never been analyzed' : 'missing or stale statistics'}: ${stale.map((s) => s.table).join(', ')}`,
      stale,
      `ANALYZE ${stale.map((s) => qualified('public', s.table)).join(', ')};`,
    );
  },
};
