import { describe, expect, it } from 'vitest';
import { escapeMarkup, jsonForScript } from '../../reports/escapeMarkup.ts';
import { createLatencyHistogram, recordMs } from '../../results/histogram.ts';
import { encodeHistogram } from '../../results/histogram.ts';
import { latencyAxis, latencyBins } from '../../reports/latencyBins.ts';
import { planText } from '../../reports/planText.ts';
import { scrubSecrets } from '../../core/redact.ts';
import { passingResults } from '../fixtures/results/resultsFixtures.ts';

describe('latencyBins', () => {
  it('bins every recorded sample of a decoded histogram onto the shared log axis', () => {
    const h = createLatencyHistogram();
    for (const ms of [0.5, 0.6, 5, 5, 50, 500]) recordMs(h, ms);
    const axis = latencyAxis([0.5], [500, 100]);
    expect(axis).toMatchObject({ lowMs: 0.1, highMs: 1000 });
    const bins = latencyBins(encodeHistogram(h), axis)!;
    expect(bins).toHaveLength(axis.bins);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(6);
    // 5 ms twice: one decade and a half above 0.1 ms, in the same bin.
    expect(Math.max(...bins)).toBe(2);
  });

  it('returns null for a histogram that does not decode', () => {
    expect(latencyBins('bm90IGEgaGlzdG9ncmFt', latencyAxis([1], [10]))).toBeNull();
  });
});

describe('planText', () => {
  it('prints EXPLAIN JSON as EXPLAIN text: nodes, conditions, rows removed, buffers, timings', () => {
    const text = planText(passingResults().queries[0]!.plan);
    expect(text.split('\n')).toEqual([
      'Limit  (cost=412.50..412.55 rows=20) (actual time=3.910..3.930 rows=20 loops=1)',
      '  ->  Sort  (cost=412.50..416.25 rows=1500) (actual time=3.900..3.910 rows=20 loops=1)',
      '        Sort Key: created_at DESC',
      '        Sort Method: top-N heapsort  Memory: 31kB',
      '        ->  Seq Scan on orders  (cost=0.00..372.60 rows=1500) (actual time=0.010..2.800 rows=1420 loops=1)',
      '              Filter: is_active',
      '              Rows Removed by Filter: 80',
      '              Buffers: shared hit=210',
      'Planning Time: 0.210 ms',
      'Execution Time: 3.980 ms',
    ]);
  });

  it('falls back to JSON for a plan of another shape', () => {
    expect(planText({ note: 'not explain' })).toBe('{\n  "note": "not explain"\n}');
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['postgresql://postgres:s3cret@db.x.supabase.co:5432/postgres', 'postgresql://postgres:****@db.x.supabase.co:5432/postgres'],
    ['host=db user=postgres password=s3cret dbname=x', 'host=db user=postgres password=**** dbname=x'],
    ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.sig-nature_x', 'Bearer ****'],
    ['key sb_secret_abcDEF123', 'key ****'],
    ['https://example.com/path?q=1', 'https://example.com/path?q=1'],
  ])('%s', (text, scrubbed) => expect(scrubSecrets(text)).toBe(scrubbed));
});

describe('escaping', () => {
  it('escapes markup and keeps JSON inside a script element inert', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = jsonForScript({ s: '</script><!-- \u2028' });
    expect(json).not.toMatch(/<|>|\u2028/);
    expect(JSON.parse(json)).toEqual({ s: '</script><!-- \u2028' });
  });
});
