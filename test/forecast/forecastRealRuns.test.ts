import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planThresholdsSchema } from '../../core/config/configSchema.ts';
import { loadCatalog, selectQueries } from '../../bench/loadCatalog.ts';
import { runBench } from '../../bench/runBench.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { runSeed } from '../../seed/runSeed.ts';
import { readResults, writeResults, type Results } from '../../results/index.ts';
import { runCli } from '../helpers/runCli.ts';
import { sampleResults } from '../helpers/sampleResults.ts';
import { connectTo, tinyRequest } from '../helpers/seedTiny.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/testCluster.ts';

const QUERIES = 'gom_submission_list,order_pending_submissions';

/** Two real bench runs of the same database at two volumes, recorded as results.json, then `gomflow-load forecast` over them. */
describe('forecast over two real bench runs', () => {
  let db: TestDatabase;
  const outDir = mkdtempSync(path.join(tmpdir(), 'gomflow-forecast-'));
  const volumes: number[] = [];

  async function benchInto(id: string): Promise<void> {
    const catalog = selectQueries(await loadCatalog(), QUERIES);
    const { results } = await runBench(db.client, catalog, {
      settings: { iterations: 8, warmup: 1, explainRuns: 1, timeCapMs: 5_000 },
      budgets: { queryP95Ms: 100, queryMaxMs: 1000 },
      thresholds: planThresholdsSchema.parse({}),
      topStatements: 0,
    });
    const { rows } = await db.client.query<{ n: string }>('SELECT count(*) AS n FROM public.submissions');
    volumes.push(Number(rows[0]!.n));
    const recorded: Results = { ...sampleResults(id), queries: results, scenarios: [], checks: [], dataVolume: { submissions: Number(rows[0]!.n) } };
    delete recorded.seed;
    await writeResults(outDir, recorded);
  }

  beforeAll(async () => {
    db = await createTestDatabase('forecast');
    const referenceDate = new Date('2026-11-20T14:00:00Z');
    // Little analytics and monitoring history: the submissions are what the forecast scales with.
    const counts = (submissions: number) => ({ ...SCALE_PRESETS.tiny, submissions, analyticsDays: 1, monitoringHours: 1 });
    await runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(1, { referenceDate, fastPath: true, scale: 'custom', counts: counts(300) }));
    await benchInto('20261201-100000-aaaaaa');
    // A second run on top: more submissions in the same database.
    await runSeed(connectTo(db.url), ALL_TABLE_SPECS, tinyRequest(2, { referenceDate, scale: 'custom', counts: counts(2000) }));
    await benchInto('20261201-110000-bbbbbb');
  }, 120_000);

  afterAll(async () => {
    await db.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('fits each query exactly through both volumes, writes the section into the newest run and renders it', async () => {
    expect(volumes[1]).toBeGreaterThan(volumes[0]!);
    const cli = await runCli(['forecast'], { GOMFLOW_OUT_DIR: outDir });
    expect(cli.stderr).toMatch(/^forecast over 2 volumes/m);
    expect(cli.code).toBe(0);
    const newest = await readResults(path.join(outDir, '20261201-110000-bbbbbb'));
    const forecast = newest.forecast!;
    expect(forecast.todayVolume).toBe(volumes[1]);
    expect(forecast.runs.map((run) => run.volume)).toEqual(volumes);
    const timed = newest.queries.filter((q) => q.iterations > 0);
    expect(forecast.queries).toHaveLength(timed.length);
    for (const query of forecast.queries) {
      expect(query.points).toHaveLength(2);
      expect(query.fit!.method).toBe('exact');
      // An exact line through the two measured p95s.
      const [a, b] = query.points;
      expect(query.fit!.exponent).toBeCloseTo(Math.log(b!.p95Ms / a!.p95Ms) / Math.log(b!.volume / a!.volume), 9);
    }
    const html = readFileSync(path.join(outDir, '20261201-110000-bbbbbb', 'report.html'), 'utf8');
    expect(html).toContain('<section id="forecast"><h2>Headroom forecast</h2>');
    for (const name of QUERIES.split(',')) expect(html).toContain(`<code>${name}</code>`);
    expect(html).toContain('class="forecast"');
  });
});
