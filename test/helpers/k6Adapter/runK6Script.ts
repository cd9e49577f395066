import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { K6_SCRIPTS_DIR } from '../../../scripts/build/buildK6.ts';
import type { K6Budgets } from '../../../scenarios/k6/internal/k6Budgets.ts';
import { K6State } from './k6State.ts';

const ADAPTER = import.meta.dirname;
const MODULES: Record<string, string> = { k6: 'k6.ts', 'k6/http': 'http.ts', 'k6/metrics': 'metrics.ts', 'k6/websockets': 'websockets.ts', 'k6/timers': 'timers.ts' };

export interface K6Run {
  /** What handleSummary returned: file name → content (stdout included). */
  output: Record<string, string>;
  state: K6State;
}

export interface ScriptModule {
  options: { scenarios: Record<string, { exec?: string; startTime?: string }>; thresholds?: Record<string, string[]>; summaryTrendStats?: string[] };
  setup?: () => unknown;
  teardown?: (data: unknown) => void;
  handleSummary: (data: unknown) => Record<string, string>;
  [exec: string]: unknown;
}

/**
 * Runs an entry script of scenarios/k6/ on Node the way k6 would run it, with the adapter's
 * k6 modules in place of k6's (bundled in by esbuild): init context, setup(), `iterations`
 * iterations of each scenario's exec function (`concurrency` at a time, as VUs), teardown(),
 * handleSummary() with data in k6's shape. `files` are what open() returns in the init context.
 */
export async function runK6Script(name: string, options: { env: Record<string, string>; budgets: K6Budgets; iterations: number; concurrency?: number; perScenario?: Record<string, { iterations: number; concurrency: number }>; files?: Record<string, Uint8Array> }): Promise<K6Run> {
  const { script, state, unload } = await loadK6Script(name, options);
  try {
    const data = script.setup?.();
    // Scenarios run side by side, each from its startTime, as k6 runs them.
    await Promise.all(Object.entries(script.options.scenarios).map(async ([scenarioName, scenario]) => {
      const exec = script[scenario.exec ?? 'default'] as (data: unknown) => Promise<void> | void;
      const { iterations, concurrency } = options.perScenario?.[scenarioName] ?? { iterations: options.iterations, concurrency: options.concurrency ?? 1 };
      const start = /^(\d+)(ms|s)$/.exec(String(scenario.startTime ?? '0ms'));
      if (start) await new Promise((resolve) => setTimeout(resolve, Number(start[1]) * (start[2] === 's' ? 1000 : 1)));
      let left = iterations;
      const vu = async () => {
        while (left-- > 0) {
          await exec(data);
          state.add('iterations', 1);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, vu));
    }));
    script.teardown?.(data);
    return { output: script.handleSummary(state.summaryData(script.options)), state };
  } finally {
    unload();
  }
}

/** An entry script bundled with the adapter's k6 modules and evaluated (its init context run); unload() removes it and the globals. */
export async function loadK6Script(name: string, options: { env: Record<string, string>; budgets: K6Budgets; files?: Record<string, Uint8Array> }): Promise<{ script: ScriptModule; state: K6State; unload: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-k6adapter-'));
  const global = globalThis as Record<string, unknown>;
  const unload = () => {
    for (const key of ['__k6State', '__ENV', 'open']) delete global[key];
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const outfile = path.join(dir, `${name}.mjs`);
    await build({
      entryPoints: [path.join(K6_SCRIPTS_DIR, `${name}.ts`)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      define: { __GOMFLOW_BUDGETS__: JSON.stringify(options.budgets) },
      logLevel: 'silent',
      plugins: [{ name: 'k6-on-node', setup: (b) => b.onResolve({ filter: /^k6(\/.*)?$/ }, (args) => ({ path: path.join(ADAPTER, MODULES[args.path] ?? 'missing-k6-module.ts') })) }],
    });
    const state = new K6State(options.env, options.files);
    global.__k6State = state;
    global.__ENV = options.env;
    global.open = (file: string, mode?: string) => {
      const bytes = options.files?.[file];
      if (!bytes) throw new Error(`open: no such file ${file}`);
      return mode === 'b' ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : new TextDecoder().decode(bytes);
    };
    for (const [metric, type] of [['http_reqs', 'counter'], ['http_req_duration', 'trend'], ['http_req_failed', 'rate'], ['iterations', 'counter'], ['checks', 'rate']] as const) state.declare(metric, type, type === 'trend');
    return { script: (await import(pathToFileURL(outfile).href)) as ScriptModule, state, unload };
  } catch (error) {
    unload();
    throw error;
  }
}

/** The files handleSummary wrote, parsed (the adapter does not write them to disk). */
export function summaryJson(run: K6Run, file = 'summary.json'): Record<string, unknown> {
  const text = run.output[file];
  if (text === undefined) throw new Error(`handleSummary wrote no ${file}; it wrote ${Object.keys(run.output).join(', ')}`);
  return JSON.parse(text) as Record<string, unknown>;
}

