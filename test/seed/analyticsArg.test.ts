import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../core/config/configSchema.ts';
import { parseAnalytics } from '../../scripts/commands/seed/analyticsArg.ts';
import { runCli } from '../helpers/runCli.ts';

describe('--analytics designed|built', () => {
  it('defaults to the config, whose default is designed', () => {
    expect(configSchema.parse({}).seed.analytics).toBe('designed');
    expect(parseAnalytics(undefined, 'built')).toBe('built');
    expect(parseAnalytics('built', 'designed')).toBe('built');
    expect(() => configSchema.parse({ seed: { analytics: 'everything' } })).toThrow();
  });

  for (const command of ['seed', 'run']) {
    it(`${command}: an unknown mode is a one-line usage error, exit 2, before anything is started`, async () => {
      const dataDir = `.gomflow/test-never-created-${process.pid}-${command}`;
      const result = await runCli([command, '--scale', 'tiny', '--analytics', 'everything'], { GOMFLOW_DATA_DIR: dataDir });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/unknown --analytics 'everything'; use designed .* or built .*\[E_USAGE\]$/);
      expect(existsSync(dataDir)).toBe(false);
    });
  }
});
