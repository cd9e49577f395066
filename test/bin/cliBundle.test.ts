import { readFileSync, statSync, utimesSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types: it runs before TypeScript can load
import { cliBundleUrl } from '../../bin/cliBundle.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const META = `${ROOT}node_modules/.cache/gomflow-load/cli.meta.json`;
const SOURCE = 'scripts/harnessVersion.ts';

interface Meta {
  inputs: Record<string, { mtimeMs: number; size: number }>;
}
const readMeta = () => JSON.parse(readFileSync(META, 'utf8')) as Meta;

describe('the CLI bundle', () => {
  it('holds the CLI sources, and keeps each module its own import.meta.url', async () => {
    const url = (await cliBundleUrl()) as string;
    expect(url).toMatch(/cli\.mjs$/);
    expect(Object.keys(readMeta().inputs)).toEqual(expect.arrayContaining(['scripts/cli.ts', 'core/config/loadConfig.ts', SOURCE]));
    const bundle = readFileSync(fileURLToPath(url), 'utf8');
    // harnessVersion reads ../package.json relative to its own file, not to the bundle.
    expect(bundle).toContain(JSON.stringify(pathToFileURL(`${ROOT}${SOURCE}`).href));
    expect(bundle).not.toContain('import.meta.url');
  });

  it('is rebuilt when a source it holds changes', async () => {
    await cliBundleUrl();
    const file = `${ROOT}${SOURCE}`;
    // Seconds as numbers keep the sub-millisecond part a checkout gives mtimes (a Date would cut it).
    const { atimeMs, mtimeMs } = statSync(file);
    try {
      utimesSync(file, atimeMs / 1000, (mtimeMs + 5_000) / 1000);
      await cliBundleUrl();
      expect(readMeta().inputs[SOURCE]!.mtimeMs).toBe(statSync(file).mtimeMs);
    } finally {
      utimesSync(file, atimeMs / 1000, mtimeMs / 1000);
    }
    await cliBundleUrl();
    expect(readMeta().inputs[SOURCE]!.mtimeMs).toBe(statSync(file).mtimeMs);
  });
});
