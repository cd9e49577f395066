import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

const WORKFLOW = 'examples/github-actions/gomflow-smoke.yml';
const workflow = parse(readFileSync(new URL(`../../${WORKFLOW}`, import.meta.url), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
// Shell words the workflow may use besides npm and the CLI.
const SHELL = new Set(['cat', 'echo', 'exit', 'code=0', 'if']);
// The CLI's commands as scripts/cli.ts registers them (read, not run: running the CLI costs seconds).
const commands = [...readFileSync(new URL('../../scripts/cli.ts', import.meta.url), 'utf8').matchAll(/^\s+'?([\w-]+)'?: \(\) => import\('\.\/commands\//gm)].map((match) => match[1]!);

/** Each command line of the workflow's run: blocks, with the step it is in. */
function commandLines(): { step: string; line: string }[] {
  return steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => ({ step: step.name ?? step.id ?? '?', line: line.trim() })).filter(({ line }) => line !== ''));
}

describe(`${WORKFLOW}`, () => {
  it('finds the CLI commands it checks against', () => {
    expect(commands).toEqual(expect.arrayContaining(['run', 'report', 'bench']));
  });

  it('is a GitHub Actions workflow that runs on every pull request, with steps that each use an action or run commands', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(workflow.jobs)) {
      expect(job['runs-on']).toMatch(/\S/);
      expect(job.steps.length).toBeGreaterThan(0);
    }
    for (const step of steps) expect(Number(step.uses !== undefined) + Number(step.run !== undefined), JSON.stringify(step)).toBe(1);
  });

  it('pins every action to a full commit SHA', () => {
    const uses = steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
  });

  it('runs only npm scripts and CLI commands that exist', () => {
    for (const { step, line } of commandLines()) {
      const npm = /^npm (?:run(?: -s)? (\S+)|(start|test)\b|ci\b)/.exec(line);
      const cli = /^node bin\/gomflow-load\.mjs (\S+)/.exec(line);
      if (npm) {
        const script = npm[1] ?? npm[2];
        if (script) expect(scripts, `${step}: ${line}`).toHaveProperty(script);
      } else if (cli) {
        expect(commands, `${step}: ${line}`).toContain(cli[1]);
      } else {
        expect(SHELL, `${step}: ${line}`).toContain(line.split(/\s/)[0]);
      }
    }
  });

  it('runs the smoke preset, caches npm, keeps the baseline, uploads the report and JUnit, and fails on the verdict', () => {
    const lines = commandLines().map(({ line }) => line);
    expect(lines.some((line) => /^npm start -- --preset smoke\b/.test(line) || /^node bin\/gomflow-load\.mjs run --preset smoke\b/.test(line))).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.cache).toBe('npm');
    const restore = steps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
    const save = steps.find((step) => step.uses?.startsWith('actions/cache/save@'));
    expect(restore?.with?.path).toBe('out');
    expect(save?.with?.path).toBe('out');
    expect(lines).toContain('node bin/gomflow-load.mjs report --latest --set-baseline');
    expect(lines).toContain('node bin/gomflow-load.mjs report --latest --fail-on-regression');
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toContain('out/latest/report.html');
    expect(String(upload?.with?.path)).toContain('out/latest/junit.xml');
    expect(upload?.if).toContain('always()');
    expect(steps.at(-1)?.run).toMatch(/exit 1/);
  });
});
