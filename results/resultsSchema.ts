import { z } from 'zod';
import { RESULTS_VERSION, ResultsSchema } from './resultsModel.ts';
import { sortKeys } from './sortKeys.ts';

/** `$id` of the results.json JSON Schema; a URN because the schema has no published URL. */
export const RESULTS_SCHEMA_ID = `urn:gomflow-loadtest:results:v${RESULTS_VERSION}`;

/** JSON Schema (draft 2020-12) of results.json, generated from the zod model. */
export function resultsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ResultsSchema, { target: 'draft-2020-12' }),
    $id: RESULTS_SCHEMA_ID,
    title: `gomflow-loadtest results v${RESULTS_VERSION}`,
    description: 'Everything one gomflow-loadtest run measured; the only input of its reports.',
  };
}

/** The text of reports/results.schema.json: sorted keys, 2-space indentation, trailing newline. */
export function renderResultsSchema(): string {
  return `${JSON.stringify(sortKeys(resultsJsonSchema()), null, 2)}\n`;
}
