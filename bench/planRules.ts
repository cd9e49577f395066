import type { PlanThresholds } from '../core/config/configSchema.ts';
import type { QueryFinding } from '../results/resultsModel.ts';
import { formatCount } from '../core/format.ts';
import { AUTH_CALL, children, clip, isNode, nodeLabel, num, round3, str, type PlanNode } from './planNode.ts';

// The plan reader's rules, one per kind of finding: each reads one node and returns what it found. Pure.

/** A plan node as readPlan visits it. */
export interface Visit {
  node: PlanNode;
  /** A Limit, semi/anti join or sub-plan above it may stop it before it returns everything it estimated. */
  mayStopEarly: boolean;
}

function scanned(node: PlanNode): { loops: number; returned: number; removed: number; total: number } {
  const loops = Math.max(1, num(node, 'Actual Loops'));
  const returned = num(node, 'Actual Rows') * loops;
  const removed = (num(node, 'Rows Removed by Filter') + num(node, 'Rows Removed by Index Recheck')) * loops;
  return { loops, returned, removed, total: returned + removed };
}

export function scanFindings(node: PlanNode, t: PlanThresholds): QueryFinding[] {
  const type = str(node, 'Node Type') ?? '';
  const filter = str(node, 'Filter');
  if (!filter) return [];
  const rows = scanned(node);
  if (rows.total < t.seqScanMinRows || rows.returned > t.seqScanMaxReturnedShare * rows.total) return [];
  const numbers = { rowsScanned: rows.total, rowsReturned: rows.returned, rowsRemovedByFilter: rows.removed, loops: rows.loops };
  const relation = str(node, 'Relation Name') ?? '?';
  const loops = rows.loops > 1 ? ` over ${formatCount(rows.loops)} loops` : '';
  if (/Seq Scan$/.test(type)) {
    return [
      {
        kind: 'seqScan',
        node: nodeLabel(node),
        detail:
          `seq scan on ${relation}: read ${formatCount(rows.total)} rows${loops} to return ${formatCount(rows.returned)} (Filter: ${clip(filter)}); an index on the filtered columns could serve it` +
          (AUTH_CALL.test(filter) ? ', and the filter calls auth.uid()/auth.role() on every row it reads (an RLS policy: wrap the call as (select auth.uid()))' : ''),
        numbers,
      },
    ];
  }
  if (/Index|Bitmap Heap/.test(type)) {
    return [
      {
        kind: 'rowsRemovedByFilter',
        node: nodeLabel(node),
        detail: `${type} on ${relation} read ${formatCount(rows.total)} rows${loops} and its Filter discarded ${formatCount(rows.removed)} (Filter: ${clip(filter)}); the index does not cover the filter`,
        numbers,
      },
    ];
  }
  return [];
}

export function perRowFindings(node: PlanNode, t: PlanThresholds): QueryFinding[] {
  const findings: QueryFinding[] = [];
  const relationship = str(node, 'Parent Relationship');
  const loops = num(node, 'Actual Loops');
  if ((relationship === 'SubPlan' || relationship === 'InitPlan') && loops >= t.perRowMinLoops) {
    findings.push({
      kind: 'subPlanLoops',
      node: nodeLabel(node),
      detail: `${str(node, 'Subplan Name') ?? relationship} ran ${formatCount(loops)} times, once per row of its parent (${(num(node, 'Actual Total Time') * loops).toFixed(1)} ms in all); a correlated subquery or an RLS EXISTS evaluated per row`,
      numbers: { loops, rowsPerLoop: num(node, 'Actual Rows'), totalMs: round3(num(node, 'Actual Total Time') * loops) },
    });
  }
  const condition = [str(node, 'Filter'), str(node, 'Join Filter')].filter(Boolean).join(' AND ');
  // A seq scan found with such a filter already says so (scanFindings); one finding per node is enough.
  if (AUTH_CALL.test(condition) && !scanFindings(node, t).some((finding) => finding.kind === 'seqScan')) {
    const rows = scanned(node);
    if (rows.total >= t.perRowMinLoops) {
      findings.push({
        kind: 'perRowAuthCall',
        node: nodeLabel(node),
        detail: `an RLS filter calls auth.uid()/auth.role() on each of ${formatCount(rows.total)} rows (it returned ${formatCount(rows.returned)}; Filter: ${clip(condition)}); wrapped as (select auth.uid()) it would run once per statement (Supabase lint auth_rls_initplan)`,
        numbers: { rowsFiltered: rows.total, rowsReturned: rows.returned, rowsRemovedByFilter: rows.removed, loops: rows.loops },
      });
    }
  }
  return findings;
}

