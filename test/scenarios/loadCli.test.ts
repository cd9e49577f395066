import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { evaluateBudgets } from '../../reports/evaluateBudgets.ts';
import { cuttableProxy } from '../helpers/cuttableProxy.ts';
import { rowsOfRun, seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { runCli } from '../helpers/runCli.ts';
import { writtenResults } from '../helpers/writtenResults.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { tempProjects } from '../helpers/tempProjects.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/**
 * `gomflow-load load` end to end on a tiny seed. The catalog holds one read that fails half of
 * the time, so the error rate is known to be far above 1 % and far below 50 %; the writes of
 * the launch mix run as usual.
 */
describe('load command', () => {
  let db: TestDatabase;
  let dir: string;
  const configWith = (name: string, budgets: string) => {
    const file = path.join(dir, `${name}.config.mjs`);
    writeFileSync(file, `export default { bench: { catalogDir: ${JSON.stringify(path.join(dir, 'queries'))} }, budgets: ${budgets} };\n`);
    return file;
  };
  const load = (args: string[], config: string, url = db.url, hooks?: Parameters<typeof runCli>[3]) =>
    runCli(['load', ...args, '--target', 'postgres', '--confirm-target', `127.0.0.1/${db.name}`, '--config', config], { DATABASE_URL: url }, undefined, hooks);
  const seedCommand = (args: string[]) => runCli(['seed', ...args, '--target', 'postgres'], { DATABASE_URL: db.url });
  /** The bundled catalog and default budgets. */
  const bundledConfig = () => {
    const file = path.join(dir, 'bundled.config.mjs');
    writeFileSync(file, 'export default {};\n');
    return file;
  };

  const project = tempProjects('gomflow-load-');

  beforeAll(async () => {
    db = await createTestDatabase('loadcli');
    await seedTiny(db.url, 9);
    dir = project({});
    mkdirSync(path.join(dir, 'queries'));
    writeFileSync(path.join(dir, 'queries', 'public_order_feed.sql'), "-- name: public_order_feed\n-- journey: test\n-- roles: anon\nSELECT CASE WHEN random() < 0.5 THEN 1 / 0 ELSE 1 END AS half_fail, 'cut-the-line-here' AS marker\n");
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('over the error-rate budget: NOT READY and exit 1, errors counted by class', async () => {
    const result = await load(['smoke', '--duration', '2s', '--rate', '20'], configWith('strict', '{ errorRatePct: 1, queryP95Ms: 60000 }'));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/not ready: .*smoke error rate.*\[E_BUDGET_FAILED\]$/);
    const results = writtenResults(result);
    const [scenario] = results.scenarios;
    expect(scenario!.errorsByClass?.other).toBe(scenario!.errors);
    expect(scenario!.errors).toBeGreaterThan(0);
    expect(evaluateBudgets(results).find((budget) => budget.id === 'error-rate:smoke')?.status).toBe('fail');
    expect(scenario!.writes?.kept).toBe(false);
  });

  it('under the error-rate budget: the budget passes and nothing fails the verdict', async () => {
    const result = await load(['smoke', '--duration', '2s', '--rate', '20'], configWith('lenient', '{ errorRatePct: 90, queryP95Ms: 60000, peakConnections: 1000 }'));
    expect(result.code, result.stderr).toBe(0);
    const results = writtenResults(result);
    const budgets = evaluateBudgets(results);
    expect(budgets.find((budget) => budget.id === 'error-rate:smoke')?.status).toBe('pass');
    expect(budgets.find((budget) => budget.id === 'peak-connections')?.status).toBe('pass');
    expect(results.scenarios[0]!.journeys!.length).toBeGreaterThan(1);
  });

  it('the database lost mid-run: errors counted, exit 3, one line, and a partial report', async () => {
    const proxy = await cuttableProxy(Number(new URL(db.url).port), 'cut-the-line-here');
    try {
      const url = new URL(db.url);
      url.port = String(proxy.port);
      const result = await load(['smoke', '--duration', '5s', '--rate', '20'], configWith('cut', '{ errorRatePct: 90 }'), url.toString());
      expect(proxy.cut()).toBe(true);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^gomflow-load: lost the connection to .*\(partial\) \[E_TARGET_LOST\]$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const results = writtenResults(result);
      expect(results.run.partial).toMatch(/^lost the connection/);
      expect(results.scenarios[0]!.errorsByClass?.['connection-lost']).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('capacity finds a finite breaking point as a multiple of the expected peak and names the budget that broke', async () => {
    const result = await load(['capacity', '--duration', '1s', '--rate', '100'], bundledConfig());
    expect([0, 1], result.stderr).toContain(result.code);
    const capacity = writtenResults(result).scenarios[0]!.capacity!;
    expect(capacity.expectedPeakRps).toBe(100);
    expect(capacity.brokeAtMultiple).not.toBeNull();
    expect(capacity.broke).toMatch(/^(error rate|p95|peak connections|\d+ of \d+ iterations dropped)/);
    expect(capacity.steps.at(-1)!.status).toBe('fail');
    expect(capacity.steps.slice(0, -1).every((step) => step.status === 'pass')).toBe(true);
  });

  it('Ctrl-C during launch-drop: exit 3, results.json and the report written, partial with what was measured, and the rows it wrote removed', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    let sent = false;
    // Interrupted once two intervals have completed requests: mid-burst, writes in flight.
    const result = await load(['launch-drop', '--duration', '30s'], bundledConfig(), undefined, {
      stderr: (stderr, child) => {
        if (!sent && (stderr.match(/launch-drop +\d+ s +[1-9]\d* req/g) ?? []).length >= 2) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^gomflow-load: .*interrupted.*what was measured is in \S+results\.json \(partial\) \[E_ABORTED\]$/);
    const results = writtenResults(result);
    expect(results.run.partial).toBe('interrupted');
    const [scenario] = results.scenarios;
    expect(scenario!.name).toBe('launch-drop');
    expect(scenario!.stoppedEarly).toBe('interrupted');
    expect(scenario!.requests).toBeGreaterThan(0);
    expect(scenario!.timeline.length).toBeGreaterThanOrEqual(2);
    expect(scenario!.durationMs).toBeLessThan(30_000);
    expect(scenario!.writes).toMatchObject({ kept: false });
    const file = /what was measured is in (\S+results\.json)/.exec(result.stderr)![1]!;
    expect(existsSync(path.join(path.dirname(path.resolve(ROOT, file)), 'report.html'))).toBe(true);
    expect(await rowsOfRun(db.client, Number.parseInt(scenario!.writes!.runId, 16))).toBe(0);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
  });

  it('--keep: the run is listed as what it is (kind scenario, its name, its rows), and seed clean --run removes exactly it', async () => {
    const tables = seededTables(ALL_TABLE_SPECS);
    const before = await tableFingerprints(db.client, tables);
    const result = await load(['smoke', '--duration', '2s', '--rate', '20', '--keep'], bundledConfig());
    expect([0, 1], result.stderr).toContain(result.code);
    const writes = writtenResults(result).scenarios[0]!.writes!;
    expect(writes.kept).toBe(true);
    expect(writes.rows).toBeGreaterThan(0);
    expect(await rowsOfRun(db.client, Number.parseInt(writes.runId, 16))).toBe(writes.rows);
    const listed = await seedCommand(['list', '--json']);
    const run = (JSON.parse(listed.stdout) as { id: string; kind: string; scenario: string; scale: string | null; status: string; counts: Record<string, number> }[]).find((entry) => entry.id === writes.runId)!;
    expect(run).toMatchObject({ kind: 'scenario', scenario: 'smoke', scale: null, status: 'complete' });
    expect(Object.values(run.counts).reduce((sum, n) => sum + n, 0)).toBe(writes.rows);
    expect((await seedCommand(['list'])).stdout).toMatch(new RegExp(`${writes.runId} +scenario +complete +— +smoke `));
    const cleaned = await seedCommand(['clean', '--run', writes.runId, '--confirm-target', `127.0.0.1/${db.name}`]);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stderr).toContain(`run ${writes.runId} kept by load scenario smoke: removed ${writes.rows} rows`);
    expect(await tableFingerprints(db.client, tables)).toEqual(before);
  });
});
