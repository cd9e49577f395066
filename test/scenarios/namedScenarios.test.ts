import { describe, expect, it } from 'vitest';
import { arrivalOffsets } from '../../scenarios/engine/arrivalOffsets.ts';
import { modelDurationMs } from '../../scenarios/engine/loadModel.ts';
import { maxConnectionsWarning, quotaWarning } from '../../scenarios/quotaWarning.ts';
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

  it('warns before a supabase run that would pass its compute size\'s documented limit for the way it connects, never on other targets', () => {
    const connections = planScenario('connections', {}, limits);
    const direct = { kind: 'supabase' as const, host: 'db.abcdefgh.supabase.co', port: 5432 };
    const transaction = { kind: 'supabase' as const, host: 'aws-0-ap-southeast-1.pooler.supabase.com', port: 6543 };
    const session = { ...transaction, port: 5432 };
    expect(quotaWarning(direct, connections, 10, 'micro')).toBe(
      "warning: connections opens up to 120 connections; a micro compute allows 60 direct connections (60 direct, 200 pooler; supabase.computeSize in the config names yours): refusals past it are counted as 'quota' errors, apart from the others",
    );
    expect(quotaWarning(direct, connections, 10, 'small')).toMatch(/a small compute allows 90 direct connections \(90 direct, 400 pooler/);
    // Medium allows 120 direct: exactly what the scenario opens, no warning; Large and up neither.
    expect(quotaWarning(direct, connections, 10, 'medium')).toBeUndefined();
    expect(quotaWarning(direct, connections, 10, '16xl')).toBeUndefined();
    expect(quotaWarning(direct, planScenario('connections', { vus: 600 }, limits), 10, '16xl')).toMatch(/a 16xl compute allows 500 direct connections \(500 direct, 12000 pooler/);
    // Through Supavisor the client limit counts: 120 clients fit a micro's 200, 250 do not.
    expect(quotaWarning(transaction, connections, 10, 'micro')).toBeUndefined();
    expect(quotaWarning(transaction, planScenario('connections', { vus: 250 }, limits), 10, 'micro')).toMatch(/a micro compute allows 200 pooler clients/);
    expect(quotaWarning(session, planScenario('connections', { vus: 250 }, limits), 10, 'micro')).toMatch(/in session mode the pooler stops sooner, at the pool size/);
    expect(quotaWarning({ ...direct, kind: 'postgres' }, connections, 10, 'micro')).toBeUndefined();
    expect(quotaWarning(direct, planScenario('smoke', {}, limits), 10, 'micro')).toBeUndefined();
  });

  it("warns when a scenario's connections reach the remote server's own max_connections, not for connections, which goes past it on purpose", () => {
    const remote = { kind: 'postgres' as const };
    expect(maxConnectionsWarning(remote, planScenario('smoke', {}, limits), 40, 30)).toBe(
      "warning: smoke opens up to 40 connections and the target's max_connections is 30, shared with everything else connected: expect refusals (counted as 'too-many-clients')",
    );
    expect(maxConnectionsWarning(remote, planScenario('smoke', {}, limits), 10, 30)).toBeUndefined();
    expect(maxConnectionsWarning({ kind: 'local' }, planScenario('smoke', {}, limits), 40, 30)).toBeUndefined();
    expect(maxConnectionsWarning(remote, planScenario('connections', {}, limits), 10, 30)).toBeUndefined();
  });
});
