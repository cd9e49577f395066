import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_LINK, newRunId, readResults, RESULTS_FILE, writeResults } from '../../results/writeResults.ts';
import { sampleResults } from '../helpers/sampleResults.ts';

const OLDER = '20261125-194301-a1b2c3';
const NEWER = '20261125-201500-ffff00';

/** Every object's keys, at any depth, in the order they appear. */
function* keyLists(value: unknown): Generator<string[]> {
  if (Array.isArray(value)) for (const item of value) yield* keyLists(item);
  else if (value !== null && typeof value === 'object') {
    yield Object.keys(value);
    for (const child of Object.values(value)) yield* keyLists(child);
  }
}

describe('writeResults', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'gomflow-results-'));
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes <outDir>/<run id>/results.json that reads back equal', async () => {
    const results = sampleResults(OLDER);
    const file = await writeResults(outDir, results);
    expect(file).toBe(join(outDir, OLDER, RESULTS_FILE));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(results);
    expect(await readResults(join(outDir, OLDER))).toEqual(results);
  });

  it('writes every object with sorted keys, so equal results give equal bytes', async () => {
    const results = sampleResults(OLDER);
    const text = await readFile(await writeResults(outDir, results), 'utf8');
    for (const keys of keyLists(JSON.parse(text))) expect(keys).toEqual([...keys].sort());
    expect(text.endsWith('}\n')).toBe(true);

    const reordered = Object.fromEntries(Object.entries(results).reverse()) as typeof results;
    expect(await readFile(await writeResults(outDir, reordered), 'utf8')).toBe(text);
  });

  it('points latest at the newest run, relatively, even when an older run is rewritten', async () => {
    await writeResults(outDir, sampleResults(OLDER));
    expect(await readlink(join(outDir, LATEST_LINK))).toBe(OLDER);

    await writeResults(outDir, sampleResults(NEWER));
    expect(await readlink(join(outDir, LATEST_LINK))).toBe(NEWER);
    expect((await readResults(join(outDir, LATEST_LINK))).run.id).toBe(NEWER);

    await writeResults(outDir, sampleResults(OLDER));
    expect(await readlink(join(outDir, LATEST_LINK))).toBe(NEWER);
  });

  it('ignores a newer run folder that has no results.json yet', async () => {
    await mkdir(join(outDir, '20991231-235959-zzz'));
    await writeResults(outDir, sampleResults(OLDER));
    expect(await readlink(join(outDir, LATEST_LINK))).toBe(OLDER);
  });

  it('leaves no temp files behind', async () => {
    await writeResults(outDir, sampleResults(OLDER));
    await writeResults(outDir, sampleResults(NEWER));
    await writeResults(outDir, sampleResults(NEWER));
    expect((await readdir(outDir)).sort()).toEqual([OLDER, NEWER, LATEST_LINK].sort());
    expect(await readdir(join(outDir, OLDER))).toEqual([RESULTS_FILE]);
    expect(await readdir(join(outDir, NEWER))).toEqual([RESULTS_FILE]);
  });

  it('writes nothing when the results are invalid', async () => {
    const results = sampleResults(OLDER);
    results.scenarios[0]!.errors = -1;
    await expect(writeResults(outDir, results)).rejects.toThrow(
      'invalid results.json; reason: at scenarios[0].errors expected number at least 0, got -1',
    );
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('readResults', () => {
  it('names a file that is not JSON', async () => {
    const runDir = await mkdtemp(join(tmpdir(), 'gomflow-results-'));
    try {
      await writeFile(join(runDir, RESULTS_FILE), '{"version": 1,');
      await expect(readResults(runDir)).rejects.toThrow(/^invalid results\.json; reason: .*results\.json is not JSON/);
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  });
});

describe('newRunId', () => {
  it('stamps the UTC start time before the random part', () => {
    expect(newRunId(new Date(Date.UTC(2026, 10, 25, 19, 43, 1, 999)), 'a1b2c3')).toBe('20261125-194301-a1b2c3');
  });

  it('sorts run ids in start-time order', () => {
    const times = [Date.UTC(2026, 0, 2, 3, 4, 5), Date.UTC(2026, 0, 2, 13, 4, 5), Date.UTC(2026, 9, 1), Date.UTC(2027, 0, 1)];
    const ids = times.map((t, i) => newRunId(new Date(t), ['zz', 'a', '9', 'm'][i]!));
    expect([...ids].sort()).toEqual(ids);
  });

  it('rejects a random part that would not make a safe folder name, and invalid dates', () => {
    expect(() => newRunId(new Date(0), '../x')).toThrow('run id random part must be 1-32 characters of [0-9a-z], got "../x"');
    expect(() => newRunId(new Date(0), '')).toThrow(RangeError);
    expect(() => newRunId(new Date(Number.NaN), 'abc')).toThrow('run id needs a valid date');
  });
});
