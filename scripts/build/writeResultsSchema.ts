// Regenerates results/results.schema.json from the zod model: `npm run build:results-schema`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderResultsSchema } from '../../results/resultsSchema.ts';

const target = fileURLToPath(new URL('../../results/results.schema.json', import.meta.url));
writeFileSync(target, renderResultsSchema());
process.stderr.write(`wrote ${target}\n`);
