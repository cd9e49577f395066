import type pg from 'pg';

export type SeedRunStatus = 'running' | 'complete' | 'failed' | 'cleaned';

/** One row of gomflow_loadtest.seed_runs. */
export interface SeedRunRecord {
  /** The run tag as 8 hex digits, as it appears at the start of the run's ids. */
  id: string;
  /** A seed, or the rows a load scenario wrote (recorded as it starts, kept with --keep). */
  kind: 'seed' | 'scenario';
  /** The load scenario's name (kind scenario), else null. */
  scenario: string | null;
  seed: number;
  /** The seed's scale (kind seed), else null. */
  scale: string | null;
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

// Read through to_jsonb so a table from before the kind and scenario columns (a scenario run
// then had scale 'load:<name>') is read the same, without altering it on a read-only command.
const OLD_SCENARIO = `(to_jsonb(r)->>'kind' IS NULL AND r.scale LIKE 'load:%')`;
const COLUMNS = `id, CASE WHEN ${OLD_SCENARIO} THEN 'scenario' ELSE coalesce(to_jsonb(r)->>'kind', 'seed') END AS kind,
  CASE WHEN ${OLD_SCENARIO} THEN substr(r.scale, 6) ELSE to_jsonb(r)->>'scenario' END AS scenario, seed::float8 AS seed,
  CASE WHEN ${OLD_SCENARIO} THEN NULL ELSE r.scale END AS scale, reference_date AS "referenceDate", counts, status, error,
  started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function listSeedRuns(client: pg.Client): Promise<SeedRunRecord[]> {
  const { rows } = await client.query<SeedRunRecord>(`SELECT ${COLUMNS} FROM gomflow_loadtest.seed_runs r ORDER BY started_at, id`);
  return rows;
}

export async function getSeedRun(client: pg.Client, id: string): Promise<SeedRunRecord | undefined> {
  const { rows } = await client.query<SeedRunRecord>(`SELECT ${COLUMNS} FROM gomflow_loadtest.seed_runs r WHERE id = $1`, [id]);
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

/** Records the run a load scenario's writes carry, as running (its tag is new: ScenarioRows picks a free one). */
export async function startScenarioRun(client: pg.Client, run: { id: string; scenario: string; referenceDate: Date }): Promise<void> {
  await client.query(`INSERT INTO gomflow_loadtest.seed_runs (id, kind, scenario, seed, scale, reference_date, status) VALUES ($1, 'scenario', $2, 0, NULL, $3, 'running')`, [
    run.id,
    run.scenario,
    run.referenceDate,
  ]);
}

/** The seed runs whose rows are loaded (complete), without kept scenario runs. */
export function completeSeeds(runs: readonly SeedRunRecord[]): SeedRunRecord[] {
  return runs.filter((run) => run.kind === 'seed' && run.status === 'complete');
}

export async function finishSeedRun(client: pg.Client, id: string, status: Exclude<SeedRunStatus, 'running'>, counts: Record<string, number>, error?: string): Promise<void> {
  await client.query(`UPDATE gomflow_loadtest.seed_runs SET status = $2, counts = $3, error = $4, finished_at = now() WHERE id = $1`, [
    id,
    status,
    JSON.stringify(counts),
    error ?? null,
  ]);
}
