import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import type { SeedContext, TableSpec } from '../../generators/types.ts';
import { columnKinds } from '../../seed/copyTable.ts';
import { encodeRow, type ColumnKind } from '../../seed/copyText.ts';
import { connectTarget, type Target } from '../../stack/target.ts';

export interface TableTiming {
  rows: number;
  ms: number;
}

export interface PsqlCopyTimings {
  /** Per table: generating and encoding its rows (written to the file psql loads, when it does). */
  generation: Map<string, TableTiming>;
  /** Per table: `psql -c "\copy …"` of that file; undefined when psql is not installed. */
  psql: Map<string, TableTiming> | undefined;
}

/**
 * Generates each table's rows into a COPY file (timed: the generation rate), then times psql's
 * \copy of the file into `database`, table by table in load order, deleting each file after.
 * Without psql it only times generation. Writes are awaited, so Ctrl-C is handled promptly, and
 * the abort signal kills a running psql.
 */
export async function psqlCopy(target: Target, database: string, specs: readonly TableSpec[], ctx: SeedContext, dir: string, signal: AbortSignal): Promise<PsqlCopyTimings> {
  const hasPsql = spawnSync('psql', ['--version']).status === 0;
  const generation = new Map<string, TableTiming>();
  const psql = hasPsql ? new Map<string, TableTiming>() : undefined;
  const url = new URL(target.url);
  const catalog = await connectTarget(target, database);
  try {
    for (const spec of specs) {
      signal.throwIfAborted();
      const file = path.join(dir, `${spec.table}.copy`);
      generation.set(spec.table, await writeRows(spec, ctx, await columnKinds(catalog, spec), hasPsql ? file : undefined));
      if (!psql) continue;
      const started = performance.now();
      const columns = spec.columns.map((c) => `"${c}"`).join(', ');
      const args = ['-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), '-d', database, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${spec.table} (${columns}) FROM '${file}'`];
      // The same exemption from the 30 s statement timeout that our loader gives itself.
      await runPsql(args, { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGOPTIONS: '-c statement_timeout=0' }, signal);
      psql.set(spec.table, { rows: generation.get(spec.table)!.rows, ms: performance.now() - started });
      rmSync(file, { force: true });
    }
  } finally {
    await catalog.end().catch(() => undefined);
  }
  return { generation, psql };
}

/** Generates a table's rows in COPY text; into `file` when given, else only timed. */
async function writeRows(spec: TableSpec, ctx: SeedContext, kinds: ColumnKind[], file: string | undefined): Promise<TableTiming> {
  const started = performance.now();
  const out = file ? createWriteStream(file) : undefined;
  let rows = 0;
  let text = '';
  for (const row of spec.rows(ctx)) {
    text += encodeRow(row, kinds);
    rows += 1;
    if (text.length < 1024 * 1024) continue;
    if (out && !out.write(text)) await once(out, 'drain');
    text = '';
  }
  if (out) {
    out.end(text);
    await once(out, 'finish');
  }
  return { rows, ms: performance.now() - started };
}

async function runPsql(args: string[], env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<void> {
  const child = spawn('psql', args, { env, signal, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const [code] = (await once(child, 'close').catch((error: unknown) => {
    // An abort kills psql and surfaces as an AbortError: report the interruption itself.
    signal.throwIfAborted();
    throw error;
  })) as [number | null];
  if (code !== 0) throw new Error(`psql ${args.at(-1)} failed: ${stderr.trim()}`);
}
