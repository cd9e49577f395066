import type pg from 'pg';
import { formatCount } from '../core/format.ts';
import { createLatencyHistogram, summarize } from '../results/histogram.ts';
import type { QueryFinding, QueryResult } from '../results/resultsModel.ts';
import { INTERNAL_MARK } from './sampleParams.ts';

/** Cumulative pg_stat_statements counters of one statement (per role, query id and nesting level). */
export interface StatementCounters {
  role: string;
  /** False for a statement run inside a function (tracked with pg_stat_statements.track = all). */
  toplevel: boolean;
  queryId: string;
  query: string;
  calls: number;
  totalExecMs: number;
  /** Planning time; 0 where the server does not track it (before PG 13, or pg_stat_statements.track_planning off). */
  totalPlanMs: number;
  rows: number;
  sharedBlksHit: number;
  sharedBlksRead: number;
  tempBlksWritten: number;
  /** Slowest execution since the counters were last reset (max_exec_time, max_time before PG 13), ms. */
  maxExecMs: number;
}

export type StatementsSnapshot = { available: true; entries: Map<string, StatementCounters> } | { available: false; reason: string };

/** Name of the pseudo-query that carries the pg_stat_statements summary in results.json. */
export const STATEMENTS_RESULT_NAME = 'pg_stat_statements';

/** Harness traffic, not the app's: transaction control, role switches, EXPLAIN, and statements marked internal. */
const HARNESS_STATEMENT = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE|SET\s|RESET\s|SHOW\s|EXPLAIN|SELECT\s+set_config\()/i;

/** True for the harness's own statements (transaction control, role switch, sampling), never the app's traffic. */
export function isHarnessStatement(text: string): boolean {
  return HARNESS_STATEMENT.test(text) || text.includes(INTERNAL_MARK);
}

/**
 * The current database's pg_stat_statements counters, leaving out the harness's login role
 * (its sampling and snapshot queries are not the app's traffic; the app's requests run as
 * anon, authenticated or service_role), whatever schema the extension lives in
 * (`extensions` on Supabase and the local target) and whichever column names the server has:
 * total_time/mean_time before PG 13, total_exec_time and total_plan_time from 13, `toplevel`
 * from 14. Unavailable (with the reason) when the extension is missing or not preloaded.
 */
export async function snapshotStatements(client: pg.Client): Promise<StatementsSnapshot> {
  try {
    const ext = await client.query<{ schema: string }>(
      `${INTERNAL_MARK} SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`,
    );
    const schema = ext.rows[0]?.schema;
    if (!schema) return { available: false, reason: 'the pg_stat_statements extension is not installed in this database' };
    const view = `${quoteIdent(schema)}.pg_stat_statements`;
    const columns = new Set(
      (
        await client.query<{ name: string }>(`${INTERNAL_MARK} SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`, [view])
      ).rows.map((row) => row.name),
    );
    const exec = columns.has('total_exec_time') ? 'total_exec_time' : 'total_time';
    const max = columns.has('max_exec_time') ? 'max_exec_time' : 'max_time';
    const plan = columns.has('total_plan_time') ? 's.total_plan_time' : '0';
    const toplevel = columns.has('toplevel') ? 's.toplevel' : 'true';
    const { rows } = await client.query<Record<string, unknown>>(
      `${INTERNAL_MARK} SELECT s.userid::regrole::text AS role, s.queryid::text AS query_id, ${toplevel} AS toplevel, s.query,
              s.calls::float8 AS calls, s.${exec}::float8 AS total_exec_ms, ${plan}::float8 AS total_plan_ms, s.rows::float8 AS rows,
              s.shared_blks_hit::float8 AS hit, s.shared_blks_read::float8 AS read, s.temp_blks_written::float8 AS temp_written, s.${max}::float8 AS max_exec_ms
       FROM ${view} s WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND s.userid <> (SELECT oid FROM pg_roles WHERE rolname = session_user)`,
    );
    const entries = new Map<string, StatementCounters>();
    for (const row of rows) {
      const counters: StatementCounters = {
        role: String(row.role),
        toplevel: row.toplevel !== false && row.toplevel !== 'f',
        queryId: String(row.query_id),
        query: String(row.query ?? ''),
        calls: Number(row.calls),
        totalExecMs: Number(row.total_exec_ms),
        totalPlanMs: Number(row.total_plan_ms),
        rows: Number(row.rows),
        sharedBlksHit: Number(row.hit),
        sharedBlksRead: Number(row.read),
        tempBlksWritten: Number(row.temp_written),
        maxExecMs: Number(row.max_exec_ms),
      };
      entries.set(`${counters.role}|${counters.queryId}|${counters.toplevel}`, counters);
    }
    return { available: true, entries };
  } catch (error) {
    return { available: false, reason: `pg_stat_statements cannot be read: ${(error as Error).message}` };
  }
}

