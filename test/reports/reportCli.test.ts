import { cp, lstat, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/runCli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/results/', import.meta.url));
const RUN_IDS = {
  passing: '20261125-194301-pass01',
  failing: '20261125-200000-fail01',
  baseline: '20261124-120000-base01',
  regressed: '20261125-120000-regr01',
} as const;

/** One line on stderr naming the problem and its code, no stack trace. */
function expectOneLineError(result: CliResult, code: string, exitCode: number, pattern: RegExp): void {
  expect(result.code).toBe(exitCode);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).toContain(`[${code}]`);
}

describe('gomflow-load report', () => {
  let outDir: string;
  const env = () => ({ GOMFLOW_OUT_DIR: outDir });
  const runDir = (name: keyof typeof RUN_IDS) => path.join(outDir, RUN_IDS[name]);

  beforeEach(async () => {
    // The fixture runs copied into a fresh out/ folder, under their run ids, as commands write them.
    outDir = await mkdtemp(path.join(tmpdir(), 'gomflow-report-'));
    for (const [name, id] of Object.entries(RUN_IDS)) await cp(path.join(FIXTURES, name), path.join(outDir, id), { recursive: true });
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('a run within every budget: exit 0, summary on stdout, paths on stderr, three files beside results.json', async () => {
    const result = await runCli(['report', runDir('passing')], env());
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('## GOMFLOW database: ✔ READY');
    const written = result.stderr.trim().split('\n');
    // The report's path comes last, where the eye lands.
    expect(written).toEqual([
      `junit:   ${path.join(runDir('passing'), 'junit.xml')}`,
      `summary: ${path.join(runDir('passing'), 'summary.md')}`,
      `report:  ${path.join(runDir('passing'), 'report.html')}`,
    ]);
    expect(await readFile(path.join(runDir('passing'), 'summary.md'), 'utf8')).toBe(result.stdout);
    expect(await readFile(path.join(runDir('passing'), 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(await readFile(path.join(runDir('passing'), 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('a failing budget or fail-level check: exit 1, the reports still written, one line naming what failed', async () => {
    const result = await runCli(['report', runDir('failing')], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✘ NOT READY');
    const last = result.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^gomflow-load: not ready: orders_active_recent \(authenticated, typical\) p95 1\d\d ms, budget < 100 ms; .* and 4 more; see .*report\.html \[E_BUDGET_FAILED\]$/);
    expect((await stat(path.join(runDir('failing'), 'report.html'))).size).toBeGreaterThan(0);
  });

  it('no such run folder: exit 2, one line saying what to pass', async () => {
    const result = await runCli(['report', path.join(outDir, 'nope')], env());
    expectOneLineError(result, 'E_FILE_NOT_FOUND', 2, /^gomflow-load: no run folder at .*nope; pass a run folder such as out\/<run-id>/);
  });

  it.each([
    ['not JSON', '{"version": 1,', /cannot read run results .*results\.json: .* is not JSON/],
    ['not the model', '{"version": 99}', /cannot read run results .*results\.json: at version expected 1, got 99; re-run the command that wrote it/],
  ])('results.json %s: exit 2, one line', async (_, content, pattern) => {
    await writeFile(path.join(runDir('passing'), 'results.json'), content);
    const result = await runCli(['report', runDir('passing')], env());
    expectOneLineError(result, 'E_USAGE', 2, pattern);
  });

  it('a folder without results.json: exit 2', async () => {
    const result = await runCli(['report', outDir], env());
    expectOneLineError(result, 'E_FILE_NOT_FOUND', 2, /no results\.json in the run folder/);
  });

  it('bad flags: exit 2 naming the flag', async () => {
    expectOneLineError(await runCli(['report', runDir('passing'), '--regression-ms', 'lots'], env()), 'E_USAGE', 2, /invalid --regression-ms; reason: expected a number >= 0, got "lots"/);
    expectOneLineError(await runCli(['report', '--bogus'], env()), 'E_USAGE', 2, /unknown option --bogus/);
  });

  it('--latest (and no argument) reports out/latest; a run id alone is found under out/', async () => {
    expectOneLineError(await runCli(['report', '--latest'], env()), 'E_FILE_NOT_FOUND', 2, /no runs in .* yet; run a command such as `gomflow-load db up` first/);
    await symlink(RUN_IDS.passing, path.join(outDir, 'latest'), 'dir');
    const latest = await runCli(['report', '--latest'], env());
    expect(latest.code).toBe(0);
    expect(latest.stderr).toContain(path.join(runDir('passing'), 'report.html'));
    const byId = await runCli(['report', RUN_IDS.failing], env());
    expect(byId.code).toBe(1);
    expect(byId.stderr).toContain(path.join(runDir('failing'), 'report.html'));
  });

  it('--out writes the HTML there; junit.xml and summary.md stay beside results.json', async () => {
    const out = path.join(outDir, 'share', 'gomflow.html');
    const result = await runCli(['report', runDir('passing'), '--out', out], env());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`report:  ${out}`);
    expect((await stat(out)).size).toBeGreaterThan(0);
    await expect(stat(path.join(runDir('passing'), 'report.html'))).rejects.toThrow();
    expect((await stat(path.join(runDir('passing'), 'junit.xml'))).size).toBeGreaterThan(0);
  });

  it('--set-baseline marks a run as out/baseline (relative link); later reports compare with it; --fail-on-regression fails on +25 %/+10 ms', async () => {
    const marked = await runCli(['report', runDir('baseline'), '--set-baseline'], env());
    expect(marked.stderr).toMatch(/baseline: .*20261124-120000-base01 \(later reports compare with it\)/);
    const link = path.join(outDir, 'baseline');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(RUN_IDS.baseline);

    const flagged = await runCli(['report', runDir('regressed')], env());
    expect(flagged.code).toBe(0);
    expect(flagged.stderr).toContain('compared with baseline');
    expect(flagged.stdout).toContain('**1 regression** beyond p95 +20 % and +5 ms (flagged, not failing)');

    const failed = await runCli(['report', runDir('regressed'), '--fail-on-regression'], env());
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/not ready: q_regressed \(authenticated, typical\) p95 regressed 40 → 50 ms; .*\[E_BUDGET_FAILED\]/);

    const tolerant = await runCli(['report', runDir('regressed'), '--fail-on-regression', '--regression-pct', '30'], env());
    expect(tolerant.code).toBe(0);

    const explicit = await runCli(['report', runDir('regressed'), '--baseline', runDir('regressed'), '--fail-on-regression'], env());
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toContain('no regression');
  });
});
