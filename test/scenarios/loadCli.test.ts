import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBudgets } from '../../reports/evaluateBudgets.ts';
import { parseResults, type Results } from '../../results/resultsModel.ts';
import { cuttableProxy } from '../helpers/cuttableProxy.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The results.json a run names, partial or not. */
function writtenResults(result: CliResult): Results {
  const file = /(?:results: +|what was measured is in )(\S+results\.json)/.exec(result.stderr)?.[1];
  expect(file, result.stderr).toBeDefined();
  return parseResults(JSON.parse(readFileSync(path.resolve(ROOT, file!), 'utf8')));
}

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
  const load = (args: string[], config: string, url = db.url) => runCli(['load', ...args, '--target', 'postgres', '--confirm-target', `127.0.0.1/${db.name}`, '--config', config], { DATABASE_URL: url });

  beforeAll(async () => {
    db = await createTestDatabase('loadcli');
    await seedTiny(db.url, 9);
    dir = mkdtempSync(path.join(tmpdir(), 'gomflow-load-'));
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
    const bundled = path.join(dir, 'bundled.config.mjs');
    writeFileSync(bundled, 'export default {};\n');
    const result = await load(['capacity', '--duration', '1s', '--rate', '100'], bundled);
    expect([0, 1], result.stderr).toContain(result.code);
    const capacity = writtenResults(result).scenarios[0]!.capacity!;
    expect(capacity.expectedPeakRps).toBe(100);
    expect(capacity.brokeAtMultiple).not.toBeNull();
    expect(capacity.broke).toMatch(/^(error rate|p95|peak connections|\d+ of \d+ iterations dropped)/);
    expect(capacity.steps.at(-1)!.status).toBe('fail');
    expect(capacity.steps.slice(0, -1).every((step) => step.status === 'pass')).toBe(true);
  });
});
