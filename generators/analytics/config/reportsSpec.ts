import { TABLE_CODES, type Row, type SeedContext, type TableSpec } from '../../types.ts';
import { rngFor, type Random } from '../../random.ts';
import { runUuid } from '../../runUuid.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, exportFileUrl, localDate, timeAfter } from './configShape.ts';

/**
 * analytics_reports: what GOMs' report configurations generated. A scheduled configuration
 * produces a report every day, week or month; on-demand and realtime ones a few. config_id has
 * no table behind it (schema §2.3), so it is a run id in the reports range with the top
 * sequence bit set, which no report id uses.
 */
type ReportType = 'realtime' | 'scheduled' | 'on_demand';

const TEMPLATES: readonly { name: string; type: ReportType; everyDays: number; metrics: readonly string[] }[] = [
  { name: 'Weekly sales summary', type: 'scheduled', everyDays: 7, metrics: ['total_revenue', 'total_submissions', 'conversion_rate'] },
  { name: 'Daily payment reconciliation', type: 'scheduled', everyDays: 1, metrics: ['verified_payments', 'pending_payments', 'rejected_payments'] },
  { name: 'Monthly GOM statement', type: 'scheduled', everyDays: 30, metrics: ['total_revenue', 'gateway_fees', 'payouts'] },
  { name: 'Drop performance', type: 'on_demand', everyDays: 0, metrics: ['total_submissions', 'total_revenue', 'hours_to_goal'] },
  { name: 'Buyer platform mix', type: 'on_demand', everyDays: 0, metrics: ['platform_usage', 'country_distribution'] },
  { name: 'Live drop tracker', type: 'realtime', everyDays: 0, metrics: ['submissions_per_minute', 'active_users'] },
];
const SLUGS = TEMPLATES.map((t) => t.name.toLowerCase().replace(/[^a-z]+/g, '-'));
const FORMATS = ['json', 'json', 'csv', 'csv', 'csv', 'pdf', 'pdf', 'excel'] as const;
const CONFIG_ID_BASE = 0x8000_0000_0000;

interface Report { createdMs: number; config: number; template: number; gomIndex: number; userId: string; k: number }

function reports(ctx: SeedContext): Report[] {
  const target = configRows(ctx, 8, 6);
  const referenceMs = ctx.referenceDate.getTime();
  const out: Report[] = [];
  if (ctx.counts.goms === 0) return out;
  for (let c = 0; out.length < target && c < target * 10; c += 1) {
    const rng = rngFor(ctx.seed, 'analytics_report_config', c);
    const template = rng.int(0, TEMPLATES.length - 1);
    const t = TEMPLATES[template]!;
    const owner = pickGom(ctx, rng, referenceMs - DAY_MS);
    if (!owner) continue;
    const firstMs = timeAfter(rng, ctx, owner.createdAtMs);
    const runs = t.type === 'scheduled' ? Math.max(1, Math.floor((referenceMs - firstMs) / (t.everyDays * DAY_MS))) : rng.int(1, 3);
    for (let k = 0; k < Math.min(runs, 40) && out.length < target; k += 1) {
      const createdMs = t.type === 'scheduled' ? firstMs + k * t.everyDays * DAY_MS : timeAfter(rng, ctx, firstMs);
      out.push({ createdMs, config: c, template, gomIndex: owner.index, userId: owner.userId, k });
    }
  }
  return out.sort((a, b) => a.createdMs - b.createdMs || a.config - b.config || a.k - b.k);
}

