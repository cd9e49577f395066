import type pg from 'pg';
import { ALL_TABLE_SPECS } from '../../../generators/tables.ts';
import type { WritePlan } from '../../../reports/terminal/writePlanText.ts';
import { runObjectCounts } from '../../../scenarios/drivers/storage/removeRunObjects.ts';
import { runRowCounts } from '../../../seed/runRows.ts';
import { listSeedRuns, type SeedRunRecord } from '../../../seed/seedRuns.ts';
import type { Target } from '../../../stack/target.ts';
import { connectionLabel, databaseRole } from './targetRoles.ts';

/** The runs `seed clean` would remove: one by id, or every run not cleaned yet. Reads only (no run table: none). */
export async function runsToClean(client: pg.Client, choice: { run?: string | undefined; all: boolean }): Promise<SeedRunRecord[]> {
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('gomflow_loadtest.seed_runs') IS NOT NULL AS present`);
  if (!rows[0]!.present) return [];
  return (await listSeedRuns(client)).filter((run) => (choice.all ? run.status !== 'cleaned' : run.id === choice.run));
}

/** What `seed clean` will delete: the runs' rows counted table by table, as they are in the database now. */
export async function cleanWritePlan(client: pg.Client, target: Target, runs: readonly SeedRunRecord[]): Promise<WritePlan> {
  const totals = new Map<string, number>();
  const objects = new Map<string, number>();
  for (const run of runs) {
    for (const [table, rows] of Object.entries(await runRowCounts(client, Number.parseInt(run.id, 16), ALL_TABLE_SPECS))) totals.set(table, (totals.get(table) ?? 0) + rows);
    for (const [bucket, n] of await runObjectCounts(client, run.id)) objects.set(bucket, (objects.get(bucket) ?? 0) + n);
  }
  return {
    action: runs.length === 0 ? 'seed clean: no seed run to remove' : `seed clean of run${runs.length > 1 ? 's' : ''} ${runs.map((run) => run.id).join(', ')}`,
    target: target.where,
    connection: connectionLabel(target),
    roles: [`${databaseRole(target)}: DELETE of exactly these runs' rows, children first, in one transaction`],
    tables: [...totals].map(([table, rows]) => ({ table, rows, bytes: 0 })),
    removes: true,
    storageObjects:
      objects.size === 0
        ? 'none'
        : `removes the runs' objects (user metadata gomflow_run) through the Storage API as service_role, rows and bytes: ${[...objects].map(([bucket, n]) => `${n} in ${bucket}`).join(', ')}`,
    notes: ['rows are recognised by the run id in their ids; rows that were there before, or of other runs, are outside the delete'],
    cleanup: 'this is the clean-up; `gomflow-load seed list` shows what is left',
  };
}
