import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync, type TransformFailure } from 'esbuild';
import { GomflowError } from '../errors.ts';
import { printableLine } from '../printableLine.ts';

/**
 * Why a config file would not load, as one line. tsx reports a syntax error as "Transform
 * failed with 1 error:" and the place on a later line — or, outside an ES module package, as
 * an unrelated require() cycle — so the file is transformed again here to name file, line,
 * column and the compiler's message. Any other failure keeps its first line.
 */
export function configLoadError(file: string, shown: string, error: unknown): GomflowError {
  const syntax = syntaxErrorOf(file);
  if (syntax) {
    return new GomflowError('E_CONFIG_INVALID', `cannot load ${shown}:${syntax.line}:${syntax.column}: ${syntax.text}; fix the syntax error there`, { cause: error });
  }
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new GomflowError('E_CONFIG_INVALID', `cannot load ${shown}: ${printableLine(reason)}; fix the error in that file`, { cause: error });
}

function syntaxErrorOf(file: string): { line: number; column: number; text: string } | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const loader = /\.[cm]?tsx?$/.test(file) ? (file.endsWith('x') ? 'tsx' : 'ts') : 'js';
  try {
    transformSync(source, { loader, format: 'esm', sourcefile: path.basename(file), logLevel: 'silent' });
    return undefined;
  } catch (error) {
    const first = (error as Partial<TransformFailure>).errors?.[0];
    if (!first?.location) return undefined;
    // esbuild counts columns from 0; editors and compilers show them from 1.
    return { line: first.location.line, column: first.location.column + 1, text: printableLine(first.text) };
  }
}
