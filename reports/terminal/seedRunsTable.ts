import { formatCount } from '../../core/format.ts';
import type { SeedRunRecord } from '../../seed/seedRuns.ts';
import { textTable, type TextTableOptions } from './textTable.ts';

/** `seed list` for people: one line per seed run; a pure renderer. */
export function seedRunsTable(runs: readonly SeedRunRecord[], options: TextTableOptions = {}): string {
  if (runs.length === 0) return 'no seed runs\n';
  const table = textTable(
    [{ header: 'run' }, { header: 'status' }, { header: 'seed', align: 'right' }, { header: 'scale' }, { header: 'reference' }, { header: 'rows', align: 'right' }, { header: 'started', shrink: true }],
    runs.map((run) => [
      run.id,
      run.status,
      String(run.seed),
      run.scale,
      run.referenceDate.toISOString().slice(0, 10),
      formatCount(Object.values(run.counts).reduce((sum, n) => sum + n, 0)),
      run.startedAt.toISOString().replace('T', ' ').slice(0, 19) + (run.error ? `  (${run.error})` : ''),
    ]),
    options,
  );
  return `${table}\n`;
}
