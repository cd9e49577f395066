import type pg from 'pg';
import { INTERNAL_MARK } from '../../bench/sampleParams.ts';
import type { SamplePoint } from '../engine/runLoad.ts';

interface Counters {
  commits: number;
  rollbacks: number;
  deadlocks: number;
  tempBytes: number;
}

const SAMPLE_SQL = `${INTERNAL_MARK}
SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS connections,
       (SELECT coalesce(json_object_agg(state, n), '{}') FROM (
          SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND datname = current_database() GROUP BY 1) s) AS by_state,
       (SELECT coalesce(json_object_agg(w, n), '{}') FROM (
          SELECT wait_event_type AS w, count(*)::int AS n FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND state = 'active' AND wait_event_type IS NOT NULL AND pid <> pg_backend_pid() GROUP BY 1) s) AS waiting_by,
       (SELECT count(*) FROM pg_locks WHERE NOT granted)::int AS lock_waits,
       d.xact_commit::float8 AS commits, d.xact_rollback::float8 AS rollbacks, d.deadlocks::float8 AS deadlocks, d.temp_bytes::float8 AS temp_bytes
FROM pg_stat_database d WHERE d.datname = current_database()`;

/**
 * Samples the server once per interval on the command's own connection (opened before the
 * load, so it still answers when the load has taken every other slot): connections server-wide
 * (what the 80-of-100 alert counts), the target database's backends by state and wait event,
 * lock waits, and pg_stat_database's commits, rollbacks, deadlocks and temp bytes as deltas.
 */
export function serverSampler(client: pg.Client): () => Promise<SamplePoint> {
  let previous: Counters | undefined;
  return async () => {
    const { rows } = await client.query(SAMPLE_SQL);
    const row = rows[0] as {
      connections: number;
      by_state: Record<string, number>;
      waiting_by: Record<string, number>;
      lock_waits: number;
      commits: number;
      rollbacks: number;
      deadlocks: number;
      temp_bytes: number;
    };
    const now: Counters = { commits: row.commits, rollbacks: row.rollbacks, deadlocks: row.deadlocks, tempBytes: row.temp_bytes };
    const delta = (key: keyof Counters) => (previous ? Math.max(0, now[key] - previous[key]) : 0);
    const server = { byState: row.by_state, waitingBy: row.waiting_by, lockWaits: row.lock_waits, commits: delta('commits'), rollbacks: delta('rollbacks'), deadlocks: delta('deadlocks'), tempBytes: delta('tempBytes') };
    previous = now;
    return { connections: row.connections, server };
  };
}
