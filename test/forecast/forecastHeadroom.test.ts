import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../core/config/configSchema.ts';
import { forecastStage, THIS_RUN } from '../../forecast/forecastStage.ts';
import { writeResults } from '../../results/writeResults.ts';
import { describeCrossing, forecastLine } from '../../reports/describeForecast.ts';
import { renderHtml } from '../../reports/renderHtml.ts';
import { renderSummary } from '../../reports/renderSummary.ts';
import { rngFor } from '../../generators/random.ts';
import { forecastHeadroom, type BenchMeasurements } from '../../forecast/forecastHeadroom.ts';
import { forecastFromRuns } from '../../forecast/forecastFromRuns.ts';
import { createLatencyHistogram, recordMs, summarize } from '../../results/histogram.ts';
import { ForecastSectionSchema, type QueryResult } from '../../results/resultsModel.ts';
import { sampleResults } from '../helpers/sampleResults.ts';

const BUDGET_MS = 100;

function query(name: string, p95Ms: number): QueryResult {
  const histogram = createLatencyHistogram();
  recordMs(histogram, p95Ms);
  return { name, role: 'authenticated', paramClass: 'hot', iterations: 1, latency: summarize(histogram), findings: [], status: p95Ms < BUDGET_MS ? 'pass' : 'fail', budget: { p95Ms: BUDGET_MS, maxMs: 1000 } };
}

/** Runs at `volumes` whose queries follow p95 = a·N^b, each with seeded multiplicative noise of `noise` (sd in ln ms). */
function runsFollowing(laws: Record<string, { a: number; b: number }>, volumes: readonly number[], noise: number): BenchMeasurements[] {
  const random = rngFor(7, 'forecast-noise');
  // Box–Muller: a normal deviate from two uniforms.
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return volumes.map((volume, i) => ({
    runId: `20261201-0000${String(i).padStart(2, '0')}-r${i}`,
    volume,
    volumeSource: 'bench' as const,
    queries: Object.entries(laws).map(([name, { a, b }]) => query(name, a * volume ** b * Math.exp(noise * gaussian()))),
  }));
}

function split(runs: BenchMeasurements[]): { today: BenchMeasurements; earlier: BenchMeasurements[] } {
  return { today: runs.at(-1)!, earlier: runs.slice(0, -1) };
}

describe('forecastHeadroom on measurements with a known growth law', () => {
  const law = { a: 0.0005, b: 1.2 };
  const trueCrossing = (BUDGET_MS / law.a) ** (1 / law.b);

  it('recovers the exponent within its stated error and the crossing volume within its interval', () => {
    const section = forecastHeadroom(split(runsFollowing({ grows: law }, [1000, 1500, 2000, 3000, 4000, 6000, 8000], 0.08)));
    ForecastSectionSchema.parse(section);
    const [forecast] = section.queries;
    const fit = forecast!.fit!;
    expect(fit.method).toBe('least-squares');
    expect(fit.points).toBe(7);
    expect(fit.exponentStdError).toBeGreaterThan(0);
    expect(Math.abs(fit.exponent - law.b)).toBeLessThanOrEqual(fit.tQuantile! * fit.exponentStdError!);
    const crossing = forecast!.crossing!;
    expect(crossing.status).toBe('crosses');
    expect(crossing.low).not.toBeNull();
    expect(crossing.high).not.toBeNull();
    expect(crossing.low!).toBeLessThan(crossing.volume!);
    expect(crossing.volume!).toBeLessThan(crossing.high!);
    expect(trueCrossing).toBeGreaterThanOrEqual(crossing.low!);
    expect(trueCrossing).toBeLessThanOrEqual(crossing.high!);
    expect(crossing.multiplier).toBeCloseTo(crossing.volume! / 8000, 10);
    expect(forecast!.superLinear).toBe(true);
  });

  it('fits two points exactly and says there is no uncertainty estimate', () => {
    const section = forecastHeadroom(split(runsFollowing({ grows: law }, [2000, 8000], 0)));
    const [forecast] = section.queries;
    expect(forecast!.fit!.method).toBe('exact');
    // The histogram keeps 3 significant digits, so the recovered law is that close.
    expect(forecast!.fit!.exponent).toBeCloseTo(law.b, 2);
    expect(forecast!.fit!.exponentStdError).toBeNull();
    expect(forecast!.crossing!.volume! / trueCrossing).toBeCloseTo(1, 2);
    expect(forecast!.crossing!.low).toBeNull();
    expect(forecast!.crossing!.high).toBeNull();
    expect(forecast!.note).toMatch(/exact and has no uncertainty/);
  });

  it('gives no forecast from one volume', () => {
    const section = forecastHeadroom({ today: runsFollowing({ grows: law }, [8000], 0)[0]!, earlier: [] });
    expect(section.runs).toHaveLength(1);
    expect(section.queries[0]!.fit).toBeNull();
    expect(section.queries[0]!.crossing).toBeNull();
    expect(section.queries[0]!.note).toMatch(/one volume only/);
  });

  it('says a flat query does not cross within the range, an over-budget one is over, and ranks the closest first', () => {
    const laws = { flat: { a: 3, b: 0 }, grows: law, linear: { a: 0.001, b: 1 }, over: { a: 0.01, b: 1.1 } };
    const section = forecastHeadroom(split(runsFollowing(laws, [1000, 2000, 4000, 8000], 0.03)));
    const byName = Object.fromEntries(section.queries.map((q) => [q.name, q]));
    expect(['does-not-cross', 'beyond-range']).toContain(byName.flat!.crossing!.status);
    expect(byName.flat!.crossing!.volume).toBeNull();
    expect(byName.flat!.superLinear).toBe(false);
    expect(byName.over!.crossing!.status).toBe('over-budget');
    expect(byName.linear!.crossing!.status).toBe('crosses');
    // linear crosses at 100,000 = 12.5× today; grows at ~3.3×.
    expect(section.queries.map((q) => q.name)).toEqual(['over', 'grows', 'linear', 'flat']);
  });
});

