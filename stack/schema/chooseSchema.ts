import { existsSync } from 'node:fs';
import path from 'node:path';
import { GomflowError } from '../../core/errors.ts';
import type { SchemaSource } from './applySchema.ts';

export interface SchemaChoice {
  source: SchemaSource;
  /** Absolute path of the user's file, with source 'file'. */
  file?: string;
}

/** Reads --schema/--empty; checks the file before anything is started or changed. */
export function chooseSchema(cwd: string, schema: string | undefined, empty: boolean): SchemaChoice {
  if (schema !== undefined && empty) {
    throw new GomflowError('E_USAGE', '--schema and --empty exclude each other; pass one of them');
  }
  if (empty) return { source: 'empty' };
  if (schema === undefined) return { source: 'bundled' };
  const file = path.resolve(cwd, schema);
  if (!existsSync(file)) {
    throw new GomflowError('E_FILE_NOT_FOUND', `schema file ${schema} does not exist; pass the path of an .sql file to --schema`);
  }
  return { source: 'file', file };
}
