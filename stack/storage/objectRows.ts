import type pg from 'pg';
import type { NamedStatement } from '../pipelinedQuery.ts';
import type { BucketLimits, ObjectMetadata } from './storageTypes.ts';

/** A storage.objects row as Storage writes it; `owner` is the caller's JWT sub. */
export interface ObjectRowValues {
  id: string;
  bucketId: string;
  name: string;
  owner?: string;
  version: string;
  metadata?: ObjectMetadata;
  userMetadata?: Record<string, unknown>;
}

export interface StoredObject {
  id: string;
  version: string;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findBucket(client: pg.Client, id: string, options: { publicOnly?: boolean } = {}): Promise<BucketLimits | undefined> {
  const { rows } = await client.query<{ id: string; public: boolean | null; file_size_limit: string | null; allowed_mime_types: string[] | null }>(
    `SELECT id, public, file_size_limit, allowed_mime_types FROM storage.buckets WHERE id = $1 AND ($2::boolean IS NOT TRUE OR public)`,
    [id, options.publicOnly ?? false],
  );
  const row = rows[0];
  return row && { id: row.id, public: row.public ?? false, fileSizeLimit: row.file_size_limit === null ? null : Number(row.file_size_limit), allowedMimeTypes: row.allowed_mime_types };
}

export async function findObject(client: pg.Client, bucketId: string, name: string, options: { forUpdate?: boolean } = {}): Promise<StoredObject | undefined> {
  const { rows } = await client.query<StoredObject>(
    `SELECT id, version, metadata, user_metadata, created_at, updated_at FROM storage.objects WHERE bucket_id = $1 AND name = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [bucketId, name],
  );
  return rows[0];
}

/** Storage's createObject: a plain INSERT, no RETURNING, so only INSERT policies apply. */
const INSERT_OBJECT = {
  name: 'gomflow_storage_insert_object',
  text: `INSERT INTO storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
};

/** Storage's upsertObject: INSERT … ON CONFLICT DO UPDATE … RETURNING, so INSERT, UPDATE and SELECT policies apply. */
const UPSERT_OBJECT = {
  name: 'gomflow_storage_upsert_object',
  text: `INSERT INTO storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (bucket_id, name) DO UPDATE SET owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
       metadata = excluded.metadata, user_metadata = excluded.user_metadata, updated_at = now(), last_accessed_at = now()
     RETURNING id`,
};

/**
 * The row's INSERT (or upsert) as a named statement: each connection prepares it once, and the
 * permission test and the commit can send it in one round trip (requestQuery).
 */
export function objectRowStatement(row: ObjectRowValues, upsert: boolean): NamedStatement & { values: unknown[] } {
  return { ...(upsert ? UPSERT_OBJECT : INSERT_OBJECT), values: rowValues(row) };
}

export async function upsertObjectRow(client: pg.Client, row: ObjectRowValues): Promise<string> {
  const { rows } = await client.query<{ id: string }>(objectRowStatement(row, true));
  return rows[0]!.id;
}

function rowValues(row: ObjectRowValues): unknown[] {
  const owner = row.owner && UUID.test(row.owner) ? row.owner : null;
  return [row.id, row.bucketId, row.name, owner, row.owner ?? null, row.version, row.metadata ?? null, row.userMetadata ?? null];
}
