import { formatCount, formatMs } from '../../core/format.ts';
import type { RealtimeResult } from '../../results/realtimeModel.ts';

/** A realtime scenario's own closing lines: subscribers, deliveries, latency, RLS cost, the publication switch. */
export function realtimeLines(rt: RealtimeResult): string[] {
  const planned = Object.entries(rt.subscribers).map(([kind, n]) => `${formatCount(n)} ${kind}`).join(', ');
  const t = rt.timeToSubscribe;
  const l = rt.latency;
  const lines = [
    `  subscribers ${planned}: ${formatCount(rt.joined)} joined, ${formatCount(rt.joinFailures)} join failures, peak ${formatCount(rt.peakConnected)} connected; time to subscribe p50 ${formatMs(t.p50Ms)} p99 ${formatMs(t.p99Ms)} ms`,
    `  deliveries ${formatCount(rt.delivered)} of ${formatCount(rt.expectedDeliveries)} owed (${formatCount(rt.changes)} changes), missing ${formatCount(rt.missing)}, duplicates ${formatCount(rt.duplicates)}, to RLS-excluded ${formatCount(rt.leaked)}; ${rt.messagesPerSecond.toFixed(1)} msg/s`,
    `  delivery latency (send → commit → receipt) p50 ${formatMs(l.p50Ms)} p95 ${formatMs(l.p95Ms)} p99 ${formatMs(l.p99Ms)} max ${formatMs(l.maxMs)} ms`,
  ];
  for (const reason of rt.joinFailureReasons) lines.push(`  join failed: ${reason}`);
  if (rt.server) {
    const s = rt.server;
    lines.push(`  server RLS cost ${formatMs(s.rlsMsPerChange)} ms of database time per change, ${formatMs(s.rlsMsPerCheck)} ms per subscriber check (${formatCount(s.rlsChecks)} checks); ${formatCount(s.changesSkipped)} of ${formatCount(s.changesRead)} changes skipped over the events-per-second limit`);
  }
  lines.push(rt.publication.added.length > 0 ? `  publication: added ${rt.publication.added.join(', ')} to ${rt.publication.name} for the run, ${rt.publication.restored ? 'put back as it was' : 'NOT put back'}` : `  publication: ${rt.publication.name} already held what the run listens on; left unchanged`);
  return lines;
}
