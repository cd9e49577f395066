import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetsSchema } from '../../../core/config/configSchema.ts';
import type { GomflowSection } from '../../../scenarios/k6/internal/gomflowSection.ts';
import { runK6Script, summaryJson } from '../../helpers/k6Adapter/runK6Script.ts';
import { openSpawnedStack, type SpawnedStack } from '../../helpers/k6Adapter/spawnedStack.ts';

const { queryP95Ms, queryMaxMs, errorRatePct } = budgetsSchema.parse({});
const budgets = { queryP95Ms, queryMaxMs, errorRatePct };

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
});
