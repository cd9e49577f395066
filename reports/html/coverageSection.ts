import type { ReportModel } from '../buildReport.ts';
import type { CoverageEvidence, CoverageItem, CoverageStatus } from '../checklistCoverage.ts';
import { formatCount } from '../../core/format.ts';
import type { CheckResult } from '../../results/resultsModel.ts';
import { badge, esc, section, table } from './markup.ts';

const EVIDENCE_ROWS = 20;

/** CHECKLIST.md section by section: what this run verified and how, what it did not run, what needs a person. */
export function coverageSection(model: ReportModel): string {
  const { totals, sections, otherChecks } = model.coverage;
  const verified = totals.pass + totals.fail + totals.warn + totals.skip;
  const summary =
    `<p class="lead">${formatCount(verified)} of ${formatCount(verified + totals['not-run'])} automatable items verified by this run ` +
    `(${badge('pass', `${totals.pass} pass`)} ${badge('fail', `${totals.fail} fail`)} ${badge('warn', `${totals.warn} warn`)}${totals.skip ? ` ${badge('skip', `${totals.skip} skipped`)}` : ''}); ` +
    `${badge('not-run', `${totals['not-run']} not run`)}; ${badge('manual', `${totals.manual} need a person`)} (backups, SMTP, contacts, sign-offs …).</p>`;
  const rows: string[] = [];
  for (const part of sections) {
    const counts = (['fail', 'warn', 'pass', 'not-run'] as const).filter((status) => part.counts[status] > 0).map((status) => `${part.counts[status]} ${status === 'not-run' ? 'not run' : status}`);
    rows.push(`<tr class="group"><th colspan="3" scope="rowgroup">${esc(part.part)} › ${esc(part.title)} <span class="muted">${esc(counts.join(', '))}</span></th></tr>`);
    for (const item of part.items.filter((entry) => entry.status !== 'manual' && entry.status !== 'not-run')) rows.push(itemRow(item));
    // Items nothing verified and items that need a person are one line each, so the verified ones stand out.
    const notRun = part.items.filter((entry) => entry.status === 'not-run');
    if (notRun.length) {
      const names = notRun.map((entry) => `${esc(entry.item.title)} <code>${esc(entry.item.check ?? '')}</code>`).join(' · ');
      rows.push(`<tr class="manual"><td>${badge('not-run')}</td><td colspan="2">Automatable, not run in this run: ${names}</td></tr>`);
    }
    const manual = part.items.filter((entry) => entry.status === 'manual');
    if (manual.length) {
      const names = manual.map((entry) => esc(entry.item.title)).join(' · ');
      rows.push(`<tr class="manual"><td>${badge('manual')}</td><td colspan="2">${manual.length === part.items.length ? 'All items need a person' : 'Needs a person'}: ${names}</td></tr>`);
    }
  }
  const other = otherChecks.length
    ? `<h3>Other checks</h3>` +
      table(['Result', 'Check', 'Section', 'What was found'], otherChecks.map((check) => `<tr><td>${badge(checkBadge(check))}</td><td><code>${esc(check.id)}</code><br>${esc(check.title)}</td><td>${esc(check.checklistSection)}</td><td>${esc(check.detail)}${checkDetails(check)}</td></tr>`))
    : '';
  return section('coverage', 'Checklist coverage', summary + table(['Result', 'Checklist item and check id', 'What was found'], rows, ' class="coverage cards"') + other);
}

function itemRow(entry: CoverageItem): string {
  const title = `<strong>${esc(entry.item.title)}</strong> ${esc(entry.item.detail)}<br><code class="muted">${esc(entry.item.check ?? '')}</code>`;
  const found = entry.evidence.length
    ? entry.evidence.map((piece) => `<div>${entry.evidence.length > 1 ? `${badge(piece.status)} ` : ''}<span class="muted">${esc(piece.source)}:</span> ${esc(piece.detail)}${piece.check ? checkDetails(piece.check) : ''}</div>`).join('')
    : '<span class="muted">not run in this run</span>';
  return `<tr class="r-${entry.status}"><td>${badge(entry.status as CoverageStatus)}</td><td>${title}</td><td>${found}</td></tr>`;
}

function checkBadge(check: CheckResult): CoverageEvidence['status'] {
  return check.status === 'fail' && check.level === 'warn' ? 'warn' : check.status;
}

/** Evidence rows and remediation SQL of a check, on demand. */
function checkDetails(check: CheckResult): string {
  if (check.evidence.length === 0 && !check.remediationSql) return '';
  const keys = [...new Set(check.evidence.slice(0, EVIDENCE_ROWS).flatMap((row) => Object.keys(row)))];
  const rows = check.evidence.slice(0, EVIDENCE_ROWS).map((row) => `<tr>${keys.map((key) => `<td>${esc(cell(row[key]))}</td>`).join('')}</tr>`);
  const evidence = keys.length
    ? `<table class="evidence"><thead><tr>${keys.map((key) => `<th>${esc(key)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${check.evidence.length > EVIDENCE_ROWS ? `<p class="muted">… ${formatCount(check.evidence.length - EVIDENCE_ROWS)} more rows in results.json</p>` : ''}`
    : '';
  const fix = check.remediationSql ? `<p>Fix:</p><pre>${esc(check.remediationSql)}</pre>` : '';
  return `<details class="print-open"><summary>evidence${fix ? ' and fix' : ''} (${formatCount(check.evidence.length)} rows)</summary>${evidence}${fix}</details>`;
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