export const analyticsReportsSpec: TableSpec = {
  table: 'public.analytics_reports',
  columns: ['id', 'config_id', 'name', 'description', 'report_type', 'report_data', 'filters', 'format', 'file_url', 'status', 'generated_by', 'created_at', 'expires_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => (ctx.counts.goms === 0 ? 0 : configRows(ctx, 8, 6)),
  rows: (ctx) => reportRows(ctx),
};

function* reportRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_reports');
  const referenceMs = ctx.referenceDate.getTime();
  const list = reports(ctx);
  for (let i = 0; i < list.length; i += 1) {
    const r = list[i]!;
    const t = TEMPLATES[r.template]!;
    const rng = rngFor(ctx.seed, 'analytics_report', r.config, r.k);
    const g = gom(ctx, r.gomIndex);
    const periodDays = t.type === 'scheduled' ? t.everyDays : rng.pick([1, 7, 14, 30]);
    const startMs = r.createdMs - periodDays * DAY_MS;
    const format = t.type === 'realtime' ? 'json' : rng.pick(FORMATS);
    const failed = rng.chance(0.03);
    const expiresMs = format === 'json' ? null : r.createdMs + 30 * DAY_MS;
    const status = failed ? 'failed' : referenceMs - r.createdMs < 120_000 ? 'generating' : expiresMs !== null && expiresMs <= referenceMs ? 'expired' : 'generated';
    const fileName = `${SLUGS[r.template]!}-${localDate(r.createdMs)}`;
    yield [
      id(i),
      runUuid(ctx.runTag, TABLE_CODES['public.analytics_reports'], CONFIG_ID_BASE + r.config),
      `${t.name} — ${g.shopName}`,
      t.type === 'scheduled' ? `Every ${t.everyDays === 1 ? 'day' : t.everyDays === 7 ? 'week' : 'month'}, sent to ${g.name}` : null,
      t.type,
      reportData(rng, t.metrics, g.currency, startMs, r.createdMs, periodDays),
      { startDate: new Date(startMs).toISOString(), endDate: new Date(r.createdMs).toISOString(), userId: r.userId, country: g.country },
      format,
      format === 'json' || status === 'failed' || status === 'generating' ? null : exportFileUrl(r.userId, fileName, format === 'excel' ? 'xlsx' : format),
      status,
      r.userId,
      new Date(r.createdMs),
      expiresMs === null ? null : new Date(expiresMs),
    ];
  }
}

/** generateReport's shape: the config's metrics over the period, and one daily series. */
function reportData(rng: Random, metrics: readonly string[], currency: string, startMs: number, endMs: number, days: number): Record<string, unknown> {
  const submissions = Math.round(days * (2 + 30 * rng.next() * rng.next()));
  const unit = currency === 'PHP' ? 1400 : 120;
  const values: Record<string, number | Record<string, number>> = {};
  for (const metric of metrics) {
    switch (metric) {
      case 'total_submissions': values[metric] = submissions; break;
      case 'total_revenue': values[metric] = Math.round(submissions * unit * (0.7 + 0.6 * rng.next())); break;
      case 'conversion_rate': values[metric] = Math.round(1000 * (8 + 12 * rng.next())) / 1000; break;
      case 'verified_payments': values[metric] = Math.round(submissions * 0.7); break;
      case 'pending_payments': values[metric] = Math.round(submissions * 0.2); break;
      case 'rejected_payments': values[metric] = Math.round(submissions * 0.03); break;
      case 'gateway_fees': values[metric] = Math.round(submissions * unit * 0.025); break;
      case 'payouts': values[metric] = Math.round(submissions * unit * 0.9); break;
      case 'hours_to_goal': values[metric] = Math.round(10 * (2 + 70 * rng.next())) / 10; break;
      case 'platform_usage': values[metric] = { web: 65, telegram: 20, discord: 10, whatsapp: 5 }; break;
      case 'country_distribution': values[metric] = currency === 'PHP' ? { PH: 96, MY: 4 } : { MY: 93, PH: 7 }; break;
      case 'submissions_per_minute': values[metric] = Math.round(10 * 8 * rng.next()) / 10; break;
      default: values[metric] = Math.round(50 * rng.next()); break;
    }
  }
  const series = [];
  const points = Math.min(days, 31);
  for (let d = 0; d < points; d += 1) series.push({ timestamp: new Date(startMs + d * DAY_MS).toISOString(), value: Math.round((submissions / points) * (0.5 + rng.next())) });
  return { currency, period: { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() }, metrics: values, timeSeries: { total_submissions: series } };
}
