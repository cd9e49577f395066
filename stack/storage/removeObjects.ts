import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { StorageContext } from './storageTypes.ts';

/** Storage's limit on one remove call (deleteObjects body schema: prefixes maxItems 1000). */
const MAX_PREFIXES = 1000;

/**
 * DELETE /object/{bucket} {prefixes}: the rows are deleted under the caller's role, so only those
 * its DELETE (and SELECT, for RETURNING) policies allow go; their files go after the commit. The
 * answer is the deleted rows, as Storage returns them.
 */
export async function removeObjects(ctx: StorageContext, session: StorageSession, bucketId: string, body: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.length > MAX_PREFIXES || prefixes.some((p) => typeof p !== 'string')) {
    throw STORAGE_ERRORS.invalidParameter('prefixes', `body/prefixes must be an array of 1 to ${MAX_PREFIXES} strings`);
  }
  const { rows } = await session.asCaller(
    (client) =>
      client.query<{ row: Record<string, unknown> & { version: string } }>(
        `DELETE FROM storage.objects WHERE bucket_id = $1 AND name = ANY($2::text[]) RETURNING to_jsonb(objects.*) - 'path_tokens' AS row`,
        [bucketId, prefixes],
      ),
    { commit: true },
  );
  await Promise.all(rows.map(({ row }) => (row.version ? ctx.store.remove(row.version) : undefined)));
  return rows.map((r) => r.row);
}
