import type { CheckResult } from '../../results/resultsModel.ts';
import { summarizeChecks } from '../summarizeChecks.ts';
import { textTable, type TextTableOptions } from './textTable.ts';

const MARK: Record<CheckResult['status'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/** One line per check (status, id, detail cut to the width) and a closing count; a pure renderer. */
export function checkTable(checks: readonly CheckResult[], options: TextTableOptions = {}): string {
  const table = textTable(
    [{ header: 'result' }, { header: 'check' }, { header: 'detail', shrink: true }],
    checks.map((c) => [MARK[c.status], c.id, c.detail.replace(/\s+/g, ' ')]),
    { ...options, width: options.width ?? 120 },
  );
  const s = summarizeChecks(checks);
  const verdict = s.gating.length ? `${s.gating.length} fail-level checks failed: ${s.gating.join(', ')}` : 'no fail-level check failed';
  return [table, '', `${checks.length} checks: ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.skip} skip; ${verdict}`].join('\n');
}
