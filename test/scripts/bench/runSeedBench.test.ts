import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GomflowError } from '../../../core/errors.ts';
import { resolveScale } from '../../../generators/resolveScale.ts';
import { ALL_TABLE_SPECS } from '../../../generators/tables.ts';
import { BENCH_DATABASE_PREFIX } from '../../../scripts/bench/benchDatabases.ts';
import { renderSeedBench } from '../../../scripts/bench/renderSeedBench.ts';
import { runSeedBench, type SeedBenchOptions } from '../../../scripts/bench/runSeedBench.ts';
import type { Target } from '../../../stack/target.ts';
import { parseTargetUrl } from '../../../stack/targetUrl.ts';
import { waitFor } from '../../helpers/seedSessions.ts';

/** The test cluster as the bench's local target. */
function testTarget(): Target {
  const url = inject('clusterUrl');
  const { host, port, database } = parseTargetUrl(url);
  return { kind: 'local', url, host, port, database, where: `${host}:${port}/${database}`, connectTimeoutMs: 5000 };
}

describe('bench:seed at tiny scale, on the test cluster', () => {
  const admin = new pg.Client({ connectionString: inject('clusterUrl') });
  const benchDatabases = async () =>
    (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1`, [BENCH_DATABASE_PREFIX])).rows.map((r) => r.datname);
  const options = (signal: AbortSignal, progress: (line: string) => void = () => undefined): SeedBenchOptions => ({
    scale: resolveScale('tiny', {}),
    seed: 3,
    analytics: 'designed',
    parallel: 2,
    signal,
    progress,
  });

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
  });

  it('measures the normal path, the fast path and psql \\copy, then drops every database it made and the leftovers of an earlier bench', async () => {
    // What the old bench left behind (issue 20): a new run removes it too.
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE_PREFIX}ours`);
    const run = await runSeedBench(testTarget(), options(new AbortController().signal));
    expect(run.error).toBeUndefined();
    const result = run.result!;
    expect(result.normal.totalRows).toBeGreaterThan(10_000);
    expect(result.fast.totalRows).toBe(result.normal.totalRows);
    expect(result.fast.fast?.indexes).toBeGreaterThan(90);
    expect([...result.generation.keys()]).toEqual(ALL_TABLE_SPECS.map((s) => s.table));
    if (spawnSync('psql', ['--version']).status === 0) expect([...result.psql!.keys()]).toEqual(ALL_TABLE_SPECS.map((s) => s.table));

    const table = renderSeedBench(result);
    for (const spec of ALL_TABLE_SPECS) expect(table).toContain(`| ${spec.table} `);
    expect(table).toMatch(/ours-normal +\d+\.\d s/);
    expect(table).toMatch(/ours-fast +\d+\.\d s .*\d+ indexes rebuilt/);
    expect(table).toMatch(/fast vs normal ×\d+\.\d\d/);

    expect(run.cleanup).toMatch(/^bench:seed: dropped the 4 databases it made \(gomflow_bench_template, gomflow_bench_normal, gomflow_bench_fast, gomflow_bench_psql; \d+ MB freed\); none is left$/);
    expect(await benchDatabases()).toEqual([]);
  });

  it('interrupted in the middle of a seed, it still drops every database it made and says so', async () => {
    const controller = new AbortController();
    const target = testTarget();
    let stopping: Promise<void> | undefined;
    const progress = (line: string) => {
      if (!line.startsWith('2/3')) return;
      // Abort once the fast-path seed is writing into its database.
      stopping = waitFor('the fast seed to start', async () => {
        const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND starts_with(query, 'COPY')`, [`${BENCH_DATABASE_PREFIX}fast`]);
        return rows.length > 0;
      }).then(() => controller.abort(new GomflowError('E_ABORTED', 'bench:seed interrupted')));
    };
    const run = await runSeedBench(target, options(controller.signal, progress));
    await stopping;
    expect(run.result).toBeUndefined();
    expect((run.error as GomflowError).code).toBe('E_ABORTED');
    expect(run.cleanup).toMatch(/^bench:seed: dropped the 3 databases it made \(gomflow_bench_template, gomflow_bench_normal, gomflow_bench_fast; \d+ MB freed\); none is left$/);
    expect(await benchDatabases()).toEqual([]);
  });
});
