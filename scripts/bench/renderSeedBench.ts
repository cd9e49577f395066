import type { TableTiming } from './psqlCopy.ts';
import type { SeedBenchResult } from './runSeedBench.ts';

/**
 * The seed bench as a markdown table: per table the rows/s of generation alone, our loader on
 * the normal and the fast path (COPY only: the fast path's index builds come at the end) and
 * psql's \copy, with the ratios; then the wall clock of each whole load, which is the figure
 * that counts.
 */
export function renderSeedBench(result: SeedBenchResult): string {
  const { normal, fast, generation, psql } = result;
  const fastByTable = new Map(fast.tables.map((t) => [t.table, t]));
  const header = ['table', 'rows', 'gen rows/s', 'normal rows/s', 'fast rows/s', 'psql \\copy rows/s', 'fast ÷ normal', 'normal ÷ psql', 'fast ÷ psql'];
  const lines = normal.tables.map((ours) => {
    const quick = fastByTable.get(ours.table);
    const gen = generation.get(ours.table);
    const ref = psql?.get(ours.table);
    return [ours.table, fmt(ours.rows), gen ? fmt(rate(gen)) : '—', fmt(rate(ours)), quick ? fmt(rate(quick)) : '—', ref ? fmt(rate(ref)) : '—', ratio(quick, ours), ratio(ours, ref), ratio(quick, ref)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [row(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(row), ''];

  const psqlMs = psql ? [...psql.values()].reduce((sum, t) => sum + t.ms, 0) : undefined;
  const wall = (label: string, ms: number, how: string) => `  ${label.padEnd(12)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${fmt((normal.totalRows * 1000) / ms).padStart(9)} rows/s  ${how}`;
  out.push(`whole load of ${fmt(normal.totalRows)} rows (scale ${result.scale}), wall clock:`);
  out.push(wall('ours-normal', normal.totalMs, `(${result.parallel} table(s) at a time, every index maintained, incl. ANALYZE)`));
  const rebuild = fast.fast
    ? `${fast.fast.foreignKeys} foreign keys checked, ${fast.fast.indexes} indexes rebuilt + ANALYZE in ${(fast.fast.rebuildMs / 1000).toFixed(1)} s`
    : 'no index rebuilt';
  out.push(wall('ours-fast', fast.totalMs, `(one transaction; ${rebuild}, included)`));
  if (psqlMs !== undefined) out.push(wall('psql \\copy', psqlMs, '(sum of per-table \\copy of pre-generated files, every index maintained, no ANALYZE)'));
  else out.push('  psql \\copy   — psql is not installed (apt-get install postgresql-client to get one)');
  const speedups = [`fast vs normal ×${(normal.totalMs / fast.totalMs).toFixed(2)}`];
  if (psqlMs !== undefined) speedups.push(`fast vs psql ×${(psqlMs / fast.totalMs).toFixed(2)}`, `normal vs psql ×${(psqlMs / normal.totalMs).toFixed(2)}`);
  out.push(`  ${speedups.join(', ')} (×N: N times as fast)`);
  out.push(`peak RSS of the bench process: ${result.peakRssMb} MB`);
  return out.join('\n');
}

function rate(t: TableTiming): number {
  return t.ms > 0 ? (t.rows * 1000) / t.ms : 0;
}

/** How many times as fast `a` loaded as `b`, or a dash when either is missing. */
function ratio(a: TableTiming | undefined, b: TableTiming | undefined): string {
  if (!a || !b || rate(a) === 0 || rate(b) === 0) return '—';
  return (rate(a) / rate(b)).toFixed(2);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
