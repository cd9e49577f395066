import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults } from '../../results/resultsModel.ts';
import { runCli } from '../helpers/runCli.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** `gomflow-load bench` as a user runs it, against a cloned and seeded test database as a postgres target. */
describe('gomflow-load bench', () => {
  let seeded: TestDatabase;
  let empty: TestDatabase;
  let slowConfig: string;
  let configDir: string | undefined;

  beforeAll(async () => {
    [seeded, empty] = await Promise.all([createTestDatabase('benchcli'), createTestDatabase('benchcli_empty')]);
    await seedTiny(seeded.url, 5, new Date('2026-11-20T14:00:00Z'));
    // A catalog of one query that sleeps past the p95 budget, through the config's catalogDir.
    const dir = (configDir = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-')));
    mkdirSync(path.join(dir, 'queries'));
    writeFileSync(path.join(dir, 'queries', 'slow_on_purpose.sql'), '-- name: slow_on_purpose\n-- journey: test\n-- roles: service_role\nSELECT pg_sleep(0.12)\n');
    slowConfig = path.join(dir, 'bench.config.mjs');
    writeFileSync(slowConfig, `export default { bench: { catalogDir: ${JSON.stringify(path.join(dir, 'queries'))}, iterations: 3, warmup: 0, explainRuns: 1, topStatements: 0 } };\n`);
  });

  afterAll(async () => {
    if (configDir) rmSync(configDir, { recursive: true, force: true });
    await Promise.all([seeded?.drop(), empty?.drop()]);
  });

  it('benchmarks one query, exits 0 within budget, prints the table on stderr and results.json with --json', async () => {
    const result = await runCli(['bench', '--target', 'postgres', '--only', 'order_by_id', '--iterations', '5', '--json'], { DATABASE_URL: seeded.url });
    expect(result.stderr).toMatch(/query\s+role\s+class\s+p50 ms\s+p95 ms\s+max ms\s+verdict\s+top finding/);
    expect(result.code).toBe(0);
    const results = parseResults(JSON.parse(result.stdout));
    const measured = results.queries.filter((query) => query.name === 'order_by_id');
    expect(measured.map((query) => `${query.role} ${query.paramClass}`).sort()).toEqual(['anon hot', 'anon typical', 'authenticated hot', 'authenticated typical']);
    expect(measured.every((query) => query.iterations === 5 && query.status === 'pass')).toBe(true);
    expect(results.run.command).toBe('bench');
    // The forecast's volume: the submissions the queries ran on, counted by the bench stage.
    const { rows } = await seeded.client.query<{ n: string }>('SELECT count(*) AS n FROM public.submissions');
    expect(results.dataVolume?.submissions).toBe(Number(rows[0]!.n));
  });

  it('exits 1 when a query fails its budget', async () => {
    const result = await runCli(['bench', '--target', 'postgres', '--config', slowConfig], { DATABASE_URL: seeded.url });
    expect(result.stderr).toMatch(/slow_on_purpose\s+service_role\s+fixed\s+.*FAIL/);
    expect(result.code).toBe(1);
  });

  it('exits 2 for an unknown query name, a what-if on a remote target without confirmation, and a remote without data', async () => {
    const unknown = await runCli(['bench', '--target', 'postgres', '--only', 'nope'], { DATABASE_URL: seeded.url });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no catalog query named nope.*\[E_USAGE\]/);
    const fix = path.join(path.dirname(slowConfig), 'fix.sql');
    writeFileSync(fix, 'CREATE INDEX ON submissions (buyer_name);\n');
    const unconfirmed = await runCli(['bench', '--target', 'postgres', '--what-if', fix], { DATABASE_URL: seeded.url });
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--confirm-target 127\.0\.0\.1\/benchcli_[0-9a-f]+.*\[E_UNSAFE_TARGET\]/);
    const bare = await runCli(['bench', '--target', 'postgres', '--only', 'order_by_id'], { DATABASE_URL: empty.url });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/has no orders or submissions to benchmark; seed it first \(gomflow-load seed --target postgres .*--confirm-target/);
  });
});
