import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markedBaseline, setBaseline } from '../../reports/baselineLink.ts';
import { renderRunReports } from '../../reports/renderRunReports.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/results/', import.meta.url));

describe('renderRunReports', () => {
  let outDir: string;
  const run = (name: string) => path.join(outDir, name);

  beforeEach(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'gomflow-render-'));
    for (const name of ['passing', 'failing', 'baseline', 'regressed']) await cp(path.join(FIXTURES, name), run(name), { recursive: true });
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes report.html, junit.xml and summary.md beside results.json and returns their paths and the verdict', async () => {
    const rendered = await renderRunReports(run('failing'));
    expect(rendered).toMatchObject({
      html: path.join(run('failing'), 'report.html'),
      junit: path.join(run('failing'), 'junit.xml'),
      summary: path.join(run('failing'), 'summary.md'),
      baselineDir: undefined,
      warnings: [],
    });
    expect(rendered.verdict).toMatchObject({ status: 'not-ready', exitCode: 1 });
    expect(await readFile(rendered.summary, 'utf8')).toBe(rendered.summaryMarkdown);
    expect(await readFile(rendered.html, 'utf8')).toContain('NOT READY');
  });

  it('compares with the run marked as baseline, and only with a mark (a folder named "baseline" is not one)', async () => {
    expect((await renderRunReports(run('regressed'))).baselineDir).toBeUndefined();
    await rm(run('baseline'), { recursive: true });
    await cp(path.join(FIXTURES, 'baseline'), run('20261124-120000-base01'), { recursive: true });
    expect(await setBaseline(outDir, run('20261124-120000-base01'))).toBe(run('20261124-120000-base01'));
    expect(await markedBaseline(outDir)).toBe(run('20261124-120000-base01'));
    const rendered = await renderRunReports(run('regressed'));
    expect(rendered.baselineDir).toBe(run('20261124-120000-base01'));
    expect(await readFile(rendered.html, 'utf8')).toContain('REGRESSED');
    expect((await renderRunReports(run('regressed'), { baselineDir: null })).baselineDir).toBeUndefined();
    expect((await renderRunReports(run('20261124-120000-base01'))).baselineDir).toBeUndefined();
    expect((await renderRunReports(run('regressed'), { failOnRegression: true })).verdict.exitCode).toBe(1);
  });

  it('will not replace a real folder called baseline', async () => {
    await expect(setBaseline(outDir, run('passing'))).rejects.toThrow(/baseline exists and is not a link; move it away/);
  });

  it('an unreadable marked baseline is a warning, not a failure', async () => {
    await rm(run('baseline'), { recursive: true });
    await cp(path.join(FIXTURES, 'baseline'), run('20261124-120000-base01'), { recursive: true });
    await setBaseline(outDir, run('20261124-120000-base01'));
    await writeFile(path.join(run('20261124-120000-base01'), 'results.json'), '{}');
    const rendered = await renderRunReports(run('passing'));
    expect(rendered.baselineDir).toBeUndefined();
    expect(rendered.warnings).toEqual([expect.stringMatching(/^ignored the marked baseline: cannot read baseline results/)]);
  });
});
