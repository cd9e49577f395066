import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { RUN_STAGES } from '../../core/config/runPresets.ts';
import { GomflowError } from '../../core/errors.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import type { TimelinePoint } from '../../results/resultsModel.ts';
import { chooseStages, parsePreset } from '../../scripts/commands/run/chooseStages.ts';
import { loadWritePlan } from '../../scripts/commands/plans/loadWritePlan.ts';
import { runWritePlan } from '../../scripts/commands/run/runWritePlan.ts';
import { liveView, type LiveMode } from '../../scripts/progress/liveView.ts';
import { resolveServerLayout } from '../../stack/serverLayout.ts';
import { resolveTarget } from '../../stack/target.ts';
import { runCli } from '../helpers/runCli.ts';
import { tempProjects } from '../helpers/tempProjects.ts';
import { writtenResults } from '../helpers/writtenResults.ts';

const project = tempProjects('gomflow-run-');

function usageError(work: () => unknown): GomflowError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GomflowError);
    expect((error as GomflowError).exitCode).toBe(2);
    return error as GomflowError;
  }
  throw new Error('expected a usage error');
}

describe('run: stage choice and presets', () => {
  it('takes every stage by default, --only in the rehearsal order, --skip the rest', () => {
    expect(chooseStages(undefined, undefined)).toEqual([...RUN_STAGES]);
    expect(chooseStages('load,bench', undefined)).toEqual(['bench', 'load']);
    expect(chooseStages(undefined, 'seed')).toEqual(['schema', 'check', 'bench', 'load', 'forecast']);
    expect(chooseStages(undefined, 'schema, seed,load')).toEqual(['check', 'bench', 'forecast']);
  });

  it('refuses unknown stage names, --only with --skip, and a --skip of everything, in one line each', () => {
    expect(usageError(() => chooseStages('bench,lode', undefined)).message).toBe("--only: no stage named 'lode'; stages are schema, seed, check, bench, load, forecast");
    expect(usageError(() => chooseStages(undefined, 'report')).message).toMatch(/^--skip: no stage named 'report'/);
    expect(usageError(() => chooseStages('bench', 'seed')).message).toBe('give --only or --skip, not both');
    expect(usageError(() => chooseStages(undefined, RUN_STAGES.join(','))).message).toBe('--skip leaves no stage to run');
    expect(usageError(() => chooseStages('', undefined)).message).toMatch(/^--only needs stage names/);
    expect(parsePreset(undefined)).toBe('smoke');
    expect(usageError(() => parsePreset('lunch')).message).toBe("no preset named 'lunch'; use one of smoke, launch, soak");
  });

  it('plans the preset: its stages in the action, the seed and each scenario in the notes', async () => {
    // A postgres target resolves without touching the embedded server's files; nothing connects.
    const cwd = project({});
    const config = await loadConfig({ cwd, env: { DATABASE_URL: 'postgresql://app@127.0.0.1:5432/staging' }, flags: { target: 'postgres' } });
    const target = await resolveTarget(config, cwd);
    const seed = { scale: resolveScale('tiny', {}), seed: 1, referenceDate: new Date('2026-11-25T00:00:00Z'), analytics: 'designed' as const };
    const launch = runWritePlan(config, target, 'launch', RUN_STAGES, seed);
    expect(launch.action).toBe('run --preset launch: schema → seed → check → bench → load → forecast → report');
    expect(launch.tables.length).toBeGreaterThan(0);
    expect(launch.notes.filter((line) => line.startsWith('load '))).toEqual([expect.stringMatching(/^load launch-drop for 60s/), expect.stringMatching(/^load capacity for 10s/)]);
    // launch-drop's proofs are Storage writes the plan must name; --no-storage (storage: false) writes none.
    expect(loadWritePlan(config, target, 'launch-drop', {}, false).storageObjects).toMatch(/payment proofs into payment-proofs .*removed when it ends/);
    expect(loadWritePlan(config, target, 'launch-drop', { storage: false }, false).storageObjects).toBe('none');
    expect(loadWritePlan(config, target, 'smoke', {}, false).storageObjects).toBe('none');
    const benchOnly = runWritePlan(config, target, 'launch', ['bench'], seed);
    expect(benchOnly.tables).toEqual([]);
    expect(benchOnly.notes).toEqual([]);
  });
});

