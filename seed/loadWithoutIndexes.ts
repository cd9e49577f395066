import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { SeedContext, TableSpec } from '../generators/types.ts';
import { abortError, copyTable, type CopyResult } from './copyTable.ts';
import { deferredForeignKeys, triggerStates } from './deferredForeignKeys.ts';
import { indexDefinitions, indexDifference } from './indexDefinitions.ts';
import { dependencyLevels, type LoadEvents } from './loadTables.ts';
import { joinRunWriters } from './runLock.ts';
import { seededTables } from './runRows.ts';

export interface FastLoad {
  tables: CopyResult[];
  /** Secondary indexes dropped before the load and rebuilt after it. */
  indexes: number;
  /** Foreign keys checked once after the load instead of row by row (deferredForeignKeys). */
  foreignKeys: number;
  /** Checking the keys, rebuilding the indexes and ANALYZE. */
  rebuildMs: number;
}

/**
 * The fast path, as pgbench -i loads: when every seeded table is empty, drop their plain
 * secondary indexes and switch off their per-row foreign-key checks, COPY every table, check
 * each foreign key with one query, rebuild the indexes from their exact definitions and
 * ANALYZE — all in ONE transaction on one connection, so tables load one after another. An
 * index built once over sorted input, and a key checked once over the whole table, cost far
 * less than maintained and checked row by row. Before committing it proves every index
 * definition and trigger state is as it was. Until the COMMIT nothing is visible, so an
 * interruption or failure anywhere is a ROLLBACK (or, if the connection is gone, the rollback
 * the server does when the session ends, which the caller waits for): no row stays, every
 * index and check is back. Takes ACCESS EXCLUSIVE locks on the seeded tables for the whole
 * load: for the local target only. Returns undefined, having changed nothing, when a table
 * holds rows or another session is using one.
 */
export async function loadWithoutIndexes(
  connect: () => Promise<pg.Client>,
  specs: readonly TableSpec[],
  ctx: SeedContext,
  options: { signal: AbortSignal; events: LoadEvents },
): Promise<FastLoad | undefined> {
  const tables = seededTables(specs);
  const client = await connect();
  const cancel = cancelOnAbort(connect, client, options.signal);
  try {
    await joinRunWriters(client, ctx.runTag);
    await client.query('SET statement_timeout = 0');
    await client.query('BEGIN');
    if (!(await lockEmptyTables(client, tables))) {
      await client.query('ROLLBACK');
      return undefined;
    }
    const before = await indexDefinitions(client, tables);
    const triggersBefore = await triggerStates(client, tables);
    const rebuilt = before.filter((index) => index.rebuildable);
    const deferred = await deferredForeignKeys(client, tables);
    for (const index of rebuilt) await client.query(`DROP INDEX ${index.name}`);
    for (const fk of deferred) await client.query(`ALTER TABLE ${fk.table} DISABLE TRIGGER ${fk.trigger}`);
    const results: CopyResult[] = [];
    for (const spec of dependencyLevels(specs).flat()) {
      throwIfAborted(options.signal);
      options.events.tableStart(spec.table, spec.estimateRows(ctx));
      const result = await copyTable(client, spec, ctx, { signal: options.signal, onProgress: (rows) => options.events.tableProgress(spec.table, rows) });
      options.events.tableDone(result);
      results.push(result);
    }
    const started = performance.now();
    options.events.rebuildStart?.(rebuilt.length, deferred.length);
    // B-tree builds sort in maintenance_work_mem and share the work with parallel workers; the
    // key checks hash a whole parent table in work_mem.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL max_parallel_maintenance_workers = ${Math.max(0, availableParallelism() - 1)}`);
    for (const fk of deferred) {
      throwIfAborted(options.signal);
      const { rows } = await client.query<{ n: number; key: string }>(fk.violations);
      const { n, key } = rows[0]!;
      if (n > 0) throw new Error(`${fk.table}: ${n} rows violate foreign key ${fk.constraint}, such as key (${key}), which is not in the referenced table`);
      await client.query(`ALTER TABLE ${fk.table} ENABLE TRIGGER ${fk.trigger}`);
    }
    for (const index of rebuilt) {
      throwIfAborted(options.signal);
      await client.query(index.definition);
    }
    const difference = indexDifference(before, await indexDefinitions(client, tables));
    if (difference) throw new Error(`the rebuilt indexes differ from the ones dropped (${difference})`);
    if ((await triggerStates(client, tables)).join() !== triggersBefore.join()) throw new Error('the foreign-key checks are not all enabled again');
    for (const table of tables) await client.query(`ANALYZE ${table}`);
    throwIfAborted(options.signal);
    await client.query('COMMIT');
    return { tables: results, indexes: rebuilt.length, foreignKeys: deferred.length, rebuildMs: performance.now() - started };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw options.signal.aborted ? abortError(options.signal) : error;
  } finally {
    options.signal.removeEventListener('abort', cancel);
    await client.end().catch(() => undefined);
  }
}

/**
 * Takes the seeded tables for this transaction and says whether all are empty. Waits at most
 * 5 s for the locks: a session using a table means someone is working there, and the normal
 * path, which shares the tables, is then the right one.
 */
async function lockEmptyTables(client: pg.Client, tables: readonly string[]): Promise<boolean> {
  await client.query(`SET LOCAL lock_timeout = '5s'`);
  try {
    await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return false;
    throw error;
  }
  await client.query(`SET LOCAL lock_timeout = 0`);
  for (const table of tables) {
    const { rows } = await client.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS used`);
    if (rows[0]!.used) return false;
  }
  return true;
}

/** A statement the server is running (an index build, ANALYZE) is cancelled, so an abort is prompt. */
function cancelOnAbort(connect: () => Promise<pg.Client>, client: pg.Client, signal: AbortSignal): () => void {
  const pid = client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').then(({ rows }) => rows[0]!.pid);
  pid.catch(() => undefined);
  const cancel = () => {
    void (async () => {
      const canceller = await connect();
      try {
        await canceller.query('SELECT pg_cancel_backend($1)', [await pid]);
      } finally {
        await canceller.end();
      }
    })().catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  return cancel;
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError(signal);
}
