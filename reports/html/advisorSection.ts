import type { ReportModel } from '../buildReport.ts';
import { groupBySplinter } from '../groupBySplinter.ts';
import type { CheckResult } from '../../results/resultsModel.ts';
import { badge, emptyNote, esc, section, table } from './markup.ts';

/**
 * The checks grouped as Supabase's dashboard advisor (splinter) groups its lints, so a reader of
 * both can map one to the other: splinter's level beside ours, and what `check` reports beyond it.
 */
export function advisorSection(model: ReportModel): string {
  const { groups, beyond } = groupBySplinter(model.results.checks);
  if (groups.length === 0 && beyond.length === 0) return section('advisor', 'Supabase advisor lints', emptyNote('No check of this run corresponds to a Supabase advisor lint.'));
  const rows = groups.flatMap((group) =>
    group.entries.map(
      ({ check, findings }, i) =>
        `<tr>${i === 0 ? `<td rowspan="${group.entries.length}"><code>${esc(group.id)}</code></td><td rowspan="${group.entries.length}">${esc(group.level)}</td>` : ''}` +
        `<td>${result(check)}</td><td><code>${esc(check.id)}</code></td><td>${findings}</td><td>${esc(check.beyondSplinter ?? '')}</td></tr>`,
    ),
  );
  const more = beyond.length
    ? `<h3>Reported by check only</h3>` + table(['Result', 'Check', 'What splinter does not report'], beyond.map((check) => `<tr><td>${result(check)}</td><td><code>${esc(check.id)}</code></td><td>${esc(check.beyondSplinter!)}</td></tr>`))
    : '';
  const lead = `<p class="lead">${groups.length} of Supabase's advisor lints checked; details, evidence and fixes are under Checklist.</p>`;
  return section('advisor', 'Supabase advisor lints', lead + table(['Splinter lint', 'Splinter level', 'Our result', 'Check', 'Findings', 'Beyond splinter'], rows) + more);
}

/** Our outcome with our level: a finding of a warn-level check is a warning whatever splinter calls it. */
function result(check: CheckResult): string {
  const status = check.status === 'fail' && check.level === 'warn' ? 'warn' : check.status;
  return `${badge(status)} <span class="muted">${esc(check.level)}</span>`;
}
