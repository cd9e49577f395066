import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseResults, type Results } from '../../results/resultsModel.ts';
import type { CliResult } from './runCli.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** The results.json a run names, partial or not. */
export function writtenResults(result: CliResult): Results {
  const file = /(?:results: +|what was measured is in )(\S+results\.json)/.exec(result.stderr)?.[1];
  expect(file, result.stderr).toBeDefined();
  return parseResults(JSON.parse(readFileSync(path.resolve(ROOT, file!), 'utf8')));
}
