import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../reports/renderHtml.ts';
import type { Results } from '../../results/resultsModel.ts';
import { baselineResults, bigResults, failingResults, passingResults, regressedResults } from '../fixtures/results/resultsFixtures.ts';

/** Every src/href/url() in the page. */
function references(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:src|href|xlink:href|action|formaction|srcset|poster)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
  const urls = [...html.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]!);
  return [...attributes, ...urls];
}

/** The embedded page data, parsed as the page's script parses it. */
function pageData(html: string): { verdict: { status: string }; queries: { name: string; bins: number[] | null }[] } {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!);
}

describe('renderHtml', () => {
  it('is one self-contained file: inline CSS and JS, no external resource, nothing loaded from the network', () => {
    const html = renderHtml(failingResults(), { baseline: baselineResults() });
    const refs = references(html);
    expect(refs).toContain('#budgets');
    expect(refs.filter((ref) => !ref.startsWith('#') && !ref.startsWith('data:'))).toEqual([]);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('escapes a <script> in a query name everywhere it appears, and the embedded JSON still parses to it', () => {
    const html = renderHtml(failingResults());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Only the report's own two script elements.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(pageData(html).queries.map((q) => q.name)).toContain('<script>alert(1)</script>');
  });

  it('escapes quotes in attributes and "</script>" in the embedded JSON', () => {
    const results = failingResults();
    results.queries[0]!.name = 'x" onmouseover="alert(1)';
    results.queries[1]!.name = '</script><script>alert(2)</script>';
    const html = renderHtml(results);
    expect(html).not.toContain('" onmouseover="');
    expect(html).not.toContain('</script><script>alert(2)');
    expect(pageData(html).queries.map((q) => q.name)).toEqual(expect.arrayContaining(['x" onmouseover="alert(1)', '</script><script>alert(2)</script>']));
  });

  it('opens with the verdict naming the failing budgets and the failed check', () => {
    const html = renderHtml(failingResults());
    const verdict = /<section id="verdict"[\s\S]*?<\/section>/.exec(html)![0];
    expect(verdict).toContain('NOT READY');
    expect(verdict).toMatch(/orders_active_recent \(authenticated, typical\) p95 1\d\d ms, budget &lt; 100 ms/);
    expect(verdict).toContain('Peak connections 87 connections, budget &lt; 80 connections');
    expect(verdict).toContain('statement_timeout (query timeout) 0 ms, budget = 30 s');
    // The reason's kind is shown once: "check rls.enabled: …", never "check check …".
    expect(verdict).toContain('<strong>check</strong> rls.enabled: 2 tables without RLS');
    expect(verdict).not.toMatch(/check<\/strong> check/);
    expect(verdict).toContain('stand-in');
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('id="budgets"'));
  });

  it('says READY when every budget is met and INCOMPLETE when budgets were not measured', () => {
    expect(renderHtml(passingResults())).toMatch(/<p class="verdict-word">[^<]*<span aria-hidden="true">✔<\/span> READY<\/p>/);
    const seedOnly: Results = { ...passingResults(), checks: [], queries: [], scenarios: [] };
    const html = renderHtml(seedOnly);
    expect(html).toContain('INCOMPLETE — no budget failed');
    expect(html).toContain('No query benchmarks in this run');
    expect(html).toContain('No load scenario in this run');
  });

  it('has one query table row group per query, with percentiles, budget, distribution and plan on demand', () => {
    const results = passingResults();
    const html = renderHtml(results);
    const table = /<table id="query-table"[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/<tbody data-i="\d+"/g)).toHaveLength(results.queries.length);
    for (const query of results.queries) expect(table).toContain(query.name.replace(/_/g, '_<wbr>'));
    expect(table.match(/<svg class="spark"/g)).toHaveLength(results.queries.length);
    expect(table).toMatch(/<details><summary>plan and findings — orders_active_recent/);
    expect(table).toContain('Seq Scan on orders');
    // Count first: every() over an empty list would pass.
    expect(pageData(html).queries).toHaveLength(results.queries.length);
    expect(pageData(html).queries.every((q) => Array.isArray(q.bins) && q.bins.some((n) => n > 0))).toBe(true);
  });

  it('shows each query and scenario change against a baseline and flags the regression', () => {
    const html = renderHtml(regressedResults(), { baseline: baselineResults() });
    expect(html).toContain('p95 vs baseline');
    expect(html).toMatch(/REGRESSED<\/span><br>\+25\.0 % \(\+\d+\.\d+ ms\)/);
    expect(html).toContain('1 regression</strong> beyond p95 +20 % and at least +5 ms');
  });

  it('marks the numbers of a run against the local stand-in stack', () => {
    expect(renderHtml(failingResults())).toContain('Stand-in: these numbers were measured against the local Supabase-compatible stack');
    expect(renderHtml(passingResults())).not.toContain('Stand-in:');
  });

  it('never prints a password in a URL or a JWT found anywhere in the results', () => {
    // A made-up token, built here so no JWT-shaped string sits in the repository.
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const jwt = [b64('{"alg":"HS256"}'), b64('{"sub":"service","role":"service_role"}'), b64('signature-signature')].join('.');
    const results = failingResults();
    results.checks[0]!.detail = 'connect to postgresql://postgres:hunter2-secret@db.example.supabase.co:5432/postgres failed';
    results.checks[0]!.evidence.push({ apikey: jwt });
    results.scenarios[0]!.detail = `Authorization: Bearer ${jwt}`;
    const html = renderHtml(results);
    expect(html).not.toContain('hunter2-secret');
    expect(html).not.toContain(jwt);
    expect(html).toContain('postgresql://postgres:****@db.example.supabase.co');
  });

  it('is deterministic: the same results give the same bytes', () => {
    expect(renderHtml(failingResults(), { baseline: baselineResults() })).toBe(renderHtml(failingResults(), { baseline: baselineResults() }));
  });

  it('stays under 3 MB for 200 queries with a histogram of 1M samples each', () => {
    const results = bigResults(200, 1_000_000);
    expect(results.queries).toHaveLength(200);
    expect(results.queries.every((q) => q.latency.count === 1_000_000)).toBe(true);
    // Speed is not asserted here (timed tests flake on shared machines); size is what keeps it fast.
    const html = renderHtml(results);
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
    expect(html.match(/<tbody data-i=/g)).toHaveLength(200);
  });
});

