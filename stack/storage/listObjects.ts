import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';

export interface ListedObject {
  name: string;
  id: string | null;
  updated_at: string | null;
  created_at: string | null;
  last_accessed_at: string | null;
  metadata: Record<string, unknown> | null;
}

const SORT_COLUMNS = new Set(['name', 'created_at', 'updated_at', 'last_accessed_at']);

/**
 * POST /object/list/{bucket} as Storage's search (storage.search): the folders one level below
 * `prefix` first, as entries with null id, then the objects at that level, under the caller's
 * role so only rows its policies show are listed. `search` narrows names by their start after the
 * prefix. The sort column and order are checked against the four Storage accepts before they
 * become SQL text; the prefix and search are values, their LIKE wildcards escaped.
 */
export async function listObjects(session: StorageSession, bucketId: string, body: Record<string, unknown>): Promise<ListedObject[]> {
  const rawPrefix = typeof body.prefix === 'string' ? body.prefix : '';
  const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
  const limit = integer(body.limit, 'limit', 100);
  const offset = integer(body.offset, 'offset', 0);
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = typeof sortBy.column === 'string' && SORT_COLUMNS.has(sortBy.column) ? sortBy.column : 'name';
  const order = typeof sortBy.order === 'string' && sortBy.order.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  const search = typeof body.search === 'string' ? body.search : '';
  const level = prefix.split('/').length;
  const pattern = `${escapeLike(prefix)}${escapeLike(search)}%`;
  const { rows } = await session.asCaller(
    (client) =>
      client.query<ListedObject>(
        `WITH matching AS (
           SELECT path_tokens, id, updated_at, created_at, last_accessed_at, metadata FROM storage.objects
           WHERE bucket_id = $1 AND name ILIKE $2 ESCAPE '\\'
         ), folders AS (
           SELECT DISTINCT path_tokens[$3] AS name FROM matching WHERE array_length(path_tokens, 1) > $3
         )
         (SELECT name, NULL::uuid AS id, NULL::timestamptz AS updated_at, NULL::timestamptz AS created_at, NULL::timestamptz AS last_accessed_at, NULL::jsonb AS metadata
            FROM folders ORDER BY name COLLATE "C" ${order})
         UNION ALL
         (SELECT path_tokens[$3], id, updated_at, created_at, last_accessed_at, metadata FROM matching
            WHERE array_length(path_tokens, 1) = $3 ORDER BY ${column === 'name' ? 'path_tokens[$3] COLLATE "C"' : column} ${order})
         LIMIT $4 OFFSET $5`,
        [bucketId, pattern, level, limit, offset],
      ),
    { readOnly: true },
  );
  return rows;
}

function integer(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw STORAGE_ERRORS.invalidParameter(name, `body/${name} must be integer`);
  return value;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
