import { formatCount } from '../../core/format.ts';
import type { SeedRunRecord } from '../../seed/seedRuns.ts';
import { textTable, type TextTableOptions } from './textTable.ts';

/** `seed list` for people: one line per run, a seed (its scale) or a kept load scenario (its name); a pure renderer. */
export function seedRunsTable(runs: readonly SeedRunRecord[], options: TextTableOptions = {}): string {
  if (runs.length === 0) return 'no seed runs\n';
  const table = textTable(
    [{ header: 'run' }, { header: 'kind' }, { header: 'status' }, { header: 'seed', align: 'right' }, { header: 'scale / scenario' }, { header: 'reference' }, { header: 'rows', align: 'right' }, { header: 'started', shrink: true }],
    runs.map((run) => [
      run.id,
      run.kind,
      run.status,
      run.kind === 'seed' ? String(run.seed) : '—',
      (run.kind === 'seed' ? run.scale : run.scenario) ?? '—',
      run.referenceDate.toISOString().slice(0, 10),
      formatCount(Object.values(run.counts).reduce((sum, n) => sum + n, 0)),
      run.startedAt.toISOString().replace('T', ' ').slice(0, 19) + (run.error ? `  (${run.error})` : ''),
    ]),
    options,
  );
  return `${table}\n`;
}
