import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { GomflowError } from '../core/errors.ts';
import { runIdOf } from './seedRuns.ts';

/**
 * Advisory-lock namespaces: the first key of PostgreSQL's two-int form, the run tag the second.
 * Arbitrary constants ("GS" + n); advisory locks are per database, like seed runs.
 */
const RUN_CLAIM = 0x47530001;
const RUN_WRITER = 0x47530002;

/** Which sessions hold a run's lock of one namespace (pg_locks shows a two-int key as classid, objid, objsubid 2). */
const HOLDERS = `FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid = $1::int4::oid AND l.objid = $2::int4::oid AND l.objsubid = 2 AND l.pid <> pg_backend_pid()`;

/**
 * Claims a run for this session until releaseRun or the session ends. Seeding and cleaning a
 * run both hold the claim for their whole job, so they never overlap; a session may claim a
 * run it holds again. Throws E_SEED_BUSY, having changed nothing, when another session holds it.
 */
export async function claimRun(client: pg.Client, runTag: number): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [RUN_CLAIM, runTag | 0]);
  if (rows[0]!.ok) return;
  const holders = await client.query<{ pid: number; app: string | null }>(`SELECT l.pid, a.application_name AS app ${HOLDERS} AND l.granted`, [RUN_CLAIM, runTag | 0]);
  const holder = holders.rows[0];
  const who = holder ? `${holder.app ? `${holder.app}, ` : ''}server pid ${holder.pid}` : 'a session that just ended';
  throw new GomflowError(
    'E_SEED_BUSY',
    `seed run ${runIdOf(runTag)} is already being seeded or cleaned by another process (${who}); wait for it to finish or stop it, then run this again`,
  );
}

export async function releaseRun(client: pg.Client, runTag: number): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1, $2)', [RUN_CLAIM, runTag | 0]);
}

/** Marks this session as one writing the run's rows, until it ends: see stopRunWriters. */
export async function joinRunWriters(client: pg.Client, runTag: number): Promise<void> {
  await client.query('SELECT pg_advisory_lock_shared($1, $2)', [RUN_WRITER, runTag | 0]);
}

/**
 * Stops every server session still writing the run's rows and waits until they are gone, so
 * that what follows sees the final state. Ending a client connection does not stop its server
 * session at once: a COPY whose last rows were already sent still commits, seconds later, and
 * a killed process leaves its sessions running. A session that has left pg_locks has ended its
 * transaction (committed or rolled back), since a backend releases its advisory locks only after
 * aborting what was open. Only the run's claim holder calls this, so every writer left is ours
 * or an orphan: terminating them is safe.
 */
export async function stopRunWriters(client: pg.Client, runTag: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ pid: number }>(`SELECT l.pid, pg_terminate_backend(l.pid) ${HOLDERS}`, [RUN_WRITER, runTag | 0]);
    if (rows.length === 0) return;
    if (performance.now() > deadline) {
      const pids = rows.map((r) => r.pid).join(', ');
      throw new GomflowError(
        'E_SEED_FAILED',
        `sessions writing seed run ${runIdOf(runTag)} (server pids ${pids}) did not stop within ${timeoutMs / 1000} s, so rows may remain; run \`gomflow-load seed clean --run ${runIdOf(runTag)}\` once they have ended`,
      );
    }
    await sleep(20);
  }
}
