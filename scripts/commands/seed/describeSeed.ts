import { SEED_PASSWORD } from '../../../generators/core/seedPassword.ts';
import type { SeedSection } from '../../../results/resultsModel.ts';
import { formatCount, formatDuration, formatRate, perSecond } from '../../../core/format.ts';

/** The line a finished seed ends with: run, rows, time, rate, and how seeded users sign in. */
export function describeSeed(section: SeedSection): string {
  return `seed run ${section.runId}: ${formatCount(section.totalRows)} rows in ${section.tables.length} tables, ${formatDuration(section.totalMs)} (${formatRate(perSecond(section.totalRows, section.totalMs), 'rows')}); users sign in with password ${SEED_PASSWORD}`;
}
