import { describe, expect, it } from 'vitest';
import { arrivalOffsets } from '../../scenarios/engine/arrivalOffsets.ts';
import { modelDurationMs } from '../../scenarios/engine/loadModel.ts';
import { quotaWarning } from '../../scenarios/quotaWarning.ts';
import { launchPeakRps } from '../../scenarios/workloads/launchMix.ts';
import { planScenario } from '../../scenarios/workloads/namedScenarios.ts';

const limits = { poolMax: 10, maxConnections: 100 };

describe('named scenarios', () => {
  it('smoke stays within 30 s whatever --duration asks', () => {
    expect(modelDurationMs(planScenario('smoke', { durationMs: 120_000 }, limits).model)).toBe(30_000);
  });

  it('launch-drop: §6.2 burst of about 34 req/s, 40 % of the hour in its first sixth, time-compressed', () => {
    expect(launchPeakRps()).toBeCloseTo(34.2, 1);
    expect(launchPeakRps(3)).toBeCloseTo(102.6, 1);
    const plan = planScenario('launch-drop', { compress: 60 }, limits);
    expect(modelDurationMs(plan.model)).toBe(60_000);
    const offsets = plan.model.kind === 'open' ? arrivalOffsets(plan.model) : [];
    const inBurst = offsets.filter((offset) => offset < 10_000).length;
    // The ramp into the burst takes a little off the first sixth's 40 %.
    expect(inBurst / offsets.length).toBeGreaterThan(0.36);
    expect(inBurst / offsets.length).toBeLessThan(0.4);
  });

  it('connections: past max_connections by default, a connection per user; unknown names are usage errors', () => {
    const plan = planScenario('connections', {}, limits);
    expect(plan.connections).toBe('per-vu');
    expect(plan.model.kind === 'closed' && plan.model.vus).toBe(120);
    expect(() => planScenario('stampede', {}, limits)).toThrow(/no scenario named 'stampede'; use one of smoke, connections/);
  });

  it('warns before a supabase run that would pass the smallest plan\'s connection limit, never on other targets', () => {
    const connections = planScenario('connections', {}, limits);
    expect(quotaWarning('supabase', connections, 10)).toMatch(/opens up to 120 connections; Supabase's smallest compute allows 60 direct/);
    expect(quotaWarning('postgres', connections, 10)).toBeUndefined();
    expect(quotaWarning('supabase', planScenario('smoke', {}, limits), 10)).toBeUndefined();
  });
});
