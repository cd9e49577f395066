import type { PlanThresholds } from '../core/config/configSchema.ts';
import type { QueryFinding } from '../results/resultsModel.ts';
import { children, isNode, num, str, type PlanNode } from './planNode.ts';
import { bufferFindings, misestimateFinding, nestedLoopFinding, perRowFindings, scanFindings, spillFindings, type Visit } from './planRules.ts';

/**
 * Finding kinds of the plan reader, most serious first (reports and the bench table show the
 * first). planSummary is informational: the indexes used and the shared-buffer traffic.
 */
export const PLAN_FINDING_ORDER = [
  'seqScan',
  'genericPlanSlower',
  'perRowAuthCall',
  'subPlanLoops',
  'nestedLoop',
  'sortSpill',
  'hashSpill',
  'rowsRemovedByFilter',
  'rowMisestimate',
  'buffersRead',
  'functionStatement',
  'planSummary',
] as const;

/** At most this many misestimate findings per plan: one bad estimate usually misleads several nodes above it. */
const MAX_MISESTIMATES = 3;

/**
 * Reads an EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) plan into findings, each naming its node
 * and carrying the numbers behind it; sorted most serious first (PLAN_FINDING_ORDER). Row counts
 * are per loop in EXPLAIN, so totals below are multiplied by the node's loops. Pure.
 */
export function readPlan(plan: unknown, thresholds: PlanThresholds): QueryFinding[] {
  const top = Array.isArray(plan) ? plan[0] : plan;
  if (!isNode(top) || !isNode(top.Plan)) return [];
  const visits: Visit[] = [];
  const walk = (node: PlanNode, mayStopEarly: boolean) => {
    visits.push({ node, mayStopEarly });
    const type = str(node, 'Node Type');
    const join = str(node, 'Join Type');
    const stops = mayStopEarly || type === 'Limit' || join === 'Semi' || join === 'Anti';
    for (const child of children(node)) {
      const relationship = str(child, 'Parent Relationship');
      walk(child, stops || relationship === 'SubPlan' || relationship === 'InitPlan');
    }
  };
  walk(top.Plan, false);

  const findings: QueryFinding[] = [];
  const misestimates: (QueryFinding & { ratio: number })[] = [];
  for (const { node, mayStopEarly } of visits) {
    if (num(node, 'Actual Loops') === 0) continue;
    findings.push(...scanFindings(node, thresholds), ...perRowFindings(node, thresholds), ...spillFindings(node));
    const nested = nestedLoopFinding(node, thresholds);
    if (nested) findings.push(nested);
    const misestimate = misestimateFinding(node, mayStopEarly, thresholds);
    if (misestimate) misestimates.push(misestimate);
  }
  misestimates.sort((a, b) => b.ratio - a.ratio);
  findings.push(...misestimates.slice(0, MAX_MISESTIMATES).map(({ ratio: _ratio, ...finding }) => finding));
  findings.push(...bufferFindings(top.Plan, visits, thresholds));
  return sortFindings(findings);
}

/** Most serious first (PLAN_FINDING_ORDER; kinds not listed last), keeping the order within a kind. Pure. */
export function sortFindings(findings: readonly QueryFinding[]): QueryFinding[] {
  const rank = (kind: string) => {
    const at = (PLAN_FINDING_ORDER as readonly string[]).indexOf(kind);
    return at === -1 ? PLAN_FINDING_ORDER.length : at;
  };
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding.kind) - rank(b.finding.kind) || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Relations and indexes a plan touches, for the what-if's "affected queries". */
export function planRelations(plan: unknown): string[] {
  const top = Array.isArray(plan) ? plan[0] : plan;
  if (!isNode(top) || !isNode(top.Plan)) return [];
  const found = new Set<string>();
  const walk = (node: PlanNode) => {
    for (const key of ['Relation Name', 'Index Name']) {
      const name = str(node, key);
      if (name) found.add(name);
    }
    children(node).forEach(walk);
  };
  walk(top.Plan);
  return [...found].sort();
}
