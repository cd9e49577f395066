import { formatBytes, formatCount, formatMs, formatPct } from '../../core/format.ts';
import type { StorageResult } from '../../results/storageModel.ts';

/** The closing lines of a Storage scenario: per size class, refusals, policy time, the isolation pass. */
export function storageLines(st: StorageResult): string[] {
  const uploads = st.sizeClasses.reduce((sum, c) => sum + c.uploads, 0);
  const downloads = st.sizeClasses.reduce((sum, c) => sum + c.downloads, 0);
  const lines = [`  storage ${formatCount(uploads)} uploads, ${formatCount(downloads)} verification downloads, ${formatCount(st.signedUrls.requests)} signed URLs into ${st.bucket}`];
  for (const c of st.sizeClasses) {
    const up = c.uploads ? `p50 ${formatMs(c.uploadLatency.p50Ms)} p95 ${formatMs(c.uploadLatency.p95Ms)} ms` : 'no upload';
    lines.push(`    ${c.sizeClass.padEnd(9)} ${formatCount(c.uploads).padStart(5)} up ${formatBytes(c.uploadedBytes).padStart(7)}  ${c.uploadMbPerS.toFixed(2)} MB/s (${c.perUploadMbPerS.toFixed(1)} per upload)  ${up}`);
  }
  for (const r of st.rejections) lines.push(`    refused ${r.statusCode} ${r.reason} (${r.operation}): ${formatCount(r.count)}${r.expected ? ' expected' : ' errors'}`);
  for (const p of st.policyTime) lines.push(`    ${p.operation} db ${formatMs(p.dbMeanMs)} ms mean, ${formatPct(p.dbSharePct)} of the time (policy checks)`);
  if (st.isolation) {
    const leaked = st.isolation.reads.filter((r) => r.leaked > 0).map((r) => `${r.reader} ${r.operation} ${r.leaked}/${r.tries}`);
    lines.push(`    isolation: ${st.isolation.leaks ? `LEAKS — ${leaked.join(', ')}` : `no leak over ${formatCount(st.isolation.proofs)} proofs`}`);
  }
  lines.push(`    objects: ${st.objects.kept ? `${formatCount(st.objects.written)} kept (--keep): their user metadata gomflow_run names the run; seed clean --run removes them with its rows` : `${formatCount(st.objects.written)} written, ${formatCount(st.objects.removed)} removed`}`);
  return lines;
}