describe('renderHtml: a run that reused its seed', () => {
  it('names the reused seed run and its rows, shows no load time, and does not credit the bulk-load item', () => {
    const loaded = passingResults();
    expect(loaded.seed).toBeDefined();
    const results: Results = { ...loaded, seed: { ...loaded.seed!, tables: [], totalMs: 0, totalRows: 293_438, reused: true } };
    const html = renderHtml(results);
    const seed = /<section[^>]*id="seed"[\s\S]*?<\/section>/.exec(html)![0];
    expect(seed).toContain('reused: loaded by an earlier run, not timed in this one');
    expect(seed).toContain('293,438');
    expect(seed).not.toContain('This run seeded no data');
    expect(seed).not.toMatch(/rows\/s/);
    const bulkLoad = /seed [0-9a-f]{8}:<\/span> [\d,]+ rows into/;
    expect(renderHtml(loaded)).toMatch(bulkLoad);
    expect(html).not.toMatch(bulkLoad);
  });
});

describe('renderHtml: Supabase advisor lints', () => {
  it('groups the checks by splinter id with splinter\'s level beside ours, counts each lint\'s rows, and lists what only check reports', () => {
    const base = failingResults();
    const definer = {
      ...base.checks[0]!,
      id: 'lint.security-definer-function',
      status: 'fail' as const,
      level: 'fail' as const,
      evidence: [
        { function: 'public.cleanup_old_data()', splinter: '0028_anon_security_definer_function_executable' },
        { function: 'public.cleanup_old_data()', splinter: '0029_authenticated_security_definer_function_executable' },
        { function: 'public.database_health_check()', splinter: '0029_authenticated_security_definer_function_executable' },
      ],
      splinter: [
        { id: '0028_anon_security_definer_function_executable', level: 'WARN' as const },
        { id: '0029_authenticated_security_definer_function_executable', level: 'WARN' as const },
      ],
    };
    const initplan = { ...base.checks[0]!, id: 'lint.auth-rls-initplan', status: 'warn' as const, level: 'warn' as const, evidence: [{ policy: 'a' }, { policy: 'b' }], splinter: [{ id: '0003_auth_rls_initplan', level: 'WARN' as const }], beyondSplinter: 'also policies on storage.objects' };
    const probe = { ...base.checks[0]!, id: 'rls.user-isolation', beyondSplinter: 'live probe as real users' };
    const html = renderHtml({ ...base, checks: [definer, initplan, probe] });
    const advisor = /<section id="advisor">([\s\S]*?)<\/section>/.exec(html)![1]!;
    const bodies = [...advisor.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => m[1]!);
    const cells = (body: string) =>
      [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()));
    expect(cells(bodies[0]!)).toEqual([
      ['0003_auth_rls_initplan', 'WARN', '▲ warn warn', 'lint.auth-rls-initplan', '2', 'also policies on storage.objects'],
      ['0028_anon_security_definer_function_executable', 'WARN', '✘ FAIL fail', 'lint.security-definer-function', '1', ''],
      ['0029_authenticated_security_definer_function_executable', 'WARN', '✘ FAIL fail', 'lint.security-definer-function', '2', ''],
    ]);
    expect(cells(bodies[1]!)).toEqual([[`✘ FAIL ${probe.level}`, 'rls.user-isolation', 'live probe as real users']]);
    expect(html).toContain('<a href="#advisor">Advisor lints</a>');
  });
});

