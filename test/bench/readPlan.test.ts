import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planThresholdsSchema } from '../../core/config/configSchema.ts';
import { nodeLabel } from '../../bench/planNode.ts';
import { planRelations, readPlan } from '../../bench/readPlan.ts';

const thresholds = planThresholdsSchema.parse({});
const plan = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/plans/${name}.json`, import.meta.url), 'utf8'));
const findings = (name: string, overrides: Partial<typeof thresholds> = {}) => readPlan(plan(name), { ...thresholds, ...overrides });
const ofKind = (name: string, kind: string) => findings(name).filter((finding) => finding.kind === kind);

describe('readPlan on captured plans', () => {
  it('reports a row estimate off by 10× or more, with both counts', () => {
    const [misestimate] = ofKind('misestimate', 'rowMisestimate');
    expect(misestimate).toMatchObject({ node: 'Seq Scan on t', numbers: { estimatedRows: 10, actualRows: 1000, factor: 100 } });
    expect(misestimate!.detail).toMatch(/underestimated 100×/);
  });

  it('does not call a scan stopped early by a Limit an overestimate', () => {
    expect(ofKind('limit-overestimate', 'rowMisestimate')).toEqual([]);
  });

  it('ignores estimate gaps below the factor', () => {
    expect(findings('misestimate', { misestimateFactor: 101 }).some((finding) => finding.kind === 'rowMisestimate')).toBe(false);
  });

  it('reports a sort that spilled to disk (Sort Space Type Disk), with the space used', () => {
    const [spill] = ofKind('sort-spill', 'sortSpill');
    expect(spill).toMatchObject({ node: 'Sort' });
    expect(spill!.numbers!.sortSpaceKb).toBeGreaterThan(0);
    expect(spill!.detail).toMatch(/external merge/);
    expect(ofKind('misestimate', 'sortSpill')).toEqual([]);
  });

  it('reports a hash that spilled into batches', () => {
    const [spill] = ofKind('hash-spill', 'hashSpill');
    expect(spill).toMatchObject({ node: 'Hash', numbers: { batches: 8 } });
  });

  it('reports a SubPlan re-executed per row of its parent, with its loops', () => {
    const [loops] = ofKind('subplan-loops', 'subPlanLoops');
    expect(loops).toMatchObject({ node: 'SubPlan 1: Aggregate', numbers: { loops: 500 } });
    expect(findings('subplan-loops', { perRowMinLoops: 501 }).some((finding) => finding.kind === 'subPlanLoops')).toBe(false);
  });

  it('reports a nested loop over a large outer input', () => {
    const [loop] = ofKind('nested-loop', 'nestedLoop');
    expect(loop).toMatchObject({ node: 'Nested Loop', numbers: { outerRows: 5000, innerLoops: 5000 } });
  });

  it('reports blocks read from outside shared buffers, and always the hit/read totals and indexes used', () => {
    const [read] = ofKind('buffers-read', 'buffersRead');
    expect(read).toMatchObject({ numbers: { sharedReadBlocks: 3968, sharedHitBlocks: 2304 } });
    expect(ofKind('misestimate', 'buffersRead')).toEqual([]);
    const [summary] = ofKind('subplan-loops', 'planSummary');
    expect(summary!.detail).toMatch(/indexes used: u_a_idx/);
    expect(summary!.numbers).toMatchObject({ sharedReadBlocks: 3, indexesUsed: 1 });
  });

  it('reports a seq scan on submissions that an index could serve, and not one below the row threshold', () => {
    const [scan] = ofKind('seq-scan-submissions', 'seqScan');
    expect(scan).toMatchObject({ node: 'Seq Scan on submissions', numbers: { rowsScanned: 50000, rowsReturned: 317 } });
    expect(scan!.detail).toMatch(/^seq scan on submissions/);
    expect(findings('seq-scan-submissions', { seqScanMinRows: 50_001 }).some((finding) => finding.kind === 'seqScan')).toBe(false);
  });

  it('reads the per-row auth.uid()/auth.role() of an RLS policy, inlined by the planner, back as auth calls', () => {
    const [perRow] = ofKind('rls-order-count-anon', 'perRowAuthCall');
    expect(perRow).toMatchObject({ node: 'Index Only Scan using idx_submissions_order_id on submissions', numbers: { rowsFiltered: 913, rowsReturned: 0 } });
    expect(perRow!.detail).toContain("auth.role() = 'service_role'");
    const [policyScan] = ofKind('rls-order-count-anon', 'seqScan');
    expect(policyScan!.node).toBe('SubPlan 2: Seq Scan on orders');
    expect(policyScan!.detail).toContain('auth.uid() = user_id');
  });

  it('sorts findings most serious first, the summary last', () => {
    const kinds = findings('misestimate').map((finding) => finding.kind);
    expect(kinds).toEqual(['seqScan', 'rowMisestimate', 'planSummary']);
  });

  it('lists the relations and indexes a plan touches, and labels nodes as EXPLAIN does', () => {
    expect(planRelations(plan('rls-order-count-anon'))).toEqual(['idx_submissions_order_id', 'orders', 'orders_pkey', 'submissions']);
    expect(nodeLabel({ 'Node Type': 'Index Scan', 'Index Name': 'i', 'Relation Name': 'r' })).toBe('Index Scan using i on r');
  });

  it('returns nothing for something that is not a plan', () => {
    expect(readPlan({ nope: true }, thresholds)).toEqual([]);
    expect(readPlan(null, thresholds)).toEqual([]);
  });
});
