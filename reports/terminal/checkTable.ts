import type { CheckResult } from '../../results/resultsModel.ts';
import { summarizeChecks } from '../summarizeChecks.ts';
import { textTable, type TextTableOptions } from './textTable.ts';

const MARK: Record<CheckResult['status'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/**
 * One line per check (status, id, the number of the Supabase advisor lint it matches, detail cut to the width)
 * and a closing count; a pure renderer.
 */
export function checkTable(checks: readonly CheckResult[], options: TextTableOptions = {}): string {
  // Results written before checks were tagged have no splinter column to show.
  const tagged = checks.some((c) => c.splinter?.length);
  const table = textTable(
    [{ header: 'result' }, { header: 'check' }, ...(tagged ? [{ header: 'splinter' }] : []), { header: 'detail', shrink: true }],
    checks.map((c) => [MARK[c.status], c.id, ...(tagged ? [splinterCell(c)] : []), c.detail.replace(/\s+/g, ' ')]),
    { ...options, width: options.width ?? 120 },
  );
  const s = summarizeChecks(checks);
  const verdict = s.gating.length ? `${s.gating.length} fail-level checks failed: ${s.gating.join(', ')}` : 'no fail-level check failed';
  return [table, '', `${checks.length} checks: ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.skip} skip; ${verdict}`].join('\n');
}

/** The lint numbers (`0011`, `0028 0029`): the full ids would leave the detail no room; results.json and the report carry them. */
function splinterCell(check: CheckResult): string {
  return (check.splinter ?? []).map((tag) => tag.id.slice(0, 4)).join(' ');
}