/** A stream that keeps what is written, as a terminal (isTTY) or a pipe. */
function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = { isTTY, columns: 120, write: (chunk: string) => ((text += chunk), true) };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

/** One second of a scenario: `requests` finished, p95, errors and connections at its end. */
const second = (t: number, requests: number, p95Ms: number, errors = 0): TimelinePoint => ({ t: t * 1000, requests, errors, p95Ms, connections: 4 });

function drive(mode: LiveMode, isTTY: boolean, intervalMs = 5_000) {
  const out = capture(isTTY);
  const events: Record<string, unknown>[] = [];
  const view = liveView({ mode, stream: out.stream, json: (event) => events.push(event), intervalMs, now: () => new Date('2026-12-02T10:11:12Z') });
  view.stageStart('load', 5, 5, 'smoke');
  view.scenarioStart('smoke', 10_000);
  for (let t = 1; t <= 10; t++) view.scenarioTick('smoke', second(t, 10 * t, t, t === 7 ? 2 : 0));
  view.show('smoke: PASS');
  view.stop();
  return { text: out.text(), events };
}

describe('run: the live view', () => {
  it('off a terminal: timestamped lines, the load figures every interval (req/s, worst p95, errors, connections), the rest before the next line', () => {
    const { text } = drive('lines', false, 4_000);
    expect(text.split('\n')).toEqual([
      '[10:11:12] 5/5 load: smoke',
      // Seconds 1–4: 100 requests in 4 s; the worst second's p95 is 4 ms.
      '[10:11:12] load smoke [████████░░░░░░░░░░░░] 4/10 s  25 req/s  p95 4.00 ms  errors 0  conn 4',
      '[10:11:12] load smoke [████████████████░░░░] 8/10 s  65 req/s  p95 8.00 ms  errors 2  conn 4',
      // Seconds 9–10 are written when the scenario's result is shown.
      '[10:11:12] load smoke [████████████████████] 10/10 s  95 req/s  p95 10.0 ms  errors 0  conn 4',
      'smoke: PASS',
      '',
    ]);
  });

  it('on a terminal: the load line is redrawn in place each second and cleared before the next line', () => {
    const { text } = drive('tty', true);
    expect(text).not.toMatch(/\[\d\d:\d\d:\d\d\]/);
    expect(text.match(/\r\u001b\[Kload smoke /g)).toHaveLength(10);
    expect(text).toContain('\r\u001b[Kload smoke [████████████████████] 10/10 s  100 req/s  p95 10.0 ms  errors 0  conn 4\r\u001b[Ksmoke: PASS\n');
  });

  it('--quiet draws nothing; --json still gets every event, each tick with its own second', () => {
    const { text, events } = drive('quiet', false);
    expect(text).toBe('');
    expect(events[0]).toEqual({ type: 'stage', stage: 'load', index: 5, total: 5, detail: 'smoke' });
    const ticks = events.filter((event) => event.type === 'tick');
    expect(ticks).toHaveLength(10);
    expect(ticks[6]).toEqual({ type: 'tick', scenario: 'smoke', t: 7000, rps: 70, p95Ms: 7, errors: 2, connections: 4 });
  });
});

/**
 * `npm start`'s command end to end on the local target with its Supabase-compatible stack, the
 * preset made short by the config: every section of results.json filled, scenarios from the pg,
 * REST, Realtime and Storage drivers, the live view's lines on stderr, --json on stdout, and the
 * report's path as the last line.
 */
describe('run --preset smoke on the local target', () => {
  const dir = project({});
  const dataDir = path.join(dir, 'pg');
  const env = { GOMFLOW_DATA_DIR: dataDir };

  afterAll(async () => {
    await runCli(['db', 'down'], env);
    rmSync((await resolveServerLayout(dataDir)).dataDir, { recursive: true, force: true });
  });

  it('fills schema, seed, checks, queries and scenarios, and ends with the report path', async () => {
    const config = path.join(dir, 'smoke.config.mjs');
    const presets = { smoke: { scale: 'tiny', scenarios: [{ scenario: 'smoke', via: 'pg', durationMs: 3000, rate: 5 }, { scenario: 'launch-drop', via: 'rest', durationMs: 6000 }] } };
    writeFileSync(config, `export default ${JSON.stringify({ bench: { iterations: 3, warmup: 0, explainRuns: 1, timeCapMs: 500, topStatements: 3 }, presets })};\n`);
    const result = await runCli(['run', '--preset', 'smoke', '--config', config, '--json'], env);
    expect([0, 1], result.stderr).toContain(result.code);

    const lines = result.stderr.trimEnd().split('\n');
    const report = /^report: +(\S+report\.html)$/.exec(lines.at(-1)!)?.[1];
    expect(report, result.stderr).toBeDefined();
    expect(existsSync(report!)).toBe(true);
    const headers = lines.filter((line) => /^\[\d\d:\d\d:\d\d\] \d\/6 /.test(line)).map((line) => line.slice(11));
    expect(headers).toEqual(['1/6 schema: the bundled GOMFLOW schema', '2/6 seed: tiny (seed 1)', '3/6 check: the deployment checklist, lints and RLS probes', '4/6 bench: the query catalog', '5/6 load: smoke, then launch-drop', '6/6 forecast: p95 growth with the data, against earlier runs at other volumes']);
    expect(result.stderr).toMatch(/^\[\d\d:\d\d:\d\d\] load launch-drop \[[█░]{20}\] \d+\/6 s {2}\d+ req\/s {2}p95 [\d.,]+ ms {2}errors \d+/m);

    const events = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.filter((event) => event.type === 'stage').map((event) => event.stage)).toEqual([...RUN_STAGES]);
    expect(new Set(events.filter((event) => event.type === 'tick').map((event) => event.scenario))).toEqual(new Set(['smoke', 'launch-drop']));
    expect(events.some((event) => event.type === 'seed' && typeof event.rows === 'number')).toBe(true);
    const summary = events.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', report, verdict: result.code === 1 ? 'not-ready' : expect.stringMatching(/^(ready|incomplete)$/) });

    const results = writtenResults({ ...result, stderr: `results: ${summary.results as string}` });
    expect(results.run.command).toBe('run --preset smoke');
    expect(results.run.partial).toBeUndefined();
    expect(results.schema?.source).toBe('bundled');
    expect(results.seed?.totalRows).toBeGreaterThan(0);
    expect(results.checks.length).toBeGreaterThan(0);
    expect(results.queries.length).toBeGreaterThan(0);
    expect(results.dataVolume?.submissions).toBeGreaterThan(0);
    // No earlier run at another volume in this fresh out folder: the forecast has this run's one volume.
    expect(results.forecast?.runs).toHaveLength(1);
    expect(results.forecast?.queries.length).toBeGreaterThan(0);
    const [smoke, drop] = results.scenarios;
    expect(results.scenarios.map((scenario) => [scenario.name, scenario.via])).toEqual([['smoke', 'pg'], ['launch-drop', 'rest']]);
    expect(smoke!.requests).toBeGreaterThan(0);
    expect(drop!.endpoints?.length).toBeGreaterThan(0);
    expect(drop!.realtime?.expectedDeliveries).toBeGreaterThan(0);
    expect(drop!.storage).toBeDefined();
  }, 300_000);
});
