import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../core/config/configSchema.ts';
import { rngFor } from '../../../generators/random.ts';
import { createLatencyHistogram, recordMs, summarize } from '../../../results/histogram.ts';
import { parseResults, type Results } from '../../../results/resultsModel.ts';
import { importK6 } from '../../../scenarios/k6/import/importK6.ts';
import type { K6Endpoint } from '../../../scenarios/k6/internal/scenarioEndpoints.ts';
import { SUMMARY_LINE_PREFIX } from '../../../scenarios/k6/internal/summaryOutput.ts';
import { handleSummaryJson, toSummaryExport, type RequestSample } from '../../helpers/k6Adapter/k6Summaries.ts';
import { runCli } from '../../helpers/runCli.ts';

const config = configSchema.parse({});
const budgets = { queryP95Ms: config.budgets.queryP95Ms, queryMaxMs: config.budgets.queryMaxMs, errorRatePct: config.budgets.errorRatePct };
const ENDPOINTS: K6Endpoint[] = [
  { name: 'GET orders', budgetP95Ms: budgets.queryP95Ms, patterns: ['OV1', 'BR1'] },
  { name: 'GET submissions', budgetP95Ms: budgets.queryP95Ms, patterns: ['PM1'] },
];

/** Log-normal latencies around `medianMs` (a server's long right tail), 1 in 500 failed. */
function samples(seed: number, n: number, medianMs: Record<string, number>): RequestSample[] {
  const rng = rngFor(seed, 'k6-import');
  return Array.from({ length: n }, () => {
    const endpoint = rng.pick(ENDPOINTS).name;
    const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    return { endpoint, ms: medianMs[endpoint]! * Math.exp(0.6 * normal), ok: !rng.chance(0.002) };
  });
}

