import { CHECK_CATALOG, type CheckId } from './checkCatalog.ts';
import { CHECKLIST, type ChecklistItem } from './checklistItems.ts';
import { FAMILY_TITLES, type BudgetFamily, type EvaluatedBudget } from './evaluateBudgets.ts';
import type { CheckResult, Results } from '../results/resultsModel.ts';
import { formatCount, formatMs, formatPct, formatRate, perSecond } from '../core/format.ts';

/** What this run says about one checklist item. "not-run": automatable, but nothing in this run verified it. */
export type CoverageStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'not-run' | 'manual';

/** One piece of evidence for an item: a check, a budget family, a scenario or the seed. */
export interface CoverageEvidence {
  /** Where it comes from, e.g. "check rls.enabled", "budget Query p95", "scenario realtime-fanout". */
  source: string;
  status: Exclude<CoverageStatus, 'not-run' | 'manual'>;
  /** What was found. */
  detail: string;
  /** The check itself, for evidence rows and remediation SQL. */
  check?: CheckResult;
}

export interface CoverageItem {
  item: ChecklistItem;
  status: CoverageStatus;
  evidence: CoverageEvidence[];
}

export interface CoverageSection {
  part: string;
  title: string;
  items: CoverageItem[];
  counts: Record<CoverageStatus, number>;
}

export interface ChecklistCoverage {
  sections: CoverageSection[];
  /** Items over the whole checklist by status. */
  totals: Record<CoverageStatus, number>;
  /** Checks whose id is not in the catalogue: shown, but mapped to no item. */
  otherChecks: CheckResult[];
}

const WORST_FIRST: readonly CoverageEvidence['status'][] = ['fail', 'warn', 'pass', 'skip'];

const BUDGET_SOURCES: Partial<Record<CheckId, BudgetFamily | { setting: string }>> = {
  'query.performance': 'query-p95',
  'query.slow-ceiling': 'query-max',
  'load.error-rate': 'error-rate',
  'load.concurrent-connections': 'peak-connections',
  'settings.max-connections': { setting: 'max_connections' },
  'settings.statement-timeout': { setting: 'statement_timeout' },
  'settings.idle-timeout': { setting: 'idle_in_transaction_session_timeout' },
};

const SCENARIO_SOURCES: Partial<Record<CheckId, RegExp>> = {
  'load.realtime': /realtime/i,
  'load.storage': /storage|upload/i,
};

/** Per CHECKLIST.md section: which items this run verified and how, which need a person, which were not run. */
export function checklistCoverage(results: Results, evaluations: readonly EvaluatedBudget[]): ChecklistCoverage {
  const evidenceOf = (id: CheckId) => [...fromChecks(results, id), ...derived(results, evaluations, id)];
  const sections = CHECKLIST.map((section) => {
    const items = section.items.map((item): CoverageItem => {
      if (!item.check) return { item, status: 'manual', evidence: [] };
      const evidence = evidenceOf(item.check);
      const worst = WORST_FIRST.find((status) => evidence.some((piece) => piece.status === status));
      return { item, status: worst ?? 'not-run', evidence };
    });
    return { part: section.part, title: section.title, items, counts: countStatuses(items) };
  });
  const known = new Set<string>(Object.keys(CHECK_CATALOG));
  return {
    sections,
    totals: countStatuses(sections.flatMap((section) => section.items)),
    otherChecks: results.checks.filter((check) => !known.has(check.id)),
  };
}

function countStatuses(items: readonly CoverageItem[]): Record<CoverageStatus, number> {
  const counts: Record<CoverageStatus, number> = { pass: 0, fail: 0, warn: 0, skip: 0, 'not-run': 0, manual: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

function fromChecks(results: Results, id: CheckId): CoverageEvidence[] {
  return results.checks
    .filter((check) => check.id === id)
    .map((check) => ({
      source: `check ${check.id}`,
      // A failed warn-level check does not gate the run, so it shows as a warning.
      status: check.status === 'fail' && check.level === 'warn' ? 'warn' : check.status,
      detail: check.detail,
      check,
    }));
}

function derived(results: Results, evaluations: readonly EvaluatedBudget[], id: CheckId): CoverageEvidence[] {
  const budget = BUDGET_SOURCES[id];
  if (budget !== undefined) {
    const members = evaluations.filter((evaluation) => (typeof budget === 'string' ? evaluation.family === budget : evaluation.id === `setting:${budget.setting}`));
    const measured = members.filter((evaluation) => evaluation.status !== 'skip');
    if (measured.length === 0) return [];
    const failed = measured.filter((evaluation) => evaluation.status === 'fail');
    const detail = failed.length > 0 ? `${failed.length} of ${measured.length} failed: ${failed.slice(0, 3).map((f) => f.title).join('; ')}${failed.length > 3 ? ' …' : ''}` : measured.length === 1 ? (measured[0]!.detail ?? `${measured[0]!.title} within budget`) : `${measured.length} of ${measured.length} within budget`;
    return [{ source: `budget ${members[0]!.family === 'setting' ? members[0]!.title : FAMILY_TITLES[members[0]!.family]}`, status: failed.length > 0 ? 'fail' : 'pass', detail }];
  }
  const scenarioPattern = SCENARIO_SOURCES[id];
  if (scenarioPattern) {
    return results.scenarios
      // launch-drop carries realtime and storage sections of its own: evidence too.
      .filter((scenario) => scenarioPattern.test(scenario.name) || (id === 'load.realtime' && scenario.realtime !== undefined) || (id === 'load.storage' && scenario.storage !== undefined))
      .map((scenario) => ({
        source: `scenario ${scenario.name}`,
        status: scenario.status,
        detail: scenario.detail ?? `${scenario.requests} requests, ${formatPct(scenario.errorRatePct)} errors, p95 ${formatMs(scenario.latency.p95Ms)} ms`,
      }));
  }
  // A reused seed was loaded by another run: this one measured no bulk load.
  if (id === 'load.bulk' && results.seed && !results.seed.reused) {
    const { seed } = results;
    return [{ source: `seed ${seed.runId}`, status: seed.totalRows > 0 ? 'pass' : 'skip', detail: `${formatCount(seed.totalRows)} rows into ${seed.tables.length} tables by COPY (${formatRate(perSecond(seed.totalRows, seed.totalMs), 'rows')}, scale ${seed.scale})` }];
  }
  if (id === 'budgets.all') {
    const measured = evaluations.filter((evaluation) => evaluation.status !== 'skip' && evaluation.family !== 'setting');
    if (measured.length === 0) return [];
    const failed = measured.filter((evaluation) => evaluation.status === 'fail').length;
    return [{ source: 'budgets', status: failed > 0 ? 'fail' : 'pass', detail: failed > 0 ? `${failed} of ${measured.length} budgets failed` : `all ${measured.length} measured budgets met` }];
  }
  return [];
}
