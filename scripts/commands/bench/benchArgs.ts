import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GomflowError } from '../../../core/errors.ts';
import { parseWhatIf, type WhatIf } from '../../../bench/whatIf.ts';

/** --iterations: a whole number ≥ 1, or the configured default. */
export function parseIterations(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100_000) {
    throw new GomflowError('E_USAGE', `--iterations must be a whole number from 1 to 100000, got '${raw}'`);
  }
  return Number(raw);
}

/** --what-if FILE.sql, read and checked (CONCURRENTLY dropped, statements a transaction cannot hold rejected). */
export function readWhatIf(raw: string | undefined, cwd: string): WhatIf | undefined {
  if (raw === undefined) return undefined;
  if (raw === '' || raw === 'true') throw new GomflowError('E_USAGE', '--what-if needs a file: --what-if fix.sql');
  const file = path.resolve(cwd, raw);
  if (!existsSync(file)) throw new GomflowError('E_FILE_NOT_FOUND', `--what-if file ${raw} does not exist`);
  return parseWhatIf(readFileSync(file, 'utf8'), raw);
}
