import type { ReportModel } from '../buildReport.ts';
import { formatCount, formatDuration, formatRate, perSecond } from '../../core/format.ts';
import { emptyNote, esc, facts, section, table } from './markup.ts';

/** Rows per table and load rate of the run's seed, in load order. */
export function seedSection(model: ReportModel): string {
  const seed = model.results.seed;
  if (!seed) return section('seed', 'Seed', emptyNote('This run seeded no data; `gomflow-load seed` loads GOMFLOW data at a scale.'));
  if (seed.reused) {
    const reused = facts([
      ['seed run', `<code>${esc(seed.runId)}</code> (reused: loaded by an earlier run, not timed in this one)`],
      ['scale', esc(seed.scale)],
      ['seed', esc(String(seed.seed))],
      ['reference date', esc(seed.referenceDate)],
      ['rows', esc(formatCount(seed.totalRows))],
    ]);
    return section('seed', 'Seed', reused);
  }
  const summary = facts([
    ['seed run', `<code>${esc(seed.runId)}</code>`],
    ['scale', esc(seed.scale)],
    ['seed', esc(String(seed.seed))],
    ['reference date', esc(seed.referenceDate)],
    ['rows', `${esc(formatCount(seed.totalRows))} in ${esc(formatCount(seed.tables.length))} tables`],
    ['time', `${esc(formatDuration(seed.totalMs))} (${esc(formatRate(perSecond(seed.totalRows, seed.totalMs), 'rows'))})`],
  ]);
  const widest = Math.max(...seed.tables.map((t) => t.rows), 1);
  const rows = seed.tables.map(
    (t) =>
      `<tr><th scope="row"><code>${esc(t.table)}</code></th><td class="num">${esc(formatCount(t.rows))}</td>` +
      `<td class="bar-cell" aria-hidden="true"><span class="bar" style="width:${((t.rows / widest) * 100).toFixed(1)}%"></span></td>` +
      `<td class="num">${esc(formatDuration(t.ms))}</td><td class="num">${esc(formatRate(t.rowsPerSecond))}</td></tr>`,
  );
  return section('seed', 'Seed', summary + table(['Table (load order)', 'Rows', '', 'Time', 'Rows/s'], rows, ' class="seed"'));
}
