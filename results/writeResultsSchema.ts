// Regenerates reports/results.schema.json from the zod model: `npm run build:results-schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderResultsSchema } from './resultsSchema.ts';

const target = fileURLToPath(new URL('./results.schema.json', import.meta.url));
writeFileSync(target, renderResultsSchema());
process.stderr.write(`wrote ${target}\n`);
