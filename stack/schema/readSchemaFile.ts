import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { GomflowError } from '../../core/errors.ts';
import { splitSqlStatements } from './splitSqlStatements.ts';

export interface SchemaFile {
  /** Absolute path. */
  file: string;
  sql: string;
}

const FIX = 'pass the path of an .sql file to --schema';

/**
 * Reads the user's --schema file, refusing before anything is started or changed what could
 * not be applied: a missing path, a directory, a binary file (a custom-format pg_dump is the
 * usual one) and a file without a single statement. `given` is the path as the user wrote it.
 */
export function readSchemaFile(cwd: string, given: string): SchemaFile {
  const file = path.resolve(cwd, given);
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    throw new GomflowError('E_FILE_NOT_FOUND', `schema file ${given} does not exist; ${FIX}`);
  }
  if (stats.isDirectory()) throw new GomflowError('E_FILE_NOT_FOUND', `schema file ${given} is a directory; ${FIX} inside it`);
  if (!stats.isFile()) throw new GomflowError('E_FILE_NOT_FOUND', `schema file ${given} is not a regular file; ${FIX}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new GomflowError('E_FILE_NOT_FOUND', `cannot read schema file ${given} (${(error as NodeJS.ErrnoException).code ?? 'error'}); ${FIX}`, { cause: error });
  }
  if (bytes.includes(0)) {
    throw new GomflowError('E_USAGE', `schema file ${given} is binary, not SQL text; pass a plain-text dump (pg_dump --format=plain), not a custom or tar one`);
  }
  const sql = bytes.toString('utf8');
  if (splitSqlStatements(sql).length === 0) {
    throw new GomflowError('E_USAGE', `schema file ${given} holds no SQL statements; ${FIX} that has some`);
  }
  return { file, sql };
}
