import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SeedContext, TableSpec } from '../generators/types.ts';
import { encodeRow, type ColumnKind } from './copyText.ts';

/** Rows are sent in chunks of about this many characters: big enough to keep the server busy. */
const CHUNK_CHARS = 256 * 1024;

export interface CopyResult {
  table: string;
  rows: number;
  ms: number;
}

/**
 * Streams one table's generated rows into `COPY … FROM STDIN`. Generation runs between
 * writes, so memory stays at one chunk whatever the scale; an abort fails the COPY (the
 * server discards it) and rejects.
 */
export async function copyTable(
  client: pg.Client,
  spec: TableSpec,
  ctx: SeedContext,
  options: { signal: AbortSignal; onProgress: (rows: number) => void },
): Promise<CopyResult> {
  const started = performance.now();
  const kinds = await columnKinds(client, spec);
  const stream = client.query(copyFrom(`COPY ${spec.table} (${spec.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  // `on`, not `once`: a destroyed stream may report its error again.
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  const onAbort = () => stream.destroy(abortError(options.signal));
  options.signal.addEventListener('abort', onAbort, { once: true });
  let rows = 0;
  try {
    let chunk = '';
    for (const row of spec.rows(ctx)) {
      chunk += encodeRow(row, kinds);
      rows += 1;
      if (chunk.length < CHUNK_CHARS) continue;
      if (options.signal.aborted) throw abortError(options.signal);
      const writable = stream.write(chunk);
      chunk = '';
      options.onProgress(rows);
      if (!writable) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end(chunk);
    await Promise.race([once(stream, 'finish'), failed]);
    options.onProgress(rows);
  } catch (error) {
    if (!stream.destroyed) stream.destroy(error as Error);
    throw describeCopyError(spec.table, error);
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  return { table: spec.table, rows, ms: performance.now() - started };
}

/** Reads which of the spec's columns are json/jsonb, so their values are written as JSON. */
export async function columnKinds(client: pg.Client, spec: TableSpec): Promise<ColumnKind[]> {
  const { rows } = await client.query<{ attname: string; json: boolean }>(
    `SELECT attname, atttypid IN ('json'::regtype, 'jsonb'::regtype) AS json FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [spec.table],
  );
  const json = new Set(rows.filter((r) => r.json).map((r) => r.attname));
  return spec.columns.map((column) => (json.has(column) ? 'json' : 'other'));
}

/** Names the table and, from the server, the COPY line a rejected row was on. */
function describeCopyError(table: string, error: unknown): unknown {
  const err = error as Error & { where?: string; code?: string };
  if (!err.code || !(err instanceof Error)) return error;
  const where = err.where?.split('\n')[0];
  err.message = `${table}: ${err.message}${where ? ` (${where})` : ''}`;
  return err;
}

/** Why a seed stopped: the abort's reason when it is an error. */
export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('seed aborted');
}
