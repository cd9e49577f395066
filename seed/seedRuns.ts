import type pg from 'pg';

export type SeedRunStatus = 'running' | 'complete' | 'failed' | 'cleaned';

/** One row of gomflow_loadtest.seed_runs. */
export interface SeedRunRecord {
  /** The run tag as 8 hex digits, as it appears at the start of the run's ids. */
  id: string;
  seed: number;
  scale: string;
  referenceDate: Date;
  /** Rows per table. */
  counts: Record<string, number>;
  status: SeedRunStatus;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** A run's id: its tag as 8 hex digits, as it appears at the start of the run's ids. */
export function runIdOf(runTag: number): string {
  return runTag.toString(16).padStart(8, '0');
}

const COLUMNS = `id, seed::float8 AS seed, scale, reference_date AS "referenceDate", counts, status, error, started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function listSeedRuns(client: pg.Client): Promise<SeedRunRecord[]> {
  const { rows } = await client.query<SeedRunRecord>(`SELECT ${COLUMNS} FROM gomflow_loadtest.seed_runs ORDER BY started_at, id`);
  return rows;
}

export async function getSeedRun(client: pg.Client, id: string): Promise<SeedRunRecord | undefined> {
  const { rows } = await client.query<SeedRunRecord>(`SELECT ${COLUMNS} FROM gomflow_loadtest.seed_runs WHERE id = $1`, [id]);
  return rows[0];
}

/** Records a run as running (replacing the record of an earlier failed or cleaned run of the same tag). */
export async function startSeedRun(client: pg.Client, run: { id: string; seed: number; scale: string; referenceDate: Date }): Promise<void> {
  await client.query(
    `INSERT INTO gomflow_loadtest.seed_runs (id, seed, scale, reference_date, status)
     VALUES ($1, $2, $3, $4, 'running')
     ON CONFLICT (id) DO UPDATE SET seed = EXCLUDED.seed, scale = EXCLUDED.scale, reference_date = EXCLUDED.reference_date,
       counts = '{}', status = 'running', error = NULL, started_at = now(), finished_at = NULL`,
    [run.id, run.seed, run.scale, run.referenceDate],
  );
}

export async function finishSeedRun(client: pg.Client, id: string, status: Exclude<SeedRunStatus, 'running'>, counts: Record<string, number>, error?: string): Promise<void> {
  await client.query(`UPDATE gomflow_loadtest.seed_runs SET status = $2, counts = $3, error = $4, finished_at = now() WHERE id = $1`, [
    id,
    status,
    JSON.stringify(counts),
    error ?? null,
  ]);
}
