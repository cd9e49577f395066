import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { SeedContext, TableSpec } from '../generators/types.ts';
import { copyTable, type CopyResult } from './copyTable.ts';

/** What the loader tells whoever draws progress; it never prints itself. */
export interface LoadEvents {
  tableStart(table: string, expectedRows: number): void;
  tableProgress(table: string, rows: number): void;
  tableDone(result: CopyResult): void;
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
 * been committed; tables that do not depend on each other load in parallel.
 */
export async function loadTables(specs: readonly TableSpec[], ctx: SeedContext, options: LoadOptions): Promise<CopyResult[]> {
  const results: CopyResult[] = [];
  for (const level of dependencyLevels(specs)) {
    const queue = [...level];
    const workers = Array.from({ length: Math.min(options.parallel, queue.length) }, async () => {
      const client = await options.connect();
      try {
        // A bulk load is not app traffic: the checklist's 30 s statement timeout would cut a big COPY.
        await client.query('SET statement_timeout = 0');
        for (let spec = queue.shift(); spec; spec = queue.shift()) {
          if (options.signal.aborted) return;
          const table = spec.table;
          options.events.tableStart(table, spec.estimateRows(ctx));
          const result = await copyTable(client, spec, ctx, { signal: options.signal, onProgress: (rows) => options.events.tableProgress(table, rows) });
          options.events.tableDone(result);
          results.push(result);
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    });
    await settleAll(workers);
    if (options.signal.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('seed aborted');
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

/** Like Promise.all, but waits for every worker before rethrowing the first error. */
async function settleAll(workers: Promise<void>[]): Promise<void> {
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
}
