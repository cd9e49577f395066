import { forecastLine } from './describeForecast.ts';
import { buildReport, type BudgetRow, type ReportExtra, type ReportModel } from './buildReport.ts';
import { formatChange, formatCount, formatInUnit } from '../core/format.ts';
import type { Results } from '../results/resultsModel.ts';

const SHOWN_REASONS = 10;
const HEADLINES = { ready: '✔ READY', 'not-ready': '✘ NOT READY', incomplete: '◐ INCOMPLETE (no budget failed)' } as const;
const WORDS = { pass: '✔ pass', fail: '✘ FAIL', skip: '– no data' } as const;

/** Short markdown of a run for terminals and pull-request comments. */
export function renderSummary(results: Results, extra: ReportExtra = {}): string {
  return renderSummaryReport(buildReport(results, extra));
}

export function renderSummaryReport(model: ReportModel): string {
  const { run } = model.results;
  const { verdict, coverage, comparison } = model;
  const lines: string[] = [];
  lines.push(`## GOMFLOW database: ${HEADLINES[verdict.status]}`, '');
  const where = [
    `run \`${md(run.id)}\``,
    `\`gomflow-load ${md(run.command)}\``,
    `${md(run.target.kind)} target, PostgreSQL ${md(run.target.serverVersion)}`,
    ...(run.scale ? [`scale ${md(run.scale)}`] : []),
    ...(run.seed !== undefined ? [`seed ${md(String(run.seed))}`] : []),
    ...(run.target.localStack ? ['⚠ measured against the local stand-in stack'] : []),
  ];
  lines.push(where.join(' · '), '');
  if (verdict.failing.length) {
    lines.push(`**Failing (${verdict.failing.length}):**`);
    for (const reason of verdict.failing.slice(0, SHOWN_REASONS)) lines.push(`- ${reason.kind}: ${md(reason.title)}`);
    if (verdict.failing.length > SHOWN_REASONS) lines.push(`- … and ${verdict.failing.length - SHOWN_REASONS} more in the report`);
    lines.push('');
  }
  if (verdict.partial) lines.push(`**Partial run:** ${md(verdict.partial)}; what follows was measured before it stopped.`, '');
  if (verdict.unmeasured.length) lines.push(`Not measured in this run: ${verdict.unmeasured.map(md).join(', ')}.`, '');
  lines.push('| Budget | Threshold | Measured | Result |', '| --- | --- | --- | --- |');
  for (const row of model.budgetRows) lines.push(budgetLine(row));
  lines.push('');
  const t = coverage.totals;
  const verified = t.pass + t.fail + t.warn + t.skip;
  lines.push(
    `Checklist: ${verified} of ${verified + t['not-run']} automatable items verified (${t.pass} pass, ${t.fail} fail, ${t.warn} warn, ${t.skip} skipped), ${t['not-run']} not run; ${t.manual} need a person.`,
  );
  if (model.queries.length || model.scenarios.length) {
    const failingQueries = model.queries.filter((q) => q.status === 'fail').length;
    lines.push(`Queries: ${model.queries.length} (${failingQueries} over budget). Scenarios: ${model.scenarios.length} (${model.scenarios.filter((s) => s.scenario.status === 'fail').length} failed).`);
  }
  if (model.results.forecast) lines.push(`Headroom ${md(forecastLine(model.results.forecast))}.`);
  if (comparison) {
    const n = comparison.regressions.length;
    lines.push(
      `Baseline \`${md(comparison.baselineRunId)}\`: ${n === 0 ? 'no regression' : `**${n} regression${n === 1 ? '' : 's'}**`} beyond p95 +${comparison.tolerance.pct} % and +${comparison.tolerance.ms} ms${n && !model.failOnRegression ? ' (flagged, not failing)' : ''}.`,
    );
    for (const entry of comparison.regressions.slice(0, SHOWN_REASONS)) lines.push(`- ${md(entry.label)}: ${formatChange(entry.p95!.deltaMs, entry.p95!.deltaPct)}`);
  }
  lines.push('');
  return lines.join('\n');
}

function budgetLine(row: BudgetRow): string {
  const first = row.members[0]!;
  const thresholds = new Set(row.members.map((member) => member.threshold));
  const threshold = thresholds.size === 1 ? `${first.comparison} ${formatInUnit(first.threshold, first.unit)}` : `${first.comparison} per-query budget`;
  const worst = row.worst?.measured != null ? `${row.members.length > 1 ? 'worst ' : ''}${formatInUnit(row.worst.measured, row.worst.unit)}` : '—';
  const counts = row.members.length > 1 && row.counts.pass + row.counts.fail > 0 ? ` (${row.counts.fail} of ${formatCount(row.counts.pass + row.counts.fail)} failed)` : '';
  return `| ${md(row.title)} | ${md(threshold)} | ${md(worst)} | ${WORDS[row.status]}${counts} |`;
}

/** Text from results inside markdown: no table breaks, no line breaks, no raw HTML tags (PR comments render HTML). */
function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/<(?=[A-Za-z/!?])/g, '\\<');
}
