import { describe, expect, it } from 'vitest';
import { emptyResults, parseResults, RESULTS_VERSION } from '../../results/resultsModel.ts';
import { sampleResults } from '../helpers/sampleResults.ts';

/** sampleResults() as plain JSON, changed by `edit`. */
function broken(edit: (json: any) => void): unknown {
  const json = structuredClone(sampleResults());
  edit(json);
  return json;
}

describe('parseResults', () => {
  it('accepts a results model with every section filled', () => {
    const results = sampleResults();
    expect(parseResults(JSON.parse(JSON.stringify(results)))).toEqual(results);
  });

  it('accepts emptyResults', () => {
    const { run, budgets } = sampleResults();
    const { evaluations, ...limits } = budgets;
    const empty = emptyResults(run, limits);
    expect(parseResults(empty)).toEqual(empty);
    expect(empty).toMatchObject({ version: RESULTS_VERSION, checks: [], queries: [], scenarios: [], budgets: { evaluations: [] } });
    expect(empty.schema).toBeUndefined();
  });

  it.each([
    ['a wrong type', (j: any) => (j.queries[0].latency.p95Ms = '12'), 'at queries[0].latency.p95Ms expected number, got string'],
    ['a missing field', (j: any) => delete j.run.id, 'at run.id expected string, got undefined'],
    ['an unknown field', (j: any) => (j.run.extra = 1), 'at run.extra expected no such field, got number'],
    ['another version', (j: any) => (j.version = 2), 'at version expected 1, got 2'],
    ['a value outside an enum', (j: any) => (j.checks[0].status = 'ok'), 'at checks[0].status expected "pass" | "fail" | "warn" | "skip", got "ok"'],
    ['a non-integer count', (j: any) => (j.scenarios[0].requests = 1.5), 'at scenarios[0].requests expected int, got 1.5'],
    ['a number out of range', (j: any) => (j.scenarios[0].errorRatePct = 120), 'at scenarios[0].errorRatePct expected number at most 100, got 120'],
    ['a record value', (j: any) => (j.run.target.settings.max_connections = 100), 'at run.target.settings.max_connections expected string, got number'],
    ['a union', (j: any) => (j.run.seed = true), 'at run.seed expected number or string, got boolean'],
    ['a bad date', (j: any) => (j.run.startedAt = 'yesterday'), 'at run.startedAt expected datetime string, got "yesterday"'],
    ['a run id that is not a safe folder name', (j: any) => (j.run.id = '../etc'), 'at run.id expected string matching /^\\d{8}-\\d{6}-[0-9a-z]{1,32}$/, got "../etc"'],
    ['an over-long statement', (j: any) => (j.schema.failures[0].statement = 'x'.repeat(201)), 'at schema.failures[0].statement expected at most 200 characters, got 201 characters'],
    ['a key that is not an identifier', (j: any) => (j.run.target.settings['work mem'] = 4), 'at run.target.settings["work mem"] expected string, got number'],
    ['a date in a union of formats', (j: any) => (j.seed.referenceDate = 'soon'), 'at seed.referenceDate expected datetime string or date string, got "soon"'],
  ])('names the path, expected and actual value for %s', (_, edit, reason) => {
    expect(() => parseResults(broken(edit))).toThrow(`invalid results.json; reason: ${reason}`);
  });

  it('rejects something that is not an object at the root', () => {
    expect(() => parseResults(null)).toThrow('invalid results.json; reason: at (root) expected object, got null');
  });
});
