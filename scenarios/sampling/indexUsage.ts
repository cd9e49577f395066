import type pg from 'pg';
import { INTERNAL_MARK } from '../../bench/sampleParams.ts';
import type { UnusedIndex } from '../../results/resultsModel.ts';

interface IndexCounters {
  index: string;
  table: string;
  constraint: boolean;
  scans: number;
  inserted: number;
  updated: number;
  hotUpdated: number;
  deleted: number;
}

/** The statistics counters at one moment: per index, and the write statements per table. */
export interface IndexUsageSnapshot {
  indexes: Map<string, IndexCounters>;
  /** schema.table → calls and exec ms of INSERT/UPDATE/DELETE statements on it; null without pg_stat_statements. */
  writes: Map<string, { calls: number; totalMs: number }> | null;
}

const INDEX_SQL = `${INTERNAL_MARK}
SELECT s.schemaname || '.' || s.indexrelname AS index, s.schemaname || '.' || s.relname AS table,
       (i.indisunique OR i.indisprimary) AS constraint, s.idx_scan::float8 AS scans,
       t.n_tup_ins::float8 AS inserted, t.n_tup_upd::float8 AS updated, t.n_tup_hot_upd::float8 AS hot_updated, t.n_tup_del::float8 AS deleted
FROM pg_stat_user_indexes s
JOIN pg_index i ON i.indexrelid = s.indexrelid
JOIN pg_stat_user_tables t ON t.relid = s.relid
WHERE s.schemaname = ANY ($1::text[])`;

// PostgREST wraps writes in `WITH pgrst_source AS (INSERT INTO …)`: the target follows the verb either way.
const WRITE_TARGET = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?(?:"?(\w+)"?\.)?"?(\w+)"?/i;

/**
 * Reads pg_stat_user_indexes / pg_stat_user_tables (and pg_stat_statements' writes) for the given
 * schemas. With `afterLoad`, first waits (at most 5 s) for the scenario's backends to be gone: a
 * backend flushes its counters as it exits, after its client has already seen the socket close.
 */
export async function snapshotIndexUsage(client: pg.Client, schemas: readonly string[], afterLoad = false): Promise<IndexUsageSnapshot> {
  if (afterLoad) await scenarioBackendsGone(client);
  const { rows } = await client.query<{ index: string; table: string; constraint: boolean; scans: number; inserted: number; updated: number; hot_updated: number; deleted: number }>(INDEX_SQL, [schemas]);
  const indexes = new Map(rows.map((row) => [row.index, { index: row.index, table: row.table, constraint: row.constraint, scans: row.scans, inserted: row.inserted, updated: row.updated, hotUpdated: row.hot_updated, deleted: row.deleted }]));
  return { indexes, writes: await statementWrites(client, schemas) };
}

async function scenarioBackendsGone(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `${INTERNAL_MARK} SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'gomflow-load:%' AND pid <> pg_backend_pid()`,
    );
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function statementWrites(client: pg.Client, schemas: readonly string[]): Promise<IndexUsageSnapshot['writes']> {
  const { rows: present } = await client.query<{ schema: string | null }>(`SELECT (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements') AS schema`);
  const schema = present[0]?.schema;
  if (!schema) return null;
  try {
    const { rows } = await client.query<{ query: string; calls: number; total_ms: number }>(
      `${INTERNAL_MARK} SELECT query, calls::float8 AS calls, total_exec_time AS total_ms FROM ${`"${schema.replace(/"/g, '""')}"`}.pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query ~* '(insert\\s+into|update|delete\\s+from)\\s'`,
    );
    const writes = new Map<string, { calls: number; totalMs: number }>();
    for (const row of rows) {
      const match = WRITE_TARGET.exec(row.query);
      if (!match) continue;
      const table = `${match[1] ?? 'public'}.${match[2]}`;
      if (!schemas.includes(table.split('.')[0]!)) continue;
      const sum = writes.get(table) ?? { calls: 0, totalMs: 0 };
      writes.set(table, { calls: sum.calls + row.calls, totalMs: sum.totalMs + row.total_ms });
    }
    return writes;
  } catch {
    // Not preloaded (shared_preload_libraries): the counts stay, the write cost is not measurable.
    return null;
  }
}

/**
 * Indexes the scenario maintained (their table took inserts or non-HOT updates, which write every
 * index; a HOT update writes none) and never read: idx_scan did not move between the snapshots.
 * Primary keys and unique indexes enforce constraints, which no idx_scan counts, so they are left out.
 */
export function unusedIndexesBetween(before: IndexUsageSnapshot, after: IndexUsageSnapshot): UnusedIndex[] {
  const perTable = new Map<string, number>();
  for (const counters of after.indexes.values()) perTable.set(counters.table, (perTable.get(counters.table) ?? 0) + 1);
  const unused: UnusedIndex[] = [];
  for (const [name, end] of after.indexes) {
    const start = before.indexes.get(name);
    if (!start || end.constraint || end.scans > start.scans) continue;
    const inserted = Math.max(0, end.inserted - start.inserted);
    const updated = Math.max(0, end.updated - start.updated);
    const hot = Math.max(0, end.hotUpdated - start.hotUpdated);
    const deleted = Math.max(0, end.deleted - start.deleted);
    const maintained = inserted + updated - hot;
    if (maintained <= 0) continue;
    const writes = tableWrites(before, after, end.table);
    unused.push({ index: name, table: end.table, maintained, inserted, updated, deleted, ...(writes ? { tableWrites: writes } : {}), tableIndexes: perTable.get(end.table)! });
  }
  return unused.sort((a, b) => b.maintained - a.maintained || a.index.localeCompare(b.index));
}

function tableWrites(before: IndexUsageSnapshot, after: IndexUsageSnapshot, table: string): UnusedIndex['tableWrites'] {
  const end = after.writes?.get(table);
  if (!end || !before.writes) return undefined;
  const start = before.writes.get(table) ?? { calls: 0, totalMs: 0 };
  const calls = Math.max(0, end.calls - start.calls);
  if (calls === 0) return undefined;
  const totalMs = Math.max(0, end.totalMs - start.totalMs);
  return { calls, totalMs, meanMs: totalMs / calls };
}
