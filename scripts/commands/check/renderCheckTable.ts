import type { CheckResult } from '../../../results/resultsModel.ts';

export interface CheckSummary {
  pass: number;
  warn: number;
  fail: number;
  skip: number;
  /** Checks that failed at level fail: these decide the exit code. */
  gating: string[];
}

export function summarizeChecks(checks: readonly CheckResult[]): CheckSummary {
  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return { pass: count('pass'), warn: count('warn'), fail: count('fail'), skip: count('skip'), gating: checks.filter((c) => c.status === 'fail' && c.level === 'fail').map((c) => c.id) };
}

const MARK: Record<CheckResult['status'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

/** One line per check (status, id, detail cut to the width) and a closing count; a pure renderer. */
export function renderCheckTable(checks: readonly CheckResult[], width = 120): string {
  const idWidth = Math.max(5, ...checks.map((c) => c.id.length));
  const room = Math.max(20, width - idWidth - 10);
  const lines = checks.map((c) => {
    const detail = c.detail.replace(/\s+/g, ' ');
    return `${MARK[c.status].padEnd(6)}  ${c.id.padEnd(idWidth)}  ${detail.length > room ? `${detail.slice(0, room - 1)}…` : detail}`;
  });
  const s = summarizeChecks(checks);
  const verdict = s.gating.length ? `${s.gating.length} fail-level checks failed: ${s.gating.join(', ')}` : 'no fail-level check failed';
  return [`${'result'.padEnd(6)}  ${'check'.padEnd(idWidth)}  detail`, ...lines, '', `${checks.length} checks: ${s.pass} pass, ${s.warn} warn, ${s.fail} fail, ${s.skip} skip; ${verdict}`].join('\n');
}
