import { rngFor } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, exportFileUrl, localDate, timeAfter } from './configShape.ts';

/**
 * analytics_export_jobs: GOMs' data exports (POST /api/analytics/export). request_data is the
 * ExportRequest; a job expires 7 days after it was requested (exportData's addDays(now, 7)).
 * Recent jobs are still pending or processing.
 */
const REPORT_TYPES = ['submissions', 'submissions', 'submissions', 'orders', 'orders', 'analytics', 'users', 'custom'] as const;
const FORMATS = ['csv', 'csv', 'csv', 'excel', 'excel', 'json', 'pdf'] as const;
const COLUMNS: Record<string, readonly string[]> = {
  submissions: ['buyer_name', 'buyer_phone', 'quantity', 'total_amount', 'currency', 'status', 'payment_reference', 'created_at'],
  orders: ['title', 'price', 'currency', 'deadline', 'total_submissions', 'paid_submissions'],
  analytics: ['event_type', 'platform', 'country', 'created_at'],
  users: ['name', 'email', 'country', 'created_at'],
  custom: ['payment_reference', 'buyer_name', 'total_amount'],
};
const ERRORS = ['Export exceeded the 50 MB limit of export-files', 'canceling statement due to statement timeout', 'Storage upload failed: 413 Payload Too Large'];
const BYTES_PER_ROW: Record<string, number> = { csv: 180, excel: 95, json: 420, pdf: 260 };

export const analyticsExportJobsSpec: TableSpec = {
  table: 'public.analytics_export_jobs',
  columns: ['id', 'request_data', 'status', 'file_url', 'file_size', 'error_message', 'requested_by', 'download_count', 'created_at', 'completed_at', 'expires_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => (ctx.counts.goms === 0 ? 0 : configRows(ctx, 5, 6)),
  rows: (ctx) => exportRows(ctx),
};

function* exportRows(ctx: SeedContext): Generator<Row> {
  if (ctx.counts.goms === 0) return;
  const id = idMaker(ctx.runTag, 'public.analytics_export_jobs');
  const referenceMs = ctx.referenceDate.getTime();
  const n = configRows(ctx, 5, 6);
  const jobs = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_export_job', i);
    const owner = pickGom(ctx, rng, referenceMs) ?? { index: 0, userId: gom(ctx, 0).userId, createdAtMs: gom(ctx, 0).createdAtMs };
    // Exports bunch up after drops close; most are recent.
    const createdMs = timeAfter(rng, ctx, owner.createdAtMs, rng.chance(0.7) ? 30 : 120);
    jobs.push({ i, rng, owner, createdMs });
  }
  jobs.sort((a, b) => a.createdMs - b.createdMs || a.i - b.i);
  for (let seq = 0; seq < jobs.length; seq += 1) {
    const { rng, owner, createdMs } = jobs[seq]!;
    const g = gom(ctx, owner.index);
    const reportType = rng.pick(REPORT_TYPES);
    const format = rng.pick(FORMATS);
    const ageMs = referenceMs - createdMs;
    const status = ageMs < 60_000 ? 'pending' : ageMs < 4 * 60_000 && rng.chance(0.6) ? 'processing' : rng.chance(0.06) ? 'failed' : 'completed';
    const completedMs = status === 'completed' || status === 'failed' ? Math.min(referenceMs, createdMs + rng.int(4, 180) * 1000) : null;
    const rowsExported = rng.int(20, 4000);
    const request = {
      format,
      reportType,
      filters: { startDate: new Date(createdMs - rng.pick([7, 30, 90]) * DAY_MS).toISOString(), endDate: new Date(createdMs).toISOString(), userId: owner.userId, country: g.country },
      columns: COLUMNS[reportType],
      ...(rng.chance(0.4) ? { email: g.email } : {}),
    };
    yield [
      id(seq), request, status,
      status === 'completed' ? exportFileUrl(owner.userId, `${reportType}-${localDate(createdMs)}-${seq}`, format === 'excel' ? 'xlsx' : format) : null,
      status === 'completed' ? rowsExported * BYTES_PER_ROW[format]! + 512 : null,
      status === 'failed' ? rng.pick(ERRORS) : null,
      owner.userId,
      status === 'completed' ? rng.int(0, 6) : 0,
      new Date(createdMs),
      completedMs === null ? null : new Date(completedMs),
      new Date(createdMs + 7 * DAY_MS),
    ];
  }
}
