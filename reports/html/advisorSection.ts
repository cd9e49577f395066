import type { ReportModel } from '../buildReport.ts';
import { groupBySplinter } from '../groupBySplinter.ts';
import { formatCount, formatMs } from '../../core/format.ts';
import type { CheckResult, ScenarioResult } from '../../results/resultsModel.ts';
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
  return section('advisor', 'Supabase advisor lints', lead + table(['Splinter lint', 'Splinter level', 'Our result', 'Check', 'Findings', 'Beyond splinter'], rows) + more + unusedUnderLoad(model.results.scenarios));
}

/** 0005_unused_index as only a load run can say it: per scenario, the indexes it maintained and never read. */
function unusedUnderLoad(scenarios: readonly ScenarioResult[]): string {
  const measured = scenarios.filter((scenario) => scenario.unusedIndexes);
  if (measured.length === 0) return '';
  const rows = measured.flatMap((scenario) =>
    scenario.unusedIndexes!.length === 0
      ? [`<tr><td>${esc(scenario.name)}</td><td colspan="4">every index its writes maintained was also read</td></tr>`]
      : scenario.unusedIndexes!.map(
          (index) =>
            `<tr><td>${esc(scenario.name)}</td><td><code>${esc(index.index)}</code></td><td>maintained ${formatCount(index.maintained)} times, used 0 times</td>` +
            `<td>${index.tableWrites ? `${formatCount(index.tableWrites.calls)} writes, ${formatMs(index.tableWrites.meanMs)} ms each` : 'not measured (no pg_stat_statements)'}</td><td>${index.tableIndexes}</td></tr>`,
        ),
  );
  return `<h3>Unused under load <code>0005_unused_index</code></h3>` + table(['Scenario', 'Index', 'Under the scenario', 'Writes of its table', 'Indexes on the table'], rows);
}

/** Our outcome with our level: a finding of a warn-level check is a warning whatever splinter calls it. */
function result(check: CheckResult): string {
  const status = check.status === 'fail' && check.level === 'warn' ? 'warn' : check.status;
  return `${badge(status)} <span class="muted">${esc(check.level)}</span>`;
}
