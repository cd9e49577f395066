import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults, type Results } from '../../results/resultsModel.ts';
import { cuttableProxy } from '../helpers/cuttableProxy.ts';
import { runCli, type CliResult } from '../helpers/runCli.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { tempProjects } from '../helpers/tempProjects.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

/** The partial results.json a one-line error names: "… what was measured is in out/…/results.json (partial)". */
function partialResults(result: CliResult): Results {
  const lines = result.stderr.trim().split('\n');
  const file = /what was measured is in (\S+) \(partial\)/.exec(lines.at(-1)!)?.[1];
  expect(file, result.stderr).toBeDefined();
  return parseResults(JSON.parse(readFileSync(path.resolve(path.join(import.meta.dirname, '..', '..'), file!), 'utf8')));
}

/** A run cut short — the server lost, or Ctrl-C — still writes what it measured, marked partial, and exits 3. */
describe('partial runs', () => {
  let db: TestDatabase;
  let config: string;
  let brokenConfig: string;

  const project = tempProjects('gomflow-partial-');

  beforeAll(async () => {
    db = await createTestDatabase('partial');
    await seedTiny(db.url, 7);
    // Two catalog queries, in name order: the first is measured in full before the second starts.
    const dir = project({});
    mkdirSync(path.join(dir, 'queries'));
    writeFileSync(path.join(dir, 'queries', 'a_first.sql'), '-- name: a_first\n-- journey: test\n-- roles: service_role\nSELECT 1 AS first_query\n');
    writeFileSync(path.join(dir, 'queries', 'b_second.sql'), "-- name: b_second\n-- journey: test\n-- roles: service_role\nSELECT pg_sleep(0.2), 'cut-the-line-here' AS second_query\n");
    config = path.join(dir, 'partial.config.mjs');
    writeFileSync(config, `export default { bench: { catalogDir: ${JSON.stringify(path.join(dir, 'queries'))}, iterations: 5, warmup: 0, explainRuns: 1, topStatements: 0 } };\n`);
    // A catalog the bench stage cannot read: a query acting as a role the API does not have.
    mkdirSync(path.join(dir, 'broken'));
    writeFileSync(path.join(dir, 'broken', 'a_broken.sql'), '-- name: a_broken\n-- journey: test\n-- roles: nobody\nSELECT 1\n');
    brokenConfig = path.join(dir, 'broken.config.mjs');
    writeFileSync(brokenConfig, `export default { bench: { catalogDir: ${JSON.stringify(path.join(dir, 'broken'))} } };\n`);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a target lost during bench: exit 3, one line, and the queries measured before it in a partial results.json', async () => {
    const proxy = await cuttableProxy(Number(new URL(db.url).port), 'cut-the-line-here');
    try {
      const url = new URL(db.url);
      url.port = String(proxy.port);
      const result = await runCli(['bench', '--target', 'postgres', '--config', config], { DATABASE_URL: url.toString() });
      expect(proxy.cut()).toBe(true);
      expect(result.code, result.stderr).toBe(3);
      const last = result.stderr.trim().split('\n').at(-1)!;
      expect(last).toMatch(/^gomflow-load: lost the connection to 127\.0\.0\.1:\d+\/\S+ .*\(partial\) \[E_TARGET_LOST\]$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const results = partialResults(result);
      expect(results.run.partial).toMatch(/^lost the connection/);
      expect(results.queries.map((query) => query.name)).toEqual(['a_first']);
      expect(results.queries[0]!.iterations).toBe(5);
    } finally {
      await proxy.close();
    }
  });

  it('Ctrl-C during bench: exit 3, one line, and a partial results.json', async () => {
    let sent = false;
    const result = await runCli(['bench', '--target', 'postgres', '--config', config], { DATABASE_URL: db.url }, undefined, {
      stderr: (stderr, child) => {
        if (!sent && /bench: 2 catalog queries/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^gomflow-load: interrupted .*\(partial\) \[E_ABORTED\]$/);
    const results = partialResults(result);
    expect(results.run.partial).toBe('interrupted');
    // Whatever was measured before the signal is whole: every recorded task has all its iterations.
    expect(results.queries.every((query) => query.iterations === 5)).toBe(true);
  });

  it('run: a stage that fails stops the run with a partial report naming it (exit 3); --skip and --quiet hold', async () => {
    const confirm = ['--confirm-target', `127.0.0.1/${db.name}`];
    const result = await runCli(['run', '--target', 'postgres', '--skip', 'seed,load', '--quiet', '--config', brokenConfig, ...confirm], { DATABASE_URL: db.url });
    expect(result.code, result.stderr).toBe(3);
    const last = result.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^gomflow-load: the bench stage failed: .*unknown role 'nobody'.*; what was measured is in \S+ \(partial\) \[E_STAGE_FAILED\]$/);
    // --quiet: no stage lines and no tables; before writing to a remote target the plan is still shown.
    expect(result.stderr).not.toMatch(/\d\/3 (schema|check|bench)|^result +check/m);
    expect(result.stderr).toMatch(/^plan: run --preset smoke: schema → check → bench → forecast → report$/m);
    const results = partialResults(result);
    expect(results.run.partial).toMatch(/^the bench stage failed: /);
    // The stages before it are whole: the checks ran (seed and load were skipped, bench failed).
    expect(results.checks.length).toBeGreaterThan(0);
    expect(results.queries).toEqual([]);
    expect(results.scenarios).toEqual([]);
    const written = /is in (\S+) \(partial\)/.exec(last)![1]!;
    expect(existsSync(path.join(path.dirname(path.resolve(import.meta.dirname, '..', '..', written)), 'report.html'))).toBe(true);
  });
});
