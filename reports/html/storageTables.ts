import { formatBytes, formatCount, formatMs, formatPct } from '../../core/format.ts';
import type { ScenarioResult } from '../../results/resultsModel.ts';
import { badge, esc, table } from './markup.ts';

const mbps = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)} MB/s`;

/** A Storage scenario's view: MB/s and latency per size class, refusals by reason, the policy time, the isolation pass, the run's objects. */
export function storageTables(s: ScenarioResult): string {
  const st = s.storage;
  if (!st) return '';
  const classes = st.sizeClasses.map(
    (c) =>
      `<tr><td>${esc(c.sizeClass)}</td><td class="num">${esc(formatCount(c.uploads))}</td><td class="num">${esc(formatBytes(c.uploadedBytes))}</td><td class="num">${esc(mbps(c.uploadMbPerS))}</td>` +
      `<td class="num">${esc(mbps(c.perUploadMbPerS))}</td><td class="num">${c.uploads ? esc(formatMs(c.uploadLatency.p50Ms)) : '—'}</td><td class="num">${c.uploads ? esc(formatMs(c.uploadLatency.p95Ms)) : '—'}</td>` +
      `<td class="num">${esc(formatCount(c.downloads))}</td><td class="num">${esc(mbps(c.downloadMbPerS))}</td><td class="num">${c.downloads ? esc(formatMs(c.downloadLatency.p95Ms)) : '—'}</td></tr>`,
  );
  const rejections = st.rejections.map(
    (r) => `<tr><td>${esc(r.statusCode)}</td><td>${esc(r.reason)}</td><td>${esc(r.operation)}</td><td class="num">${esc(formatCount(r.count))}</td><td>${r.expected ? 'expected (asked for by the scenario)' : '<strong>error</strong>'}</td></tr>`,
  );
  const policy = st.policyTime.map(
    (p) => `<tr><td>${esc(p.operation)}</td><td class="num">${esc(formatCount(p.requests))}</td><td class="num">${esc(formatMs(p.dbMeanMs))}</td><td class="num">${esc(formatPct(p.dbSharePct))}</td></tr>`,
  );
  const iso = st.isolation;
  const isolation = iso
    ? `<p>${badge(iso.leaks ? 'fail' : 'pass', iso.leaks ? 'LEAKS' : 'isolated')} Isolation pass: buyer A uploaded ${esc(formatCount(iso.proofs))} proofs; ` +
      `${iso.leaks ? "others read them — the bucket's read policy lets any signed-in user read any proof" : 'neither buyer B nor a GOM of another order could read them'}.</p>` +
      table(
        ['reader', 'operation', 'tries', 'read the proof'],
        iso.reads.map((r) => `<tr><td>${esc(r.reader)}</td><td>${esc(r.operation)}</td><td class="num">${esc(formatCount(r.tries))}</td><td class="num">${esc(formatCount(r.leaked))}</td></tr>`),
      )
    : '';
  const objects = st.objects.kept ? `${formatCount(st.objects.written)} objects kept (--keep): their user metadata gomflow_run names the run; seed clean --run removes them with its rows` : `${formatCount(st.objects.written)} objects written, ${formatCount(st.objects.removed)} removed again (rows and files)`;
  return (
    `<h4>Storage: ${esc(st.bucket)}</h4>` +
    table(['size class', 'uploads', 'bytes', 'MB/s (run)', 'MB/s (per upload)', 'p50 ms', 'p95 ms', 'downloads', 'MB/s down', 'down p95 ms'], classes) +
    `<p class="muted">Signed URLs: ${esc(formatCount(st.signedUrls.requests))}${st.signedUrls.requests ? `, p95 ${esc(formatMs(st.signedUrls.latency.p95Ms))} ms` : ''}. ${esc(objects)}.</p>` +
    (rejections.length ? table(['status', 'reason', 'operation', 'count', ''], rejections) : '<p class="muted">No upload or read was refused.</p>') +
    (policy.length ? `<p>Database time inside Storage's answers (storage.objects policy checks and rows, Server-Timing <code>db</code>):</p>${table(['operation', 'answers', 'db mean ms', 'db share'], policy)}` : '') +
    isolation
  );
}
