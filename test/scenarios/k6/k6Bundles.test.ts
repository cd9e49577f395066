import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetsSchema } from '../../../core/config/configSchema.ts';
import { bundleK6, k6EntryNames, PROOF_FILE, proofJpeg } from '../../../scripts/build/buildK6.ts';
import { UPLOAD_JOURNEYS } from '../../../scenarios/workloads/uploadsMix.ts';
import { ERRORS_METRIC, LATENCY_METRIC } from '../../../scenarios/k6/internal/k6Thresholds.ts';
import { loadK6Script } from '../../helpers/k6Adapter/runK6Script.ts';
import { validateK6Options } from '../../helpers/k6Adapter/validateK6Options.ts';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const { queryP95Ms, queryMaxMs, errorRatePct } = budgetsSchema.parse({});
const budgets = { queryP95Ms, queryMaxMs, errorRatePct };
const ENTRIES = ['browse', 'launch-drop', 'realtime-fanout', 'smoke', 'uploads'];

describe('k6 entry scripts', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'gomflow-k6bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the entries of the issue are there', () => {
    expect(k6EntryNames()).toEqual(expect.arrayContaining(ENTRIES));
  });

  it('type-check with k6\'s types (tsconfig.k6.json): neither esbuild nor k6 checks them', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.k6.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
    const roots = config.fileNames.map((file) => path.relative(ROOT, file));
    expect(roots).toEqual(expect.arrayContaining(ENTRIES.map((name) => path.join('scenarios', 'k6', `${name}.ts`))));
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(config.fileNames, config.options));
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('bundle to one ES module each, importing only k6 and k6/* (the workload modules inlined)', async () => {
    const metafile = await bundleK6(out, budgets);
    for (const name of k6EntryNames()) {
      const output = metafile.outputs[path.relative(process.cwd(), path.join(out, `${name}.js`))];
      expect(output, name).toBeDefined();
      const imports = output!.imports.map((entry) => ({ path: entry.path, external: entry.external }));
      expect(imports.length, name).toBeGreaterThan(0);
      for (const entry of imports) {
        expect(entry.external, `${name} imports ${entry.path}`).toBe(true);
        expect(entry.path, name).toMatch(/^k6(\/[a-z-]+)*$/);
      }
      // The workloads come from scenarios/workloads/, never restated in the script.
      expect(Object.keys(output!.inputs).filter((input) => input.startsWith('scenarios/workloads/')).length, name).toBeGreaterThan(0);
    }
  });

  it.each(ENTRIES)('%s: options follow k6\'s rules, thresholds carry the config\'s budgets', async (name) => {
    const { script, unload } = await loadK6Script(name, { env: { SUPABASE_URL: 'http://127.0.0.1:9', SUPABASE_ANON_KEY: 'a', SUPABASE_SERVICE_ROLE_KEY: 's' }, budgets, files: { [`./${PROOF_FILE}`]: proofJpeg(16) } });
    try {
      const options = script.options as { scenarios: Record<string, Record<string, unknown>>; thresholds: Record<string, string[]> };
      expect(validateK6Options(options, { [LATENCY_METRIC]: 'trend', [ERRORS_METRIC]: 'rate' })).toEqual([]);
      // User traffic arrives at a rate; realtime-fanout's sockets are VUs that each hold one.
      const executors = Object.values(options.scenarios).map((scenario) => scenario.executor);
      expect(executors).toEqual(name === 'realtime-fanout' ? ['per-vu-iterations', 'constant-arrival-rate'] : ['ramping-arrival-rate']);
      for (const scenario of Object.values(options.scenarios)) expect(typeof script[scenario.exec as string]).toBe('function');
      expect(options.thresholds[ERRORS_METRIC]).toEqual([`rate<${errorRatePct / 100}`]);
      const perEndpoint = Object.entries(options.thresholds).filter(([key]) => key.startsWith(`${LATENCY_METRIC}{endpoint:`));
      expect(perEndpoint.length).toBeGreaterThan(0);
      // The uploads' budget is the Storage journeys' own (seconds: a 3 MB upload is transfer time first).
      const p95 = name === 'uploads' ? UPLOAD_JOURNEYS[0]!.budgetP95Ms : queryP95Ms;
      for (const [, expressions] of perEndpoint) expect(expressions).toEqual([`p(95)<${p95}`, `max<${queryMaxMs}`]);
    } finally {
      unload();
    }
  });

  it('the validator refuses what k6 refuses', () => {
    const problems = validateK6Options(
      {
        scenarios: { a: { executor: 'constant-arrival-rate', rate: 1.5, duration: '10 seconds' }, b: { executor: 'ramping-rate' } },
        thresholds: { [LATENCY_METRIC]: ['p95<100'], [ERRORS_METRIC]: ['avg<1'], nope: ['count<1'] },
      },
      { [LATENCY_METRIC]: 'trend', [ERRORS_METRIC]: 'rate' },
    );
    expect(problems).toEqual([
      'scenario a: constant-arrival-rate needs preAllocatedVUs',
      'scenario a: rate must be a whole number, got 1.5',
      'scenario a: duration 10 seconds is no duration',
      'scenario b: unknown executor ramping-rate',
      'invalid threshold "p95<100"; reason: expected "<aggregation> <operator> <number>"',
      'invalid threshold "avg<1"; reason: avg is no aggregation of a rate',
      'threshold on unknown metric nope',
    ]);
  });
});
