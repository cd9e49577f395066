import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../reports/renderJunit.ts';
import { baselineResults, failingResults, passingResults, regressedResults } from '../fixtures/results/resultsFixtures.ts';

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '@_type': string };
  skipped?: unknown;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Case[];
}

/** Parses junit.xml (after checking it is well-formed) into suites by name. */
function parse(xml: string): { root: Record<string, string>; suites: Map<string, Suite> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
  return { root: doc.testsuites, suites: new Map(doc.testsuites.testsuite.map((suite) => [suite['@_name'], suite])) };
}

const failures = (suite: Suite | undefined) => (suite?.testcase ?? []).filter((test) => test.failure);

describe('renderJunit', () => {
  it('is well-formed with one testcase per budget, check, query and scenario and no failure when all pass', () => {
    const results = passingResults();
    const { root, suites } = parse(renderJunit(results));
    expect([...suites.keys()]).toEqual(['gomflow.budgets', 'gomflow.checks', 'gomflow.queries', 'gomflow.scenarios']);
    // 3 queries × (p95, max) + error rate + peak connections + 3 settings.
    expect(suites.get('gomflow.budgets')!.testcase).toHaveLength(11);
    expect(suites.get('gomflow.checks')!.testcase).toHaveLength(results.checks.length);
    expect(suites.get('gomflow.queries')!.testcase).toHaveLength(results.queries.length);
    expect(suites.get('gomflow.scenarios')!.testcase).toHaveLength(results.scenarios.length);
    expect(root['@_tests']).toBe(String(11 + results.checks.length + results.queries.length + results.scenarios.length));
    expect(root['@_failures']).toBe('0');
  });

  it('reports each failing budget, the failed fail-level check, the over-budget queries and the failed scenario as failures', () => {
    const { root, suites } = parse(renderJunit(failingResults()));
    expect(failures(suites.get('gomflow.budgets')).map((test) => test['@_name'])).toEqual([
      'orders_active_recent (authenticated, typical) p95',
      'analytics_events_last_day (service_role, fixed) max',
      'pool-load error rate',
      'Peak connections',
      'statement_timeout (query timeout)',
    ]);
    expect(suites.get('gomflow.budgets')!['@_failures']).toBe('5');
    // Skipped: the realtime scenario's error rate.
    expect(suites.get('gomflow.budgets')!['@_skipped']).toBe('1');
    // The warn-level lint is output, not a failure.
    expect(failures(suites.get('gomflow.checks')).map((test) => test['@_name'])).toEqual(['rls.enabled']);
    expect(failures(suites.get('gomflow.queries')).map((test) => test['@_name'])).toEqual(['orders_active_recent', 'analytics_events_last_day']);
    expect(failures(suites.get('gomflow.scenarios')).map((test) => test['@_name'])).toEqual(['pool-load']);
    expect(root['@_failures']).toBe('9');
    expect(failures(suites.get('gomflow.budgets'))[0]!.failure!['@_message']).toMatch(/p95 1\d\d ms, budget < 100 ms/);
  });

  it('escapes markup in names, keeping the document well-formed', () => {
    const xml = renderJunit(failingResults());
    expect(xml).toContain('name="&lt;script&gt;alert(1)&lt;/script&gt;"');
    const { suites } = parse(xml);
    expect(suites.get('gomflow.queries')!.testcase.map((test) => test['@_name'])).toContain('<script>alert(1)</script>');
  });

  it('fails a regressed query only with failOnRegression', () => {
    const flagged = parse(renderJunit(regressedResults(), { baseline: baselineResults() }));
    expect(flagged.root['@_failures']).toBe('0');
    const failing = parse(renderJunit(regressedResults(), { baseline: baselineResults(), failOnRegression: true }));
    expect(failures(failing.suites.get('gomflow.queries')).map((test) => [test['@_name'], test.failure!['@_type']])).toEqual([['q_regressed', 'regression']]);
  });
});