export function spillFindings(node: PlanNode): QueryFinding[] {
  const findings: QueryFinding[] = [];
  const type = str(node, 'Node Type') ?? '';
  const workers = Array.isArray(node.Workers) ? node.Workers.filter(isNode) : [];
  if (type === 'Sort' || type === 'Incremental Sort') {
    const disk = [node, ...workers].filter((part) => str(part, 'Sort Space Type') === 'Disk');
    if (disk.length > 0) {
      const spaceKb = disk.reduce((sum, part) => sum + num(part, 'Sort Space Used'), 0);
      findings.push({
        kind: 'sortSpill',
        node: nodeLabel(node),
        detail: `sort spilled to disk (${str(node, 'Sort Method') ?? 'external'}, ${formatCount(spaceKb)} kB); work_mem is smaller than the rows sorted`,
        numbers: { sortSpaceKb: spaceKb, tempWrittenBlocks: num(node, 'Temp Written Blocks') },
      });
    }
  }
  const batches = Math.max(num(node, 'Hash Batches'), num(node, 'HashAgg Batches'));
  const diskKb = num(node, 'Disk Usage');
  if (batches > 1 || diskKb > 0) {
    findings.push({
      kind: 'hashSpill',
      node: nodeLabel(node),
      detail: `${type} spilled to disk in ${formatCount(batches)} batches${diskKb ? ` (${formatCount(diskKb)} kB)` : ''}; work_mem is smaller than the hash table`,
      numbers: { batches, originalBatches: num(node, 'Original Hash Batches'), diskKb, peakMemoryKb: num(node, 'Peak Memory Usage') },
    });
  }
  return findings;
}

export function nestedLoopFinding(node: PlanNode, t: PlanThresholds): QueryFinding | undefined {
  if (str(node, 'Node Type') !== 'Nested Loop') return undefined;
  const kids = children(node);
  const outer = kids.find((child) => str(child, 'Parent Relationship') === 'Outer') ?? kids[0];
  const inner = kids.find((child) => str(child, 'Parent Relationship') === 'Inner') ?? kids[1];
  if (!outer || !inner) return undefined;
  const outerRows = num(outer, 'Actual Rows') * Math.max(1, num(outer, 'Actual Loops'));
  if (outerRows < t.nestedLoopOuterRows) return undefined;
  const innerLoops = num(inner, 'Actual Loops');
  return {
    kind: 'nestedLoop',
    node: nodeLabel(node),
    detail: `nested loop over ${formatCount(outerRows)} outer rows (${nodeLabel(outer)}) runs ${nodeLabel(inner)} ${formatCount(innerLoops)} times (${(num(inner, 'Actual Total Time') * innerLoops).toFixed(1)} ms in all)`,
    numbers: { outerRows, innerLoops, innerTotalMs: round3(num(inner, 'Actual Total Time') * innerLoops) },
  };
}

export function misestimateFinding(node: PlanNode, mayStopEarly: boolean, t: PlanThresholds): (QueryFinding & { ratio: number }) | undefined {
  if (typeof node['Plan Rows'] !== 'number' || typeof node['Actual Rows'] !== 'number') return undefined;
  const estimated = num(node, 'Plan Rows');
  const actual = num(node, 'Actual Rows');
  // A node under a Limit, a semi/anti join or a sub-plan is often stopped early: fewer rows than estimated is expected there.
  if (actual < estimated && mayStopEarly) return undefined;
  if (Math.max(actual, estimated) < t.misestimateMinRows) return undefined;
  const ratio = Math.max(actual, estimated) / Math.max(Math.min(actual, estimated), 1);
  if (ratio < t.misestimateFactor) return undefined;
  return {
    kind: 'rowMisestimate',
    node: nodeLabel(node),
    detail: `estimated ${formatCount(estimated)} rows, got ${formatCount(actual)} (${actual > estimated ? 'under' : 'over'}estimated ${ratio >= 100 ? formatCount(ratio) : ratio.toFixed(1)}×, per loop); stale statistics or correlated columns, and the plan above it is chosen on the wrong count`,
    numbers: { estimatedRows: estimated, actualRows: actual, factor: round3(ratio), loops: num(node, 'Actual Loops') },
    ratio,
  };
}

export function bufferFindings(root: PlanNode, visits: Visit[], t: PlanThresholds): QueryFinding[] {
  // EXPLAIN's buffer counts include the node's children, so the root holds the statement's totals.
  const hit = num(root, 'Shared Hit Blocks');
  const read = num(root, 'Shared Read Blocks');
  const total = hit + read;
  const hitPct = total === 0 ? 100 : (100 * hit) / total;
  const indexes = [...new Set(visits.map(({ node }) => str(node, 'Index Name')).filter((name): name is string => Boolean(name)))].sort();
  const relations = [...new Set(visits.map(({ node }) => str(node, 'Relation Name')).filter((name): name is string => Boolean(name)))].sort();
  const findings: QueryFinding[] = [];
  if (read >= t.bufferReadMinBlocks && hitPct < t.bufferHitPctMin) {
    findings.push({
      kind: 'buffersRead',
      node: nodeLabel(root),
      detail: `${formatCount(read)} of ${formatCount(total)} shared blocks (${(100 - hitPct).toFixed(1)} %) came from outside shared buffers (OS cache or disk): the working set does not stay cached`,
      numbers: { sharedHitBlocks: hit, sharedReadBlocks: read, hitPct: round3(hitPct) },
    });
  }
  findings.push({
    kind: 'planSummary',
    detail: `indexes used: ${indexes.length ? indexes.join(', ') : 'none'}; relations: ${relations.length ? relations.join(', ') : 'none'}; shared buffers ${formatCount(hit)} hit, ${formatCount(read)} read (${hitPct.toFixed(1)} % hit)`,
    numbers: {
      indexesUsed: indexes.length,
      sharedHitBlocks: hit,
      sharedReadBlocks: read,
      sharedDirtiedBlocks: num(root, 'Shared Dirtied Blocks'),
      tempReadBlocks: num(root, 'Temp Read Blocks'),
      tempWrittenBlocks: num(root, 'Temp Written Blocks'),
      hitPct: round3(hitPct),
    },
  });
  return findings;
}
