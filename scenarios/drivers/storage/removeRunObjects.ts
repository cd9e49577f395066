import type pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { GomflowError } from '../../../core/errors.ts';
import type { RestEndpoint } from '../rest/restEndpoint.ts';
import { StorageClient } from './storageClient.ts';

const BATCH = 500;

/** A run's objects: those whose user metadata names the run (the driver writes `gomflow_run`). */
const RUN_OBJECTS = `FROM storage.objects WHERE user_metadata ->> 'gomflow_run' = $1`;

/** How many objects of the run each bucket holds; none on a database without storage.objects. */
export async function runObjectCounts(control: pg.Client, runId: string): Promise<Map<string, number>> {
  const { rows: present } = await control.query<{ present: boolean }>(`${INTERNAL_MARK} SELECT to_regclass('storage.objects') IS NOT NULL AS present`);
  if (!present[0]!.present) return new Map();
  const { rows } = await control.query<{ bucket: string; n: number }>(`${INTERNAL_MARK} SELECT bucket_id AS bucket, count(*)::int AS n ${RUN_OBJECTS} GROUP BY bucket_id ORDER BY bucket_id`, [runId]);
  return new Map(rows.map((row) => [row.bucket, row.n]));
}

/**
 * Removes exactly the objects a run wrote, in every bucket, through Storage's own remove as
 * service_role, so rows and files (on the local stack's disk or in Supabase's store) go
 * together; checks none is left and returns how many went.
 */
export async function removeRunObjects(control: pg.Client, endpoint: RestEndpoint, runId: string): Promise<number> {
  const namesOf = async () => (await control.query<{ bucket: string; name: string }>(`${INTERNAL_MARK} SELECT bucket_id AS bucket, name ${RUN_OBJECTS} ORDER BY bucket_id, name`, [runId])).rows;
  const byBucket = new Map<string, string[]>();
  for (const { bucket, name } of await namesOf()) {
    if (!byBucket.has(bucket)) byBucket.set(bucket, []);
    byBucket.get(bucket)!.push(name);
  }
  const client = new StorageClient(endpoint.url, endpoint.serviceRoleKey, 1);
  let removed = 0;
  try {
    for (const [bucket, names] of byBucket) {
      for (let i = 0; i < names.length; i += BATCH) {
        const answer = await client.remove(bucket, names.slice(i, i + BATCH), endpoint.serviceRoleKey);
        if (!answer.ok) throw new GomflowError('E_CLEANUP_FAILED', `Storage refused to remove run ${runId}'s objects (${answer.statusCode}); remove them from ${bucket} by hand`);
        removed += Array.isArray(answer.json) ? answer.json.length : 0;
      }
    }
  } finally {
    await client.close();
  }
  const left = await namesOf();
  if (left.length > 0) throw new GomflowError('E_CLEANUP_FAILED', `${left.length} objects of run ${runId} are still in ${[...new Set(left.map((row) => row.bucket))].join(', ')}; remove them by hand`);
  return removed;
}