/** What each statement did between two snapshots, the harness's own statements left out, costliest (execution time) first. Pure. */
export function statementDeltas(before: Map<string, StatementCounters>, after: Map<string, StatementCounters>): StatementCounters[] {
  const deltas: StatementCounters[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    const calls = now.calls - (was?.calls ?? 0);
    if (calls <= 0 || isHarnessStatement(now.query)) continue;
    deltas.push({
      ...now,
      calls,
      totalExecMs: now.totalExecMs - (was?.totalExecMs ?? 0),
      totalPlanMs: now.totalPlanMs - (was?.totalPlanMs ?? 0),
      rows: now.rows - (was?.rows ?? 0),
      sharedBlksHit: now.sharedBlksHit - (was?.sharedBlksHit ?? 0),
      sharedBlksRead: now.sharedBlksRead - (was?.sharedBlksRead ?? 0),
      tempBlksWritten: now.tempBlksWritten - (was?.tempBlksWritten ?? 0),
    });
  }
  return deltas.sort((a, b) => b.totalExecMs - a.totalExecMs || a.queryId.localeCompare(b.queryId));
}

/**
 * The pg_stat_statements summary as a pseudo-query of the queries section, so the report shows
 * it with the benchmarks: one `topStatement` finding per statement, costliest first, named by
 * catalog query where its query id is known. It has no timed executions of its own (its budgets
 * read "not measured") and always passes.
 */
export function statementsResult(snapshot: { before: StatementsSnapshot; after: StatementsSnapshot }, top: number, catalogNames: ReadonlyMap<string, string>, budget: QueryResult['budget']): QueryResult {
  const findings: QueryFinding[] = [];
  if (!snapshot.before.available || !snapshot.after.available) {
    const reason = !snapshot.before.available ? snapshot.before.reason : (snapshot.after as { reason: string }).reason;
    findings.push({ kind: 'notMeasured', detail: reason });
  } else {
    const deltas = statementDeltas(snapshot.before.entries, snapshot.after.entries).slice(0, top);
    if (deltas.length === 0) findings.push({ kind: 'notMeasured', detail: 'pg_stat_statements recorded no statement of the run' });
    for (const delta of deltas) {
      const hits = delta.sharedBlksHit + delta.sharedBlksRead;
      const name = catalogNames.get(delta.queryId);
      findings.push({
        kind: 'topStatement',
        node: `${delta.toplevel ? (name ?? oneLine(delta.query, 80)) : `in a function: ${oneLine(delta.query, 66)}`} (${delta.role})`,
        detail:
          `${formatCount(delta.calls)} calls, ${delta.totalExecMs.toFixed(1)} ms executing (${(delta.totalExecMs / delta.calls).toFixed(2)} ms mean)` +
          `${delta.totalPlanMs > 0 ? `, ${delta.totalPlanMs.toFixed(1)} ms planning` : ''}, ${formatCount(delta.rows / delta.calls)} rows/call, ` +
          `${hits === 0 ? 'no shared blocks' : `${((100 * delta.sharedBlksHit) / hits).toFixed(1)} % buffer hit`}: ${oneLine(delta.query, 240)}`,
        numbers: {
          calls: delta.calls,
          totalExecMs: round3(delta.totalExecMs),
          meanExecMs: round3(delta.totalExecMs / delta.calls),
          totalPlanMs: round3(delta.totalPlanMs),
          rows: delta.rows,
          sharedBlksHit: delta.sharedBlksHit,
          sharedBlksRead: delta.sharedBlksRead,
          tempBlksWritten: delta.tempBlksWritten,
        },
      });
    }
  }
  return {
    name: STATEMENTS_RESULT_NAME,
    role: 'all roles',
    paramClass: 'fixed',
    iterations: 0,
    latency: summarize(createLatencyHistogram()),
    findings,
    status: 'pass',
    budget,
  };
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
