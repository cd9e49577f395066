import { randomBytes } from 'node:crypto';
import type pg from 'pg';

const PREFIX = 'gomflow_rt_';

/** `gomflow_rt_<pid>_<random>`: unique to this server, and says which process holds it. */
export function replicationSlotName(): string {
  return `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * Drops this database's slots of ours whose server process is gone (a crash, a SIGKILL): their
 * walsender may linger until it notices the dead socket, holding WAL; it is ended first.
 * Returns the names dropped. The local stack runs on this machine, so the pid says it all.
 */
export async function dropStaleSlots(db: pg.Pool | pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ slot_name: string; active_pid: number | null }>(
    `SELECT slot_name, active_pid FROM pg_replication_slots WHERE database = current_database() AND starts_with(slot_name, $1)`,
    [PREFIX],
  );
  const dropped: string[] = [];
  for (const { slot_name: name, active_pid: activePid } of rows) {
    const pid = Number(/^gomflow_rt_(\d+)_/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    if (activePid) await db.query('SELECT pg_terminate_backend($1, 5000)', [activePid]);
    // A temporary slot goes with its walsender; a permanent one needs the drop.
    await db.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [name]);
    dropped.push(name);
  }
  return dropped;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
