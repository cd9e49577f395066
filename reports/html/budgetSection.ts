import type { BudgetRow, ReportModel } from '../buildReport.ts';
import type { EvaluatedBudget } from '../evaluateBudgets.ts';
import { formatCount, formatInUnit } from '../../core/format.ts';
import { badge, esc, section, table } from './markup.ts';

const LISTED_FAILURES = 10;

/** Budget, threshold, measured value and outcome; per-query and per-scenario budgets as one row each, failures listed. */
export function budgetSection(model: ReportModel): string {
  const rows = model.budgetRows.map(budgetRow);
  return section(
    'budgets',
    'Budgets',
    table(['Budget', 'Threshold', 'Measured', 'Result', 'Detail'], rows, ' class="budgets cards"') +
      `<p class="muted">Per-query thresholds are the budget recorded with each query; “=” settings must equal the expected value.</p>`,
  );
}

function budgetRow(row: BudgetRow): string {
  const single = row.members.length === 1 ? row.members[0]! : undefined;
  const threshold = thresholdText(row);
  const measured = row.worst?.measured != null ? `${row.members.length > 1 ? 'worst ' : ''}${esc(formatInUnit(row.worst.measured, row.worst.unit))}${row.members.length > 1 && row.worst.subject ? `<br><span class="muted">${esc(row.worst.title)}</span>` : ''}` : '—';
  const result = badge(row.status) + (row.members.length > 1 ? ` <span class="muted">${resultCounts(row)}</span>` : '');
  let detail: string;
  if (single) detail = esc(single.detail ?? '');
  else {
    const failed = row.members.filter((member) => member.status === 'fail');
    const skipped = row.members.filter((member) => member.status === 'skip');
    const list = failed.slice(0, LISTED_FAILURES).map((member) => `<li>${esc(member.title)}: ${esc(formatInUnit(member.measured ?? 0, member.unit))}</li>`);
    if (failed.length > LISTED_FAILURES) list.push(`<li>… ${formatCount(failed.length - LISTED_FAILURES)} more in the table below</li>`);
    detail = list.length ? `<ul class="tight">${list.join('')}</ul>` : failed.length === 0 && skipped.length === 0 ? 'all within budget' : '';
    if (skipped.length) detail += `<span class="muted">${formatCount(skipped.length)} without data${skipped[0]?.detail ? ` (${esc(skipped[0].detail)})` : ''}</span>`;
  }
  return (
    `<tr class="r-${row.status}"><th scope="row">${esc(row.title)}</th><td data-label="threshold">${threshold}</td>` +
    `<td class="num" data-label="measured">${measured}</td><td data-label="result">${result}</td><td>${detail}</td></tr>`
  );
}

function thresholdText(row: BudgetRow): string {
  const first = row.members[0]!;
  const thresholds = [...new Set(row.members.map((member: EvaluatedBudget) => member.threshold))].sort((a, b) => a - b);
  const scope = row.family === 'query-p95' || row.family === 'query-max' ? ' per query' : row.family === 'error-rate' ? ' per scenario' : '';
  if (thresholds.length === 1) return `${esc(first.comparison)} ${esc(formatInUnit(first.threshold, first.unit))}${scope}`;
  return `${esc(first.comparison)} per-query budget (${esc(formatInUnit(thresholds[0]!, first.unit))} – ${esc(formatInUnit(thresholds.at(-1)!, first.unit))})`;
}

function resultCounts(row: BudgetRow): string {
  const { pass, fail, skip } = row.counts;
  const measured = pass + fail;
  return `${formatCount(fail)} of ${formatCount(measured)} failed${skip ? `, ${formatCount(skip)} no data` : ''}`;
}
