import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESULTS_SCHEMA_ID, renderResultsSchema, resultsJsonSchema } from '../../results/resultsSchema.ts';

describe('results.schema.json', () => {
  it('is what the generator produces now (run `npm run build:results-schema` after changing the model)', () => {
    const committed = readFileSync(new URL('../../results/results.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderResultsSchema());
  });

  it('carries an id, a title and the shared histogram definition', () => {
    const schema = resultsJsonSchema();
    expect(schema).toMatchObject({ $id: RESULTS_SCHEMA_ID, title: 'gomflow-loadtest results v1', additionalProperties: false });
    expect(schema.$defs).toHaveProperty('HistogramSummary');
    expect(schema.required).toEqual(['version', 'run', 'budgets', 'checks', 'queries', 'scenarios']);
  });
});
