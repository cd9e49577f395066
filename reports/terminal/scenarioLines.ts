import { formatCount, formatDuration, formatMs, formatPct } from '../../core/format.ts';
import { realtimeLines } from './realtimeLines.ts';
import type { EndpointResult, ScenarioResult, TimelinePoint } from '../../results/resultsModel.ts';
import { storageLines } from './storageLines.ts';

/** One line per interval of a running scenario, for stderr. */
export function scenarioTickLine(scenario: string, point: TimelinePoint): string {
  const errors = point.errors > 0 ? ` errors ${point.errors} (${Object.entries(point.errorsByClass ?? {}).map(([name, n]) => `${name} ${n}`).join(', ')})` : '';
  const dropped = point.dropped ? ` dropped ${point.dropped}` : '';
  const connections = point.connections !== undefined ? ` conn ${point.connections}` : '';
  const wait = point.poolWaitMaxMs !== undefined ? ` pool wait ≤${formatMs(point.poolWaitMaxMs)} ms` : '';
  return `  ${scenario} ${(point.t / 1000).toFixed(0).padStart(4)} s  ${String(point.requests).padStart(5)} req  p50 ${formatMs(point.p50Ms ?? 0)} p95 ${formatMs(point.p95Ms)} p99 ${formatMs(point.p99Ms ?? 0)} ms${errors}${dropped}${connections}${wait}`;
}

/** The closing lines of a scenario. */
export function scenarioSummaryLines(result: ScenarioResult): string[] {
  const l = result.latency;
  const lines = [
    `${result.name}: ${result.status.toUpperCase()} — ${formatCount(result.requests)} requests, ${formatCount(result.errors)} errors (${formatPct(result.errorRatePct)}), p50 ${formatMs(l.p50Ms)} p95 ${formatMs(l.p95Ms)} p99 ${formatMs(l.p99Ms)} ms` +
      (result.droppedIterations ? `, ${formatCount(result.droppedIterations)} dropped` : '') +
      (result.peakConnections !== undefined ? `, peak ${result.peakConnections} connections` : ''),
  ];
  if (result.storage && !result.endpoints) lines.push(`  via Storage${result.localStack ? ' (the local stand-in stack: a test target, not Supabase)' : ''}`, ...storageLines(result.storage));
  else if (result.via) lines.push(`  via ${result.via === 'rest' ? `REST${result.localStack ? ' (the local stand-in stack: a test target, not Supabase)' : ''}` : 'pg'}`);
  for (const e of result.endpoints ?? []) lines.push(endpointLine(e));
  // launch-drop's proofs, uploaded beside its REST traffic.
  if (result.storage && result.endpoints) lines.push(...storageLines(result.storage));
  if (result.realtime) lines.push(...realtimeLines(result.realtime));
  if (result.signIns) {
    const s = result.signIns;
    lines.push(`  signed in ${formatCount(s.signIns)} personas through /auth/v1 in ${formatDuration(s.durationMs)} at ${s.perSecond}/s before the clock started; ${formatCount(s.rateLimited)} answered 429 (retried, not errors)`);
  }
  if (result.poolWait) lines.push(`  pool wait p50 ${formatMs(result.poolWait.p50Ms)} p95 ${formatMs(result.poolWait.p95Ms)} max ${formatMs(result.poolWait.maxMs)} ms over ${formatCount(result.poolWait.count)} checkouts`);
  if (result.detail) lines.push(`  ${result.detail}`);
  if (result.stoppedEarly) lines.push(`  stopped early: ${result.stoppedEarly}`);
  const unused = result.unusedIndexes ?? [];
  if (unused.length) lines.push(`  unused under load (0005_unused_index), ${unused.length} indexes: ${unused.slice(0, 3).map(unusedPhrase).join('; ')}${unused.length > 3 ? `; ${unused.length - 3} more in the report` : ''}`);
  if (result.writes) lines.push(`  wrote run ${result.writes.runId}: ${result.writes.kept ? `${formatCount(result.writes.rows)} rows kept (seed list shows it; seed clean --run ${result.writes.runId} removes them)` : `${formatCount(result.writes.rows)} rows removed again`}`);
  return lines;
}

/** "public.idx_orders_currency maintained 1,200 times, used 0 times". */
function unusedPhrase(index: NonNullable<ScenarioResult['unusedIndexes']>[number]): string {
  const cost = index.tableWrites ? ` (its table's ${formatCount(index.tableWrites.calls)} writes took ${formatMs(index.tableWrites.meanMs)} ms each, ${index.tableIndexes} indexes kept up)` : '';
  return `${index.index} maintained ${formatCount(index.maintained)} times, used 0 times${cost}`;
}

/** `  GET orders   120 req  p50 3.1 p95 8.0 p99 12 ms  db 41 % REST 38 %  errors 2 (http-4xx 2)` */
function endpointLine(e: EndpointResult): string {
  const l = e.latency;
  const latency = l.count > 0 ? `p50 ${formatMs(l.p50Ms)} p95 ${formatMs(l.p95Ms)} p99 ${formatMs(l.p99Ms)} ms` : 'no 2xx answer';
  const timing = e.serverTiming ? `  db ${formatPct(e.serverTiming.dbSharePct)} REST ${formatPct(e.serverTiming.restSharePct)}` : '';
  const errors = e.errors > 0 ? `  errors ${formatCount(e.errors)} (${Object.entries(e.errorsByClass).map(([name, n]) => `${name} ${n}`).join(', ')})` : '';
  return `  ${e.endpoint.padEnd(40)} ${formatCount(e.requests).padStart(6)} req  ${latency}${timing}${errors}`;
}
