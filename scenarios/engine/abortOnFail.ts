/** What abort-on-fail watches: the run's budgets (like k6's thresholds with abortOnFail). */
export interface AbortBudgets {
  errorRatePct: number;
  /** Server connections must stay below this (the alert line). */
  peakConnections?: number;
  /** When the number of iterations is not known in advance: judge the rate only after this many requests. */
  minRequests?: number;
}

export interface RunSoFar {
  requests: number;
  errors: number;
  /** Iterations the schedule plans in all (open model); unknown for a closed model bounded by time. */
  planned?: number;
  peakConnections?: number;
}

/**
 * Why the run can stop now because a budget is already lost, or undefined. With a known
 * plan the error budget is lost once the errors exceed its share of every planned request:
 * no later success can bring the rate back under it. Without one, as k6 does, once enough
 * requests are in and the rate is over. A peak-connection budget is lost the moment it is
 * reached.
 */
export function lostBudget(run: RunSoFar, budgets: AbortBudgets): string | undefined {
  if (budgets.peakConnections !== undefined && run.peakConnections !== undefined && run.peakConnections >= budgets.peakConnections) {
    return `peak connections reached ${run.peakConnections} (budget < ${budgets.peakConnections})`;
  }
  if (run.planned !== undefined) {
    const allowed = (budgets.errorRatePct / 100) * run.planned;
    if (run.errors > allowed) return `error rate budget already lost: ${run.errors} errors, at most ${Math.floor(allowed)} allowed of ${run.planned} planned requests`;
    return undefined;
  }
  const min = budgets.minRequests ?? 100;
  if (run.requests >= min && (run.errors / run.requests) * 100 >= budgets.errorRatePct) {
    return `error rate ${((run.errors / run.requests) * 100).toFixed(1)} % after ${run.requests} requests (budget < ${budgets.errorRatePct} %)`;
  }
  return undefined;
}
