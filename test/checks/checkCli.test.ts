import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseResults } from '../../results/resultsModel.ts';
import { runCli } from '../helpers/runCli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';
import { insertSampleData } from '../helpers/checkFixtures.ts';

describe('gomflow-load check', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('checkcli');
    await insertSampleData(db.client);
    env = { GOMFLOW_TARGET: 'postgres', DATABASE_URL: db.url };
  });

  afterAll(async () => {
    await db.drop();
  });

  it('exits 1 on the bundled schema, with the table on stderr, results.json written and no password printed', async () => {
    const result = await runCli(['check', '--target', 'postgres'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^FAIL\s+storage\.access\s+0025\s+GOM B reads GOM A's object in private bucket payment-proofs/m);
    expect(result.stderr).toMatch(/^FAIL\s+probe\.anon-paid-submission\s+/m);
    expect(result.stderr).toMatch(/^pass\s+rls\.enabled\s+0013\s+RLS enabled on 31 of 31 public tables/m);
    expect(result.stderr).toMatch(/\d+ checks: \d+ pass, \d+ warn, 7 fail, \d+ skip; 7 fail-level checks failed: /);
    const password = new URL(db.url).password;
    if (password) expect(result.stderr).not.toContain(password);
    const file = /results: (\S+)/.exec(result.stderr)![1]!;
    const results = parseResults(JSON.parse(readFileSync(path.resolve(process.cwd(), file), 'utf8')));
    expect(results.run.command).toBe('check');
    expect(results.checks.find((c) => c.id === 'lint.duplicate-index')!.evidence).toHaveLength(6);
  });

  it('--json prints the checks as valid JSON on stdout', async () => {
    const result = await runCli(['check', '--json'], env);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { summary: { fail: number; gating: string[] }; checks: { id: string }[] };
    expect(parsed.summary.gating).toContain('rls.anon-access');
    expect(parsed.checks.map((c) => c.id)).toContain('lint.auth-rls-initplan');
  });

  it('exits 0 when the config lowers the failing checks to warn; an unknown check id is a usage error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-check-'));
    // An ES module project, as the harness is: tsx loads a .ts config as ESM only with this.
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const levels = Object.fromEntries(['lint.security-definer-function', 'lint.security-definer-view', 'probe.anon-paid-submission', 'probe.security-definer-calls', 'rls.anon-access', 'rls.user-isolation', 'storage.access'].map((id) => [id, 'warn']));
    const lenient = path.join(dir, 'lenient.config.ts');
    writeFileSync(lenient, `export default ${JSON.stringify({ checks: { levels } })};\n`);
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const ok = await runCli(['check', '--config', lenient], env);
    expect(ok.stderr).toMatch(/no fail-level check failed/);
    expect(ok.code).toBe(0);
    const typo = path.join(dir, 'typo.config.ts');
    writeFileSync(typo, `export default ${JSON.stringify({ checks: { levels: { 'rls.enabeld': 'off' } } })};\n`);
    const bad = await runCli(['check', '--config', typo], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/checks\.levels\.rls\.enabeld: no check has this id.*\[E_CONFIG_INVALID\]/);
  });
});
