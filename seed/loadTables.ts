import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { SeedContext, TableSpec } from '../generators/types.ts';
import { abortError, copyTable, type CopyResult } from './copyTable.ts';
import { joinRunWriters } from './runLock.ts';

/** What the loader tells whoever draws progress; it never prints itself. */
export interface LoadEvents {
  tableStart(table: string, expectedRows: number): void;
  tableProgress(table: string, rows: number): void;
  tableDone(result: CopyResult): void;
  /** The fast path has loaded every table; it checks this many foreign keys, rebuilds this many indexes, then ANALYZEs. */
  rebuildStart?(indexes: number, foreignKeys: number): void;
}

export interface LoadOptions {
  connect: () => Promise<pg.Client>;
  /** Tables loaded at the same time (each on its own connection). */
  parallel: number;
  signal: AbortSignal;
  events: LoadEvents;
}

/**
 * Loads tables in foreign-key order: a table starts once every table it references has
 * been committed; tables that do not depend on each other load in parallel. Each table
 * commits on its own, so on failure the caller must stop the run's writers and delete what
 * was committed (cleanRun does both). The first failure stops the other workers too.
 */
export async function loadTables(specs: readonly TableSpec[], ctx: SeedContext, options: LoadOptions): Promise<CopyResult[]> {
  const results: CopyResult[] = [];
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  try {
    for (const level of dependencyLevels(specs)) {
      const queue = [...level];
      const workers = Array.from({ length: Math.min(options.parallel, queue.length) }, async () => {
        let client: pg.Client | undefined;
        try {
          client = await options.connect();
          await joinRunWriters(client, ctx.runTag);
          // A bulk load is not app traffic: the checklist's 30 s statement timeout would cut a big COPY.
          await client.query('SET statement_timeout = 0');
          for (let spec = queue.shift(); spec && !stop.signal.aborted; spec = queue.shift()) {
            const table = spec.table;
            options.events.tableStart(table, spec.estimateRows(ctx));
            const result = await copyTable(client, spec, ctx, { signal: stop.signal, onProgress: (rows) => options.events.tableProgress(table, rows) });
            options.events.tableDone(result);
            results.push(result);
          }
        } catch (error) {
          if (!stop.signal.aborted) stop.abort(error);
          throw error;
        } finally {
          await client?.end().catch(() => undefined);
        }
      });
      await Promise.allSettled(workers);
      if (stop.signal.aborted) throw abortError(stop.signal);
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  return results;
}

/** The default number of tables loaded at once: half the cores, at least one. */
export function defaultParallelTables(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

/** Groups tables so that each group only references tables of earlier groups. */
export function dependencyLevels(specs: readonly TableSpec[]): TableSpec[][] {
  const names = new Set(specs.map((s) => s.table));
  const done = new Set<string>();
  const levels: TableSpec[][] = [];
  let remaining = [...specs];
  while (remaining.length > 0) {
    const ready = remaining.filter((spec) => spec.dependsOn.every((dep) => done.has(dep) || !names.has(dep) || dep === spec.table));
    if (ready.length === 0) throw new Error(`foreign-key cycle among ${remaining.map((s) => s.table).join(', ')}`);
    levels.push(ready);
    for (const spec of ready) done.add(spec.table);
    remaining = remaining.filter((spec) => !ready.includes(spec));
  }
  return levels;
}

