import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { readResults } from '../../results/index.ts';
import { resolveServerLayout } from '../../stack/serverLayout.ts';
import { runCli, TEST_OUT_DIR, type CliResult } from '../helpers/runCli.ts';

/**
 * db up / status / down on a local target of its own, as a newcomer would run them. Each test
 * brings the target to the state it starts from (running or stopped), so none depends on
 * which tests ran before it or in what order.
 */
describe('local target lifecycle through the CLI', () => {
  const env = { GOMFLOW_DATA_DIR: `.gomflow/test-lifecycle-${process.pid}` };

  /** The target running with the bundled schema; a no-op `db up` when it already runs. */
  async function runningTarget(): Promise<CliResult> {
    const result = await runCli(['db', 'up'], env);
    expect(result.code, result.stderr).toBe(0);
    return result;
  }

  async function stoppedTarget(): Promise<void> {
    expect((await runCli(['db', 'down'], env)).code).toBe(0);
  }

  afterAll(async () => {
    await runCli(['db', 'down'], env);
    // As root in a private folder the cluster lives elsewhere; remove wherever it really is.
    const { dataDir } = await resolveServerLayout(path.resolve(env.GOMFLOW_DATA_DIR));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(env.GOMFLOW_DATA_DIR, { recursive: true, force: true });
    rmSync(`${env.GOMFLOW_DATA_DIR}.json`, { force: true });
    rmSync(`${env.GOMFLOW_DATA_DIR}-api.log`, { force: true });
  });

  it('db up starts the server, applies the schema and prints the URL with the password hidden', async () => {
    await stoppedTarget();
    const result = await runCli(['db', 'up'], env);
    // The start time as formatDuration prints it: "850 ms" from a stopped data folder, "2.4 s" with initdb.
    expect(result.stderr).toMatch(/local target started in (\d+(\.\d{1,3})? ms|\d+\.\d s|\d+ min \d{2} s)\n/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/url\s+postgresql:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/gomflow/);
    expect(result.stdout).toMatch(/tables\s+31 {2}\(core 7, notifications 5, analytics 11, monitoring 8\)/);
    expect(result.stdout).toMatch(/settings\s+max_connections=100 statement_timeout=30s idle_in_transaction_session_timeout=10s wal_level=logical/);
  });

  it('db up records the run in results.json, with the schema section and no secrets', async () => {
    await runningTarget();
    const results = await readResults(path.join(TEST_OUT_DIR, 'latest'));
    expect(results.run.command).toBe('db up');
    expect(results.run.target).toMatchObject({ kind: 'local', host: '127.0.0.1', database: 'gomflow', localStack: false });
    expect(results.run.target.settings).toMatchObject({ max_connections: '100', wal_level: 'logical' });
    expect(results.schema).toMatchObject({ source: 'bundled', failures: [], counts: { tables: 31, explicitIndexes: 109, policies: 57 } });
    expect(results.schema?.adaptations.map((a) => a.object)).toContain('view public.slow_queries');
    expect(results.budgets).toMatchObject({ queryP95Ms: 100, queryMaxMs: 1000, errorRatePct: 1, peakConnections: 80 });
    expect(JSON.stringify(results)).not.toMatch(/password|:\/\/postgres:/);
  });

  it('db status --json reports a running server and the object counts; the password only with --show-secrets', async () => {
    await runningTarget();
    const result = await runCli(['db', 'status', '--json'], env);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status.running).toBe(true);
    expect(status.url).toContain(':****@');
    expect(status.server.versionNum).toBeGreaterThanOrEqual(150000);
    expect(status.counts).toMatchObject({ tables: 31, explicitIndexes: 109, functions: 9, triggers: 16, policies: 57, buckets: 4, templates: 8, views: 3 });
    const secret = JSON.parse((await runCli(['db', 'status', '--json', '--show-secrets'], env)).stdout);
    expect(secret.url).not.toContain(':****@');
    expect(new URL(secret.url).password.length).toBeGreaterThan(10);
  });

  it('db up again is a no-op on a running target', async () => {
    await runningTarget();
    const result = await runCli(['db', 'up'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/started/);
    expect(result.stdout).toMatch(/indexes\s+109 explicit, 147 in all/);
  });

  it('db reset --empty leaves the shim alone, and db reset brings the schema back', async () => {
    await runningTarget();
    const empty = await runCli(['db', 'reset', '--empty'], env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/tables\s+0 /);
    const full = await runCli(['db', 'reset'], env);
    expect(full.stdout).toMatch(/tables\s+31 /);
  });

  it('db down stops it; db status then starts it only for itself and stops it again', async () => {
    await runningTarget();
    expect((await runCli(['db', 'down'], env)).stderr).toMatch(/local target stopped/);
    const status = JSON.parse((await runCli(['db', 'status', '--json'], env)).stdout);
    expect(status.running).toBe(false);
    expect(status.counts.tables).toBe(31);
    expect((await runCli(['db', 'down'], env)).stderr).toMatch(/not running/);
  });
});
