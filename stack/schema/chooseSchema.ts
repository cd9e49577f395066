import { GomflowError } from '../../core/errors.ts';
import type { SchemaSource } from './applySchema.ts';
import { readSchemaFile } from './readSchemaFile.ts';

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
  return { source: 'file', file: readSchemaFile(cwd, schema).file };
}
