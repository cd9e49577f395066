import type { CheckResult } from '../results/resultsModel.ts';

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
