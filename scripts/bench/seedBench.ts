/**
 * npm run bench:seed [-- --scale large] [--seed N] [--parallel P]
 *
 * Per table and overall: generation-only rows/s, generate+load rows/s (our COPY loader), and
 * the rows/s of psql's \copy loading the very same rows from files into an identical empty
 * schema, with the ratio. Each loader gets its own fresh database cloned from one template, so
 * both write into the same indexes from the same empty state. Runs on the local target.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formatBytes, formatCount, formatDuration } from '../../core/format.ts';
import { loadConfig } from '../../core/config/loadConfig.ts';
import { encodeRow } from '../../seed/copyText.ts';
import { columnKinds } from '../../seed/copyTable.ts';
import { runSeed, seedRunTag } from '../../seed/runSeed.ts';
import { resolveScale } from '../../generators/resolveScale.ts';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import type { SeedContext, TableSpec } from '../../generators/types.ts';
import { applySchema } from '../../stack/schema/applySchema.ts';
import { connectTarget, ensureRunning, resolveTarget, type Target } from '../../stack/target.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, seed: { type: 'string', default: '1' }, parallel: { type: 'string', default: '2' } } });
const REFERENCE_DATE = new Date('2026-11-20T00:00:00Z');
const config = await loadConfig({ cwd: process.cwd(), env: process.env, flags: {} });
const scale = resolveScale(values.scale!, config.seed.scales);
const seed = Number(values.seed);
const ctx: SeedContext = { seed, runTag: seedRunTag(seed, scale.counts, REFERENCE_DATE, config.seed.analytics), referenceDate: REFERENCE_DATE, counts: scale.counts, analytics: config.seed.analytics };
const target = await resolveTarget({ ...config, target: 'local' }, process.cwd());
const running = await ensureRunning(target);
let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const workDir = mkdtempSync(path.join(tmpdir(), 'gomflow-bench-seed-'));

try {
  process.stderr.write(`bench:seed — scale ${scale.name}, seed ${seed}, PostgreSQL on ${target.where}\n`);
  const template = await freshDatabase(target, 'gomflow_bench_template');
  const admin = await connectTarget(target, template);
  await applySchema(admin, { source: 'bundled', withShim: true });
  await admin.end();

  process.stderr.write('1/4 generation only…\n');
  const generation = new Map<string, { rows: number; ms: number }>();
  for (const spec of ALL_TABLE_SPECS) generation.set(spec.table, timeGeneration(spec));

  process.stderr.write('2/4 generate + load, one table at a time…\n');
  const ours = await seedInto(target, template, 'gomflow_bench_ours', 1);
  process.stderr.write(`3/4 generate + load, ${values.parallel} tables at a time…\n`);
  const parallel = await seedInto(target, template, 'gomflow_bench_parallel', Number(values.parallel));

  process.stderr.write('4/4 psql \\copy of the same rows…\n');
  const psqlRates = await psqlCopy(target, template, workDir);

  printTable(generation, ours.tables, psqlRates);
  console.log(`\noverall generate+load with ${values.parallel} tables in parallel: ${formatCount(parallel.totalRows)} rows in ${formatDuration(parallel.totalMs)} = ${formatCount((parallel.totalRows * 1000) / parallel.totalMs)} rows/s (wall clock, incl. ANALYZE)`);
  console.log(`peak RSS of this process: ${formatBytes(peakRss)}`);
} finally {
  clearInterval(rssTimer);
  rmSync(workDir, { recursive: true, force: true });
  await running.release();
}

function timeGeneration(spec: TableSpec): { rows: number; ms: number } {
  const started = performance.now();
  let rows = 0;
  let chunk = '';
  for (const row of spec.rows(ctx)) {
    chunk += encodeRow(row);
    rows += 1;
    if (chunk.length > 256 * 1024) chunk = '';
  }
  return { rows, ms: performance.now() - started };
}

async function freshDatabase(t: Target, name: string, from?: string): Promise<string> {
  const admin = await connectTarget(t, 'postgres');
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
  await admin.end();
  return name;
}

async function seedInto(t: Target, template: string, name: string, parallelTables: number) {
  await freshDatabase(t, name, template);
  const events = { tableStart: () => undefined, tableProgress: () => undefined, tableDone: () => undefined };
  return runSeed(() => connectTarget(t, name), ALL_TABLE_SPECS, {
    seed,
    scale: scale.name,
    counts: scale.counts,
    analytics: ctx.analytics,
    referenceDate: REFERENCE_DATE,
    parallel: parallelTables,
    signal: new AbortController().signal,
    events,
  });
}

/** Writes each table's rows to a file, then times `psql -c "\copy …"` per table, in load order. */
async function psqlCopy(t: Target, template: string, dir: string): Promise<Map<string, { rows: number; ms: number }> | undefined> {
  if (spawnSync('psql', ['--version']).status !== 0) {
    console.log('psql is not installed: no \\copy reference (apt-get install postgresql-client to get one)');
    return undefined;
  }
  const name = await freshDatabase(t, 'gomflow_bench_psql', template);
  // The profile trigger is part of both loads; the run row is not, so psql needs none.
  const rates = new Map<string, { rows: number; ms: number }>();
  const url = new URL(t.url);
  const catalog = await connectTarget(t, name);
  for (const spec of ALL_TABLE_SPECS) {
    const kinds = await columnKinds(catalog, spec);
    const file = path.join(dir, `${spec.table}.copy`);
    // Written in chunks: a whole large table as one string would not fit the memory target.
    writeFileSync(file, '');
    let text = '';
    let rows = 0;
    for (const row of spec.rows(ctx)) {
      text += encodeRow(row, kinds);
      rows += 1;
      if (text.length > 1024 * 1024) {
        appendFileSync(file, text);
        text = '';
      }
    }
    appendFileSync(file, text);
    const started = performance.now();
    const result = spawnSync('psql', ['-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), '-d', name, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${spec.table} (${spec.columns.map((c) => `"${c}"`).join(', ')}) FROM '${file}'`], {
      // The same exemption from the 30 s statement timeout that our loader gives itself.
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGOPTIONS: '-c statement_timeout=0' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`psql \\copy ${spec.table} failed: ${result.stderr.trim()}`);
    rates.set(spec.table, { rows, ms: performance.now() - started });
    rmSync(file);
  }
  await catalog.end();
  return rates;
}

function printTable(generation: Map<string, { rows: number; ms: number }>, ours: { table: string; rows: number; ms: number }[], psql: Map<string, { rows: number; ms: number }> | undefined): void {
  const rate = (r: { rows: number; ms: number }) => (r.ms > 0 ? (r.rows * 1000) / r.ms : 0);
  const header = ['table', 'rows', 'gen rows/s', 'gen+load rows/s', 'psql \\copy rows/s', 'ratio'];
  const lines: string[][] = [];
  const sum = { rows: 0, gen: 0, ours: 0, psql: 0 };
  for (const result of ours) {
    const gen = generation.get(result.table)!;
    const ref = psql?.get(result.table);
    sum.rows += result.rows;
    sum.gen += gen.ms;
    sum.ours += result.ms;
    sum.psql += ref?.ms ?? 0;
    lines.push([result.table, formatCount(result.rows), formatCount(rate(gen)), formatCount(rate(result)), ref ? formatCount(rate(ref)) : '—', ref ? (rate(result) / rate(ref)).toFixed(2) : '—']);
  }
  const total = (ms: number) => formatCount((sum.rows * 1000) / ms);
  lines.push(['ALL (sequential)', formatCount(sum.rows), total(sum.gen), total(sum.ours), psql ? total(sum.psql) : '—', psql ? (sum.psql / sum.ours).toFixed(2) : '—']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log(`\n| ${header.map((h, i) => h.padEnd(widths[i]!)).join(' | ')} |`);
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(`| ${line.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`);
}
