import { createLatencyHistogram, recordMs, summarize } from '../../results/histogram.ts';
import type { HistogramSummary, Results } from '../../results/resultsModel.ts';

function latency(samplesMs: readonly number[]): HistogramSummary {
  const h = createLatencyHistogram();
  for (const ms of samplesMs) recordMs(h, ms);
  return summarize(h);
}

/** A results model with every section filled, for run `id`. */
export function sampleResults(id = '20261125-194301-a1b2c3'): Results {
  return {
    version: 1,
    run: {
      id,
      startedAt: '2026-11-25T19:43:01.000Z',
      finishedAt: '2026-11-25T19:51:12.500Z',
      command: 'db up',
      harnessVersion: '0.1.0',
      target: {
        kind: 'local',
        host: '127.0.0.1:54329',
        database: 'gomflow',
        serverVersion: '17.2',
        serverVersionNum: 170002,
        settings: {
          max_connections: '100',
          statement_timeout: '30s',
          idle_in_transaction_session_timeout: '10s',
          wal_level: 'logical',
          shared_preload_libraries: 'pg_stat_statements',
        },
        localStack: true,
      },
      scale: 'small',
      seed: 42,
    },
    budgets: {
      queryP95Ms: 100,
      queryMaxMs: 1000,
      errorRatePct: 1,
      peakConnections: 80,
      maxConnections: 100,
      idleTimeoutMs: 10000,
      statementTimeoutMs: 30000,
      evaluations: [
        { id: 'query-p95:orders_by_user', title: 'orders_by_user p95', threshold: 100, measured: 12.5, unit: 'ms', status: 'pass' },
        { id: 'peak-connections', title: 'Peak connections', threshold: 80, measured: null, unit: 'connections', status: 'skip', detail: 'no pool scenario ran' },
      ],
    },
    schema: {
      source: 'bundled',
      counts: {
        tables: 31,
        tablesByGroup: { core: 7, notifications: 5, analytics: 11, monitoring: 8 },
        enums: 6,
        explicitIndexes: 40,
        indexes: 75,
        functions: 12,
        triggers: 9,
        policies: 30,
        rlsTables: 20,
        buckets: 3,
        templates: 8,
        views: 4,
      },
      failures: [{ line: 812, statement: 'CREATE INDEX CONCURRENTLY idx_orders_deadline ON orders (deadline)', message: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block', sqlState: '25001' }],
      adaptations: [{ object: 'monitoring.slow_queries', kind: 'view', reason: 'pg_stat_statements renamed total_time to total_exec_time', original: 'total_time', adapted: 'total_exec_time' }],
    },
    seed: {
      runId: '1a2b3c4d',
      seed: 42,
      scale: 'small',
      referenceDate: '2026-11-01',
      tables: [
        { table: 'public.profiles', rows: 1000, ms: 120.5, rowsPerSecond: 8298.8 },
        { table: 'public.orders', rows: 200, ms: 40, rowsPerSecond: 5000 },
      ],
      totalRows: 1200,
      totalMs: 160.5,
    },
    checks: [
      {
        id: 'rls-enabled',
        title: 'RLS enabled on every public table',
        checklistSection: 'Security',
        status: 'fail',
        level: 'fail',
        detail: '2 tables without RLS',
        evidence: [{ table: 'analytics.daily_stats', rlsEnabled: false }],
        remediationSql: 'ALTER TABLE analytics.daily_stats ENABLE ROW LEVEL SECURITY;',
      },
    ],
    queries: [
      {
        name: 'orders_by_user',
        role: 'authenticated',
        paramClass: 'typical',
        iterations: 5,
        latency: latency([3.2, 4.1, 5, 12.5, 7.75]),
        planningMs: 0.21,
        executionMs: 2.9,
        findings: [{ kind: 'seqScan', node: 'Seq Scan on orders', detail: 'filter removes most rows', numbers: { rowsRemovedByFilter: 1980, loops: 1 } }],
        plan: [{ Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'orders' } }],
        status: 'pass',
        budget: { p95Ms: 100, maxMs: 1000 },
      },
    ],
    scenarios: [
      {
        name: 'pool-load',
        engine: 'node',
        startedAt: '2026-11-25T19:45:00.000Z',
        durationMs: 2000,
        requests: 4,
        errors: 0,
        errorRatePct: 0,
        latency: latency([10, 11, 12, 40]),
        timeline: [
          { t: 1000, requests: 2, errors: 0, p95Ms: 11, connections: 20 },
          { t: 2000, requests: 2, errors: 0, p95Ms: 40, connections: 22 },
        ],
        peakConnections: 22,
        status: 'pass',
      },
    ],
  };
}
