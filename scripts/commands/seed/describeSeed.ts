import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import type { SeedSection } from '../../../results/resultsModel.ts';
import { formatRate } from '../../progress/seedProgress.ts';

/** The line a finished seed ends with: run, rows, time, rate, and how seeded users sign in. */
export function describeSeed(section: SeedSection): string {
  return `seed run ${section.runId}: ${section.totalRows.toLocaleString('en-US')} rows in ${section.tables.length} tables, ${(section.totalMs / 1000).toFixed(1)} s (${formatRate(section.totalRows, section.totalMs)} rows/s); users sign in with password ${SEED_PASSWORD}`;
}
