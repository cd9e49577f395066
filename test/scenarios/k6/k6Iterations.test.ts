import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetsSchema, configSchema } from '../../../core/config/configSchema.ts';
import { createLatencyHistogram, recordMs, summarize } from '../../../results/histogram.ts';
import { importK6 } from '../../../scenarios/k6/import/importK6.ts';
import { LATENCY_METRIC } from '../../../scenarios/k6/internal/k6Thresholds.ts';
import type { GomflowSection } from '../../../scenarios/k6/internal/gomflowSection.ts';
import { PROOF_FILE, proofJpeg } from '../../../scripts/build/buildK6.ts';
import { runK6Script, summaryJson } from '../../helpers/k6Adapter/runK6Script.ts';
import { openSpawnedStack, type SpawnedStack } from '../../helpers/k6Adapter/spawnedStack.ts';

const { queryP95Ms, queryMaxMs, errorRatePct } = budgetsSchema.parse({});
const budgets = { queryP95Ms, queryMaxMs, errorRatePct };
// The loaded 2-core machine is no place to judge latency: the verdict test is importK6's, here the figures are.
const generous = { queryP95Ms: 30_000, queryMaxMs: 60_000, errorRatePct: 1 };

/**
 * Each k6 script's iteration logic run through the adapter (k6's modules mapped onto fetch and
 * ws) against the local stack with the real PostgREST layer over a tiny seed: setup() reads the
 * target and signs GOMs in, iterations pass their checks, handleSummary writes k6's shape plus
 * the gomflow section.
 */
describe('k6 scripts on the local stack', () => {
  let f: SpawnedStack;

  beforeAll(async () => {
    f = await openSpawnedStack('k6iter');
  });
  afterAll(async () => {
    await f?.close();
  });

  it('smoke: every read journey answers 2xx, the grid counts every request, the summary has no tokens', async () => {
    const run = await runK6Script('smoke', { env: f.env, budgets, iterations: 40, concurrency: 4 });
    const checks = [...run.state.checks.values()];
    expect(checks.reduce((sum, c) => sum + c.passes, 0)).toBe(40);
    expect(checks.every((c) => c.fails === 0), JSON.stringify([...run.state.checks])).toBe(true);
    const summary = summaryJson(run);
    expect(summary.setup_data).toBeUndefined();
    expect(JSON.stringify(summary)).not.toContain(f.env.SUPABASE_SERVICE_ROLE_KEY);
    const section = summary.gomflow as GomflowSection;
    expect(section.scenario).toBe('smoke');
    const counted = Object.values(section.endpoints).reduce((sum, e) => sum + e.counts.reduce((a, b) => a + b, 0) + e.errors, 0);
    expect(counted).toBe(40);
    const metrics = summary.metrics as Record<string, { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }>;
    expect(metrics.http_reqs!.values.count).toBeGreaterThanOrEqual(40);
    expect(metrics.gomflow_errors!.values.rate).toBe(0);
    expect(Object.keys(metrics).some((key) => key.startsWith('gomflow_latency{endpoint:GET '))).toBe(true);
  });

  it('three runners of smoke imported as one distributed run: requests add up, merged p95 per endpoint within ±2 % of the samples the runners took', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gomflow-k6runners-'));
    try {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await runK6Script('smoke', { env: f.env, budgets: generous, iterations: 15, concurrency: 3 }));
      const files = runs.map((run, i) => {
        const file = path.join(dir, `runner-${i + 1}.json`);
        writeFileSync(file, run.output['summary.json']!);
        return file;
      });
      const results = await importK6({ files, config: configSchema.parse({ budgets: generous }), runId: '20261202-140000-k6', command: 'import-k6', harnessVersion: '0.1.0', startedAt: new Date() });
      const [scenario] = results.scenarios;
      expect(scenario).toMatchObject({ name: 'smoke', engine: 'k6', requests: 45, errors: 0, status: 'pass' });
      expect(scenario!.k6).toMatchObject({ runners: 3, percentiles: 'exact', thresholdsFailed: [] });
      for (const endpoint of scenario!.endpoints!) {
        const reference = createLatencyHistogram();
        for (const run of runs) for (const sample of run.state.metrics.get(LATENCY_METRIC)!.samples) if (sample.tags.endpoint === endpoint.endpoint) recordMs(reference, sample.value);
        expect(endpoint.latency.count).toBe(reference.totalCount);
        // 45 iterations need not reach every endpoint of the mix.
        if (reference.totalCount === 0) continue;
        expect(Math.abs(endpoint.latency.p95Ms / summarize(reference).p95Ms - 1), endpoint.endpoint).toBeLessThan(0.022);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uploads: the proof open()ed in the init context goes up as a binary body and is downloaded back; teardown removes exactly the run\'s objects', async () => {
    const before = await f.db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM storage.objects WHERE bucket_id = 'payment-proofs'`);
    const run = await runK6Script('uploads', { env: f.env, budgets: generous, iterations: 12, concurrency: 3, files: { [`./${PROOF_FILE}`]: proofJpeg(64 * 1024) } });
    const checks = [...run.state.checks];
    expect(checks.every(([, c]) => c.fails === 0), JSON.stringify(checks)).toBe(true);
    const section = summaryJson(run).gomflow as GomflowSection;
    const answered = (name: string) => section.endpoints[name]!.counts.reduce((a, b) => a + b, 0);
    expect(answered('POST storage payment-proofs')).toBeGreaterThan(0);
    expect(answered('POST storage payment-proofs') + answered('GET storage payment-proofs')).toBe(12);
    const downloads = run.state.metrics.get('http_req_duration')!.samples.filter((s) => s.tags.endpoint === 'GET storage payment-proofs');
    expect(downloads.length).toBe(answered('GET storage payment-proofs'));
    const after = await f.db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM storage.objects WHERE bucket_id = 'payment-proofs'`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('realtime-fanout: k6/websockets sockets join over Phoenix vsn 2.0.0 and receive every inserted change; teardown deletes the run\'s rows', async () => {
    const env = { ...f.env, GOMFLOW_SUBSCRIBERS: '2', GOMFLOW_RATE: '5', GOMFLOW_DURATION_S: '2' };
    const run = await runK6Script('realtime-fanout', { env, budgets: generous, iterations: 0, perScenario: { subscribers: { iterations: 2, concurrency: 2 }, changes: { iterations: 4, concurrency: 1 } } });
    const checks = [...run.state.checks];
    expect(checks.every(([, c]) => c.fails === 0), JSON.stringify(checks)).toBe(true);
    const section = summaryJson(run).gomflow as GomflowSection;
    const answered = (name: string) => section.endpoints[name]!.counts.reduce((a, b) => a + b, 0);
    expect(answered('WS phx_join')).toBe(2);
    expect(answered('POST analytics_events')).toBe(4);
    // Each of the 2 subscribers is owed each of the 4 changes.
    expect(answered('WS postgres_changes')).toBe(8);
    const left = await f.db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM analytics_events WHERE event_data ? 'gomflow_run'`);
    expect(left.rows[0]!.n).toBe(0);
  });
});
