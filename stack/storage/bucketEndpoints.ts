import type pg from 'pg';
import { STORAGE_ERRORS } from './storageError.ts';
import type { StorageSession } from './storageSession.ts';
import type { StorageContext } from './storageTypes.ts';

/** Storage's bucket-name rule (limits.ts isValidBucketName): 1–100 of these characters. */
const BUCKET_NAME = /^[\w!\-.*'() &$@=;:+,?]{1,100}$/;
const BUCKET_COLUMNS = `id, name, owner, public, file_size_limit::float8 AS file_size_limit, allowed_mime_types, created_at, updated_at`;
const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);

/**
 * The bucket endpoints. Each runs under the caller's role, so storage.buckets' RLS decides as
 * on Supabase, where the table has RLS and no policy: service_role (BYPASSRLS) manages buckets,
 * a user sees none ("Bucket not found", an empty list).
 */
export const bucketEndpoints = {
  async list(session: StorageSession, query: URLSearchParams): Promise<unknown[]> {
    const sortColumn = SORT_COLUMNS.has(query.get('sortColumn') ?? '') ? query.get('sortColumn')! : 'name';
    const order = query.get('sortOrder')?.toLowerCase() === 'desc' ? 'DESC' : 'ASC';
    const { rows } = await session.asCaller(
      (client) =>
        client.query(`SELECT ${BUCKET_COLUMNS} FROM storage.buckets WHERE $1::text IS NULL OR name ILIKE '%' || $1 || '%' ORDER BY ${sortColumn} ${order} LIMIT $2 OFFSET $3`, [
          query.get('search'),
          query.has('limit') ? Number(query.get('limit')) : null,
          Number(query.get('offset') ?? 0),
        ]),
      { readOnly: true },
    );
    return rows;
  },

  async get(session: StorageSession, id: string): Promise<unknown> {
    const { rows } = await session.asCaller((client) => client.query(`SELECT ${BUCKET_COLUMNS} FROM storage.buckets WHERE id = $1`, [id]), { readOnly: true });
    if (!rows[0]) throw STORAGE_ERRORS.noSuchBucket();
    return rows[0];
  },

  async create(session: StorageSession, body: Record<string, unknown>): Promise<{ name: string }> {
    const id = typeof body.id === 'string' ? body.id : typeof body.name === 'string' ? body.name : '';
    if (!BUCKET_NAME.test(id)) throw STORAGE_ERRORS.invalidBucketName();
    const owner = session.caller.sub;
    try {
      await session.asCaller(
        (client) =>
          client.query(`INSERT INTO storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types) VALUES ($1, $1, $2, $3, $4, $5, $6)`, [
            id,
            owner && /^[0-9a-f-]{36}$/i.test(owner) ? owner : null,
            owner ?? null,
            body.public === true,
            fileSizeLimitOf(body.file_size_limit),
            mimeTypesOf(body.allowed_mime_types),
          ]),
        { commit: true },
      );
    } catch (error) {
      throw error instanceof Error && 'code' in error && error.code === 'ResourceAlreadyExists' ? STORAGE_ERRORS.bucketAlreadyExists() : error;
    }
    return { name: id };
  },

  async update(session: StorageSession, id: string, body: Record<string, unknown>): Promise<{ message: string }> {
    const { rowCount } = await session.asCaller(
      (client) =>
        client.query(`UPDATE storage.buckets SET public = $2, file_size_limit = $3, allowed_mime_types = $4, updated_at = now() WHERE id = $1`, [
          id,
          body.public === true,
          fileSizeLimitOf(body.file_size_limit),
          mimeTypesOf(body.allowed_mime_types),
        ]),
      { commit: true },
    );
    if (!rowCount) throw STORAGE_ERRORS.noSuchBucket();
    return { message: 'Successfully updated' };
  },

  /** Removes every object the caller may delete, then their files. */
  async empty(ctx: StorageContext, session: StorageSession, id: string): Promise<{ message: string }> {
    const versions = await session.asCaller(
      async (client) => {
        await mustSeeBucket(client, id);
        const { rows } = await client.query<{ version: string | null }>(`DELETE FROM storage.objects WHERE bucket_id = $1 RETURNING version`, [id]);
        return rows.map((r) => r.version);
      },
      { commit: true },
    );
    await Promise.all(versions.map((v) => (v ? ctx.store.remove(v) : undefined)));
    return { message: 'Successfully emptied' };
  },

  async remove(session: StorageSession, id: string): Promise<{ message: string }> {
    await session.asCaller(
      async (client) => {
        await mustSeeBucket(client, id);
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM storage.objects WHERE bucket_id = $1`, [id]);
        if (rows[0]!.n > 0) throw STORAGE_ERRORS.bucketNotEmpty();
        const { rowCount } = await client.query(`DELETE FROM storage.buckets WHERE id = $1`, [id]);
        if (!rowCount) throw STORAGE_ERRORS.noSuchBucket();
      },
      { commit: true },
    );
    return { message: 'Successfully deleted' };
  },
};

async function mustSeeBucket(client: pg.Client, id: string): Promise<void> {
  const { rows } = await client.query(`SELECT 1 FROM storage.buckets WHERE id = $1`, [id]);
  if (rows.length === 0) throw STORAGE_ERRORS.noSuchBucket();
}

/** A byte count, or a string with a unit as Storage's parseFileSizeToBytes reads it (decimal: 1MB = 1,000,000 B). */
function fileSizeLimitOf(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  const match = typeof value === 'string' ? /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value) : null;
  if (!match) throw STORAGE_ERRORS.invalidFileSizeLimit();
  const unit = { gb: 1e9, mb: 1e6, kb: 1e3, b: 1 }[match[2]!.toLowerCase() as 'gb' | 'mb' | 'kb' | 'b'];
  return Math.round(Number(match[1]) * unit);
}

function mimeTypesOf(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw STORAGE_ERRORS.invalidParameter('allowed_mime_types');
  return value as string[];
}
