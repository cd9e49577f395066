import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigReference } from './configReference.ts';

/** Where the schema is read from and the reference written to. */
export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL('../../core/config/configSchema.ts', import.meta.url));
export const CONFIG_REFERENCE_FILE = fileURLToPath(new URL('../../docs/config-reference.md', import.meta.url));

writeFileSync(CONFIG_REFERENCE_FILE, renderConfigReference(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')));
process.stdout.write(`wrote ${CONFIG_REFERENCE_FILE}\n`);
