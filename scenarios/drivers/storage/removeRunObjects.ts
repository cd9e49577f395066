import type pg from 'pg';
import { INTERNAL_MARK } from '../../../bench/sampleParams.ts';
import { GomflowError } from '../../../core/errors.ts';
import type { RestEndpoint } from '../rest/restEndpoint.ts';
import { StorageClient } from './storageClient.ts';

const BATCH = 500;

/**
 * Removes exactly the objects a run wrote — those whose user metadata names the run — through
 * Storage's own remove as service_role, so rows and files go together; returns how many.
 */
export async function removeRunObjects(control: pg.Client, endpoint: RestEndpoint, bucket: string, runId: string): Promise<number> {
  const namesOf = async () =>
    (await control.query<{ name: string }>(`${INTERNAL_MARK} SELECT name FROM storage.objects WHERE bucket_id = $1 AND user_metadata ->> 'gomflow_run' = $2 ORDER BY name`, [bucket, runId])).rows.map((row) => row.name);
  const names = await namesOf();
  const client = new StorageClient(endpoint.url, endpoint.serviceRoleKey, 1);
  let removed = 0;
  try {
    for (let i = 0; i < names.length; i += BATCH) {
      const answer = await client.remove(bucket, names.slice(i, i + BATCH), endpoint.serviceRoleKey);
      if (!answer.ok) throw new GomflowError('E_CLEANUP_FAILED', `Storage refused to remove run ${runId}'s objects (${answer.statusCode}); remove them from ${bucket} by hand`);
      removed += Array.isArray(answer.json) ? answer.json.length : 0;
    }
  } finally {
    await client.close();
  }
  const left = await namesOf();
  if (left.length > 0) throw new GomflowError('E_CLEANUP_FAILED', `${left.length} objects of run ${runId} are still in ${bucket}; remove them from the bucket by hand`);
  return removed;
}
