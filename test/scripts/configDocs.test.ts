import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema } from '../../core/config/configSchema.ts';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { renderConfigReference } from '../../scripts/build/configReference.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = 'examples/gomflow.config.example.ts';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
}

/** Every option path of the config schema, nested objects descended (maps such as seed.scales are one option). */
function optionPaths(schema: JsonSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]) => {
    const option = prefix ? `${prefix}.${key}` : key;
    return [option, ...optionPaths(field, option)];
  });
}

describe('the config docs cannot drift from the config schema', () => {
  it('docs/config-reference.md is what `npm run build:config-reference` writes', () => {
    const written = readFileSync(new URL('../../docs/config-reference.md', import.meta.url), 'utf8');
    const generated = renderConfigReference(readFileSync(new URL('../../core/config/configSchema.ts', import.meta.url), 'utf8'));
    // On failure: run `npm run build:config-reference` and commit docs/config-reference.md.
    expect(written).toBe(generated);
    for (const option of optionPaths(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)) {
      expect(written).toContain(`| \`${option}\` |`);
    }
  });

  it(`${EXAMPLE} loads through the config loader, and sets every option`, async () => {
    const resolved = await loadConfig({ cwd: ROOT, env: {}, flags: { config: EXAMPLE } });
    expect(resolved.safety.productionPatterns).toEqual(['gomflow-prod']);
    expect(resolved.seed.scales['launch-week']?.submissions).toBe(150_000);
    const example = (await import(`../../${EXAMPLE}`)) as { default: Record<string, unknown> };
    const missing = optionPaths(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema).filter((option) => {
      let node: unknown = example.default;
      for (const key of option.split('.')) {
        if (typeof node !== 'object' || node === null || !(key in node)) return true;
        node = (node as Record<string, unknown>)[key];
      }
      return false;
    });
    expect(missing).toEqual([]);
  });
});