describe('forecastFromRuns', () => {
  const recorded = (id: string, submissions: number | undefined, p95Ms: number, database = 'gomflow') => {
    const results = sampleResults(id);
    results.run.target.database = database;
    results.queries = [query('orders_by_user', p95Ms)];
    delete results.seed;
    return submissions === undefined ? results : { ...results, dataVolume: { submissions, scale: 'tiny' } };
  };
  const target = { kind: 'local' as const, host: '127.0.0.1:54329', database: 'gomflow' };
  const today = { runId: 'this run', volume: 50_000, volumeSource: 'bench' as const, queries: [query('orders_by_user', 20)] };

  it('uses the newest run of the same target at each other volume and says why it left the rest out', () => {
    const runs = [
      recorded('20261201-100000-aaaaaa', 2000, 4),
      recorded('20261201-110000-bbbbbb', 2000, 5),
      recorded('20261201-120000-cccccc', 10_000, 9),
      recorded('20261201-130000-dddddd', 50_000, 30),
      recorded('20261201-140000-eeeeee', 2000, 1, 'scratch'),
      recorded('20261201-150000-ffffff', undefined, 1),
    ];
    const section = forecastFromRuns(today, target, runs, [{ runId: '20261201-090000-zzzzzz', reason: 'no results.json' }]);
    expect(section.runs.map((run) => run.runId)).toEqual(['20261201-110000-bbbbbb', '20261201-120000-cccccc', 'this run']);
    const points = section.queries[0]!.points;
    expect(points.map((p) => p.volume)).toEqual([2000, 10_000, 50_000]);
    // The newer run at 2,000 (p95 5 ms), not the older one (4 ms); histograms keep 3 significant digits.
    points.forEach((p, i) => expect(p.p95Ms).toBeCloseTo([5, 9, 20][i]!, 1));
    expect(Object.fromEntries(section.skipped.map((s) => [s.runId, s.reason]))).toEqual({
      '20261201-090000-zzzzzz': 'no results.json',
      '20261201-100000-aaaaaa': 'same volume as the newer run 20261201-110000-bbbbbb',
      '20261201-130000-dddddd': 'same volume as this run',
      '20261201-140000-eeeeee': 'another target (local scratch)',
      '20261201-150000-ffffff': 'the submissions count its benchmarks ran on is not recorded',
    });
    expect(section.queries[0]!.fit!.method).toBe('least-squares');
  });
});

