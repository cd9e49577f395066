import type { ReportModel } from '../buildReport.ts';
import { formatCount } from '../../core/format.ts';
import { esc } from './markup.ts';

const SHOWN_REASONS = 25;

/** The banner at the top: ready, not ready (naming what failed) or incomplete (naming what was not measured). */
export function verdictSection(model: ReportModel): string {
  const { verdict, results, comparison } = model;
  const parts: string[] = [];
  if (verdict.status === 'not-ready') {
    parts.push(`<p class="verdict-word"><span aria-hidden="true">✘</span> NOT READY</p>`);
    parts.push(`<p>${esc(failureSentence(model))}</p>`);
    const shown = verdict.failing.slice(0, SHOWN_REASONS).map((reason) => `<li><strong>${esc(reason.kind)}</strong> ${esc(reason.title)}</li>`);
    if (verdict.failing.length > SHOWN_REASONS) shown.push(`<li>… and ${formatCount(verdict.failing.length - SHOWN_REASONS)} more below</li>`);
    parts.push(`<ul class="reasons">${shown.join('')}</ul>`);
  } else if (verdict.status === 'incomplete') {
    parts.push(`<p class="verdict-word"><span aria-hidden="true">◐</span> INCOMPLETE — no budget failed</p>`);
    if (verdict.unmeasured.length > 0) {
      parts.push(`<p>${formatCount(verdict.budgetCounts.pass)} measured budgets met, but this run did not measure: <strong>${esc(verdict.unmeasured.join(', '))}</strong>. It is not evidence of readiness for those.</p>`);
    }
  } else {
    parts.push(`<p class="verdict-word"><span aria-hidden="true">✔</span> READY</p>`);
    parts.push(`<p>Every budget met: ${formatCount(verdict.budgetCounts.pass)} budgets passed${verdict.budgetCounts.skip ? `, ${formatCount(verdict.budgetCounts.skip)} had no data` : ''}; no fail-level check failed.</p>`);
  }
  if (verdict.partial) {
    parts.push(`<p><strong>Partial run:</strong> ${esc(verdict.partial)}. Everything below was measured before it stopped; the rest was not measured.</p>`);
  }
  if (verdict.status === 'not-ready' && verdict.unmeasured.length > 0) {
    parts.push(`<p class="muted">Not measured in this run: ${esc(verdict.unmeasured.join(', '))}.</p>`);
  }
  if (comparison) {
    const n = comparison.regressions.length;
    const tolerance = `p95 +${comparison.tolerance.pct} % and at least +${comparison.tolerance.ms} ms`;
    parts.push(
      `<p>Baseline run <code>${esc(comparison.baselineRunId)}</code>: ${n === 0 ? 'no regression' : `<strong>${n} regression${n === 1 ? '' : 's'}</strong>`} beyond ${esc(tolerance)}${n > 0 ? (model.failOnRegression ? ' (fails the run: --fail-on-regression)' : ' (flagged; pass --fail-on-regression to fail the run)') : ''}.</p>`,
    );
  }
  if (results.run.target.localStack) {
    parts.push(`<p class="stand-in"><span aria-hidden="true">⚠</span> Measured against the local Supabase-compatible stand-in stack, not a real Supabase project: REST, realtime and storage numbers show the database's share, not Supabase's services.</p>`);
  }
  return `<section id="verdict" class="verdict v-${verdict.status}" role="status" aria-live="polite">${parts.join('')}</section>`;
}

function failureSentence(model: ReportModel): string {
  const count = (kind: string) => model.verdict.failing.filter((reason) => reason.kind === kind).length;
  const pieces = [
    [count('budget'), 'budget failed', 'budgets failed'],
    [count('check'), 'fail-level check failed', 'fail-level checks failed'],
    [count('scenario'), 'scenario failed', 'scenarios failed'],
    [count('regression'), 'regression', 'regressions'],
  ] as const;
  const said = pieces.filter(([n]) => n > 0).map(([n, one, many]) => `${formatCount(n)} ${n === 1 ? one : many}`);
  return `${said.join(', ')}:`;
}