describe('import-k6', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-k6import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, json: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const load = (files: string[], scenario?: string): Promise<Results> =>
    importK6({ files, config, runId: '20261202-140000-test', command: 'import-k6', harnessVersion: '0.1.0', startedAt: new Date('2026-12-02T14:00:00Z'), ...(scenario ? { scenario } : {}) });
  const fast = { 'GET orders': 12, 'GET submissions': 30 };
  const runners = [samples(1, 3000, fast), samples(2, 2500, fast), samples(3, 3500, fast)];
  const runnerFiles = runners.map((list, i) => write(`runner-${i + 1}.json`, handleSummaryJson('smoke', ENDPOINTS, budgets, list)));

  it('one passing runner: READY figures, budgets and k6 thresholds agree', async () => {
    const results = parseResults(await load([runnerFiles[0]!]));
    const [scenario] = results.scenarios;
    expect(scenario).toMatchObject({ name: 'smoke', engine: 'k6', status: 'pass', requests: 3000 });
    expect(scenario!.errors).toBe(runners[0]!.filter((s) => !s.ok).length);
    expect(scenario!.k6).toMatchObject({ runners: 1, percentiles: 'exact', shapes: ['handleSummary'], thresholdsFailed: [] });
    expect(results.budgets.evaluations.map((e) => e.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('three runners: counts add, merged percentiles match an HDR histogram of all their samples within the grid\'s ±2 %', async () => {
    const [scenario] = (await load(runnerFiles)).scenarios;
    const all = runners.flat();
    expect(scenario!.requests).toBe(9000);
    expect(scenario!.errors).toBe(all.filter((s) => !s.ok).length);
    expect(scenario!.k6!.runners).toBe(3);
    for (const endpoint of ENDPOINTS) {
      const reference = createLatencyHistogram();
      for (const sample of all) if (sample.ok && sample.endpoint === endpoint.name) recordMs(reference, sample.ms);
      const expected = summarize(reference);
      const merged = scenario!.endpoints!.find((e) => e.endpoint === endpoint.name)!.latency;
      expect(merged.count).toBe(expected.count);
      for (const key of ['p50Ms', 'p90Ms', 'p95Ms', 'p99Ms', 'maxMs'] as const) {
        expect(Math.abs(merged[key] / expected[key] - 1), `${endpoint.name} ${key}: ${merged[key]} vs ${expected[key]}`).toBeLessThan(0.022);
      }
    }
  });

  it('--summary-export files (thresholds inverted, no gomflow section): the same counts and percentiles from k6\'s own counters', async () => {
    const exports = runnerFiles.map((file, i) => write(`runner-${i + 1}.export.json`, toSummaryExport(JSON.parse(readFileSync(file, 'utf8')))));
    const [fromExport] = (await load(exports, 'smoke')).scenarios;
    const [fromSummary] = (await load(runnerFiles)).scenarios;
    expect(fromExport!.k6).toMatchObject({ shapes: ['summary-export'], percentiles: 'exact', thresholdsFailed: [] });
    expect(fromExport!.requests).toBe(fromSummary!.requests);
    expect(fromExport!.endpoints!.map((e) => [e.endpoint, e.latency.p95Ms, e.errors])).toEqual(fromSummary!.endpoints!.map((e) => [e.endpoint, e.latency.p95Ms, e.errors]));
  });

  it('a plain summary without grid data: percentiles marked approximate, and how', async () => {
    const plain = runnerFiles.map((file, i) => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { metrics: Record<string, unknown>; gomflow?: unknown };
      delete json.gomflow;
      for (const name of Object.keys(json.metrics)) if (name.startsWith('gomflow_e')) delete json.metrics[name];
      return write(`runner-${i + 1}.plain.json`, json);
    });
    const [scenario] = (await load(plain, 'smoke')).scenarios;
    expect(scenario!.k6!.percentiles).toBe('approximate');
    expect(scenario!.detail).toContain('approximate: the summaries carry no latency grid');
    expect(scenario!.requests).toBe(9000);
    const orders = scenario!.endpoints!.find((e) => e.endpoint === 'GET orders')!;
    const runnerP95 = runners.map((list) => {
      const h = createLatencyHistogram();
      for (const s of list) if (s.ok && s.endpoint === 'GET orders') recordMs(h, s.ms);
      return h;
    });
    // The highest runner p95 (k6 interpolates, HDR does not: compare loosely).
    expect(Math.abs(orders.latency.p95Ms / Math.max(...runnerP95.map((h) => summarize(h).p95Ms)) - 1)).toBeLessThan(0.02);
  });

  it('failing thresholds: NOT READY through the CLI (exit 1), naming the endpoint; k6\'s own threshold failure recorded', async () => {
    const slow = write('slow.json', handleSummaryJson('smoke', ENDPOINTS, budgets, samples(4, 2000, { 'GET orders': 12, 'GET submissions': 140 })));
    const result = await runCli(['import-k6', slow]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/not ready: .*smoke: GET submissions p95/);
    expect(result.stdout).toContain('NOT READY');
    const results = await load([slow]);
    expect(results.scenarios[0]!.status).toBe('fail');
    expect(results.scenarios[0]!.k6!.thresholdsFailed).toEqual(['runner 1: gomflow_latency{endpoint:GET submissions} p(95)<100']);
  });

  it('a k6-operator runner\'s log: the summary read from its GOMFLOW_K6_SUMMARY line among k6\'s own output', async () => {
    const log = path.join(dir, 'gomflow-smoke-1.log');
    writeFileSync(log, `time="2026-12-02T14:00:00Z" level=info msg="starting"\nsmoke\n  http_reqs: count=3000\n${SUMMARY_LINE_PREFIX}${readFileSync(runnerFiles[0]!, 'utf8')}\n`);
    const [scenario] = (await load([log])).scenarios;
    expect(scenario).toMatchObject({ name: 'smoke', requests: 3000 });
  });

  it('a file that is no k6 summary is refused naming it (exit 2)', async () => {
    const bad = write('bad.json', { hello: 'world' });
    await expect(load([bad])).rejects.toMatchObject({ code: 'E_USAGE', message: `${bad}: not a k6 summary; reason: expected an object with \`metrics\`` });
  });
});
