import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GomflowError } from '../core/errors.ts';
import type { CatalogQuery } from './catalogQuery.ts';
import { parseCatalogFile } from './parseCatalogFile.ts';

/** The bundled catalog, sql/queries/ of the harness. */
export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../sql/queries/', import.meta.url));

/** Reads every *.sql of the catalog folder, in name order; a bad header is a configuration error naming file and line. */
export async function loadCatalog(dir: string = BUNDLED_CATALOG_DIR): Promise<CatalogQuery[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  } catch (error) {
    throw new GomflowError('E_FILE_NOT_FOUND', `query catalog folder ${dir} cannot be read; set bench.catalogDir to a folder of *.sql files`, { cause: error });
  }
  if (files.length === 0) throw new GomflowError('E_FILE_NOT_FOUND', `query catalog folder ${dir} holds no *.sql file`);
  const queries: CatalogQuery[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    try {
      queries.push(parseCatalogFile(text, file));
    } catch (error) {
      throw new GomflowError('E_CONFIG_INVALID', `invalid catalog query ${(error as Error).message}; see sql/queries/README.md`, { cause: error });
    }
  }
  return queries;
}

/** The queries --only names (comma-separated), in catalog order; an unknown name is a usage error listing the catalog. */
export function selectQueries(catalog: readonly CatalogQuery[], only: string | undefined): CatalogQuery[] {
  if (only === undefined) return [...catalog];
  const names = only
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new GomflowError('E_USAGE', '--only needs at least one query name');
  const known = new Set(catalog.map((query) => query.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new GomflowError('E_USAGE', `--only: no catalog query named ${unknown.join(', ')}; the catalog has ${[...known].join(', ')}`);
  }
  return catalog.filter((query) => names.includes(query.name));
}
