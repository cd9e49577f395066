import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { renderHtml } from '../../reports/renderHtml.ts';
import { scenarioSummaryLines } from '../../reports/terminal/scenarioLines.ts';
import { parseResults } from '../../results/resultsModel.ts';
import { summarizeRealtime } from '../../scenarios/realtimeStage.ts';
import { sampleResults } from '../helpers/sampleResults.ts';
import { runRealtimeFanout, type FanoutKnobs } from '../../scenarios/drivers/realtime/realtimeFanout.ts';
import type { RestEndpoint } from '../../scenarios/drivers/rest/restEndpoint.ts';
import { startLocalApi } from '../../stack/server/startLocalApi.ts';
import { startTestApi, type LocalApiHarness } from '../helpers/localApiHarness.ts';
import { seededTables, tableFingerprints } from '../helpers/seedFingerprint.ts';
import { seedTiny } from '../helpers/seedTiny.ts';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../helpers/testCluster.ts';

const KNOBS: FanoutKnobs = { subscribers: 20, joinRate: 200, changeRate: 10, durationMs: 1500, excludedShare: 0.25, graceMs: 3000, changesAfterJoins: false };

/** realtime-fanout against the local /realtime/v1 started in the test (in this process, so its RLS counters are read) over a tiny seed. */
describe('realtime-fanout', () => {
  let db: TestDatabase;
  let h: LocalApiHarness;
  let endpoint: RestEndpoint;
  const published = async () => (await db.client.query(`SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = 'supabase_realtime' ORDER BY 1`)).rows.map((row) => row.t as string);
  const tables = seededTables(ALL_TABLE_SPECS);

  beforeAll(async () => {
    db = await createTestDatabase('rt_fanout');
    await seedTiny(db.url, 41);
    h = await startTestApi(db.url);
    endpoint = { url: h.api.url, anonKey: h.keys.anonKey, serviceRoleKey: h.keys.serviceRoleKey, jwtSecret: h.secret, release: async () => undefined };
  });

  afterAll(async () => {
    await h?.api.close();
    await db?.drop();
  });

  it('delivers every change exactly once to the subscribers RLS allows, none to those it excludes; rows and publication put back', async () => {
    const before = { rows: await tableFingerprints(db.client, tables), publication: await published() };
    expect(before.publication).not.toContain('public.submissions');
    const outcome = await runRealtimeFanout({ control: db.client, databaseUrl: db.url, endpoint, knobs: KNOBS, signal: new AbortController().signal, keep: false, serverStats: () => h.api.realtime.stats() });
    const rt = outcome.realtime;
    expect(rt.joinFailures, rt.joinFailureReasons.join('; ')).toBe(0);
    expect(rt.joined).toBe(20);
    expect(rt.subscribers['excluded-user']).toBeGreaterThan(0);
    expect(rt.changes).toBe(15);
    const owing = (rt.subscribers['gom-dashboard'] ?? 0) + (rt.subscribers.watcher ?? 0);
    // Every owing subscriber joined before some changes; the dashboard before all of them.
    expect(rt.expectedDeliveries).toBeGreaterThanOrEqual(rt.changes);
    expect(rt.expectedDeliveries).toBeLessThanOrEqual(rt.changes * owing);
    expect(rt.delivered).toBe(rt.expectedDeliveries);
    expect(rt.missing).toBe(0);
    expect(rt.duplicates).toBe(0);
    expect(rt.leaked).toBe(0);
    expect(rt.latency.count).toBe(rt.delivered);
    // One RLS check per change per subscriber that passed the filter, the excluded ones included.
    expect(rt.server!.rlsChecks).toBeGreaterThanOrEqual(rt.expectedDeliveries);
    expect(rt.server!.rlsMsPerCheck).toBeGreaterThan(0);
    expect(rt.publication).toEqual({ name: 'supabase_realtime', added: ['public.orders', 'public.submissions'], restored: true });
    expect(outcome.writes).toMatchObject({ rows: 15, kept: false });
    expect(await tableFingerprints(db.client, tables)).toEqual(before.rows);
    expect(await published()).toEqual(before.publication);

    // The same outcome as results.json, the terminal and the HTML report carry it.
    const result = summarizeRealtime('realtime-fanout', new Date(), outcome, { errorRatePct: 1 }, true);
    expect(parseResults({ ...sampleResults(), queries: [], scenarios: [result] }).scenarios[0]).toEqual(result);
    expect(result).toMatchObject({ status: 'pass', requests: rt.expectedDeliveries, errors: 0 });
    const lines = scenarioSummaryLines(result).join('\n');
    expect(lines).toContain(`deliveries ${rt.delivered} of ${rt.expectedDeliveries} owed (15 changes), missing 0, duplicates 0, to RLS-excluded 0`);
    expect(lines).toContain('publication: added public.orders, public.submissions to supabase_realtime for the run, put back as it was');
    const html = renderHtml(parseResults({ ...sampleResults(), queries: [], scenarios: [result] }));
    expect(html).toContain('added public.orders, public.submissions to supabase_realtime for the run; put back as it was afterwards');
    expect(html).toContain('Server RLS database time per change as subscribers join');
  });

  it('counts owed deliveries the server skipped (events-per-second limit) as missing', async () => {
    // A second server on the same database and secret, with a limit the change rate exceeds.
    const limited = await startLocalApi({ databaseUrl: db.url, jwtSecret: h.secret, port: 0, pool: { min: 0, max: 2, idleTimeoutMs: 1000 }, realtime: { eventsPerSecond: 2 }, log: () => undefined });
    try {
      const outcome = await runRealtimeFanout({
        control: db.client,
        databaseUrl: db.url,
        endpoint: { ...endpoint, url: limited.url },
        knobs: { ...KNOBS, subscribers: 3, excludedShare: 0, changeRate: 20, durationMs: 500, graceMs: 1000 },
        signal: new AbortController().signal,
        keep: false,
        serverStats: () => limited.realtime.stats(),
      });
      const rt = outcome.realtime;
      expect(rt.server!.changesSkipped).toBeGreaterThan(0);
      expect(rt.missing).toBeGreaterThan(0);
      expect(rt.delivered + rt.missing).toBe(rt.expectedDeliveries);
      // Missing deliveries are the scenario's errors: over the error-rate budget it fails.
      const result = summarizeRealtime('realtime-fanout', new Date(), outcome, { errorRatePct: 1 }, true);
      expect(result).toMatchObject({ status: 'fail', errors: rt.missing });
      expect(result.detail).toContain(`missing deliveries ${rt.missing} of ${rt.expectedDeliveries}`);
    } finally {
      await limited.close();
    }
  });

  it('puts the publication back and removes its rows when the run fails', async () => {
    const before = { rows: await tableFingerprints(db.client, tables), publication: await published() };
    await expect(
      runRealtimeFanout({ control: db.client, databaseUrl: testDatabaseUrl('rt_fanout_no_such_database'), endpoint, knobs: KNOBS, signal: new AbortController().signal, keep: false }),
    ).rejects.toThrow(/rt_fanout_no_such_database/);
    expect(await published()).toEqual(before.publication);
    expect(await tableFingerprints(db.client, tables)).toEqual(before.rows);
  });
});
