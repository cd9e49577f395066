import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResults } from '../../results/resultsModel.ts';
import { sortKeys } from '../../results/sortKeys.ts';
import { FIXTURE_RUNS } from '../fixtures/results/fixtureRuns.ts';

describe('fixture runs in test/fixtures/results', () => {
  it.each(Object.entries(FIXTURE_RUNS))('%s/results.json validates and matches its builder (else run writeFixtures.ts)', (name, build) => {
    const stored = JSON.parse(readFileSync(new URL(`../fixtures/results/${name}/results.json`, import.meta.url), 'utf8'));
    expect(parseResults(stored)).toEqual(stored);
    expect(stored).toEqual(sortKeys(build()));
  });
});
