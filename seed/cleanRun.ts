import type pg from 'pg';
import type { TableSpec } from '../generators/types.ts';
import { claimRun, releaseRun, stopRunWriters } from './runLock.ts';
import { runRowFilters } from './runRows.ts';

/**
 * Deletes exactly the rows of one seed run, children first, in one transaction (runRows.ts says
 * which rows those are). It claims the run first, so it never races a seed of the same run in
 * progress (E_SEED_BUSY), and stops the run's leftover writing sessions, so no COPY commits
 * after the delete.
 */
export async function cleanRun(client: pg.Client, runTag: number, specsInLoadOrder: readonly TableSpec[]): Promise<number> {
  await claimRun(client, runTag);
  try {
    await stopRunWriters(client, runTag);
    return await deleteRunRows(client, runTag, specsInLoadOrder);
  } finally {
    await releaseRun(client, runTag);
  }
}

async function deleteRunRows(client: pg.Client, runTag: number, specsInLoadOrder: readonly TableSpec[]): Promise<number> {
  let removed = 0;
  await client.query('BEGIN');
  try {
    // Deleting a large run takes longer than the checklist's 30 s statement timeout.
    await client.query('SET LOCAL statement_timeout = 0');
    for (const filter of runRowFilters(runTag, specsInLoadOrder)) {
      const { rowCount } = await client.query(`DELETE FROM ${filter.table} WHERE ${filter.where}`, filter.params);
      removed += rowCount ?? 0;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return removed;
}