describe('forecastStage', () => {
  it('fits this run with the earlier runs of the same target recorded in outDir, and skips with no submissions', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'gomflow-forecast-stage-'));
    try {
      for (const [id, submissions, p95] of [['20261201-100000-aaaaaa', 2000, 4], ['20261201-110000-bbbbbb', 10_000, 9]] as const) {
        const results = { ...sampleResults(id), queries: [query('orders_by_user', p95)], dataVolume: { submissions } };
        results.run.target.host = '127.0.0.1';
        await writeResults(outDir, results);
      }
      const notes: string[] = [];
      const stage = {
        config: configSchema.parse({ outDir }),
        cwd: tmpdir(),
        session: { target: { kind: 'local', host: '127.0.0.1', database: 'gomflow' } },
        events: { note: (line: string) => notes.push(line) },
      } as unknown as Parameters<typeof forecastStage>[0];
      const section = await forecastStage(stage, { queries: [query('orders_by_user', 20)], dataVolume: { submissions: 50_000 } });
      expect(section!.runs.map((run) => [run.runId, run.volume])).toEqual([['20261201-100000-aaaaaa', 2000], ['20261201-110000-bbbbbb', 10_000], [THIS_RUN, 50_000]]);
      expect(section!.queries[0]!.fit!.method).toBe('least-squares');
      expect(notes).toEqual(['forecast: 3 volumes of submissions (2000, 10000, 50000)']);
      expect(await forecastStage(stage, { queries: [query('orders_by_user', 20)], dataVolume: { submissions: 0 } })).toBeUndefined();
      // A preset that benched another scale earlier in the same run: that volume joins the recorded ones.
      const withTiny = await forecastStage(stage, { queries: [query('orders_by_user', 20)], dataVolume: { submissions: 50_000 }, alsoMeasured: [{ queries: [query('orders_by_user', 2)], dataVolume: { submissions: 500, scale: 'tiny' } }] });
      expect(withTiny!.runs.map((run) => run.runId)).toEqual([`${THIS_RUN}, scale tiny`, '20261201-100000-aaaaaa', '20261201-110000-bbbbbb', THIS_RUN]);
      expect(withTiny!.queries[0]!.points.map((p) => p.volume)).toEqual([500, 2000, 10_000, 50_000]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('the forecast in words and in the report', () => {
  const law = { a: 0.0005, b: 1.2 };

  it('says where the closest query breaks, with its interval, and draws the fit with its band', () => {
    const section = forecastHeadroom(split(runsFollowing({ grows: law, flat: { a: 3, b: 0 } }, [1000, 1500, 2000, 3000, 4000, 6000, 8000], 0.08)));
    expect(forecastLine(section)).toMatch(/^forecast over 7 volumes \(1,000–8,000 submissions\): closest to breaking: grows \(authenticated, hot\) [\d.]+× today's data, [\d,]+ submissions \(95 %: [\d.]+×–[\d.]+×\); 1 super-linear$/);
    const html = renderHtml({ ...sampleResults(), forecast: section });
    const forecastHtml = html.slice(html.indexOf('<section id="forecast">'), html.indexOf('</section>', html.indexOf('<section id="forecast">')));
    expect(forecastHtml).toContain('<h3>Closest to breaking</h3><ol class="closest"><li><code>grows</code>');
    expect(forecastHtml.match(/<svg class="forecast"/g)).toHaveLength(2);
    expect(forecastHtml.match(/class="fc-band"/g)).toHaveLength(2);
    expect(forecastHtml).toContain('super-linear');
    expect(renderSummary({ ...sampleResults(), forecast: section })).toMatch(/^Headroom forecast over 7 volumes \(1,000–8,000 submissions\): closest to breaking: grows /m);
  });

  it('draws no band for an exact two-point fit and says so', () => {
    const section = forecastHeadroom(split(runsFollowing({ grows: law }, [2000, 8000], 0)));
    expect(describeCrossing(section.queries[0]!, section)).toMatch(/\(exact fit, no interval\)$/);
    const html = renderHtml({ ...sampleResults(), forecast: section });
    expect(html).toContain('<svg class="forecast"');
    expect(html).not.toContain('class="fc-band"');
  });
});
