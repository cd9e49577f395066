import { rngFor, type Random } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { gom, idMaker } from '../../world/index.ts';
import { pickGom, staffAt, staffSinceMs } from '../../monitoring/gomPicks.ts';
import { DAY_MS, configRows, timeAfter } from './configShape.ts';

/**
 * analytics_ab_tests: the platform's experiments on the buyer journey and GOMs' own on their
 * order pages, in the ABTest shape (variants with traffic %, metrics, results once completed).
 */
const PLATFORM_TESTS: readonly { name: string; description: string; control: Record<string, unknown>; variant: Record<string, unknown>; metrics: readonly string[] }[] = [
  { name: 'Order page CTA wording', description: '"Join this GO" against "Submit order".', control: { cta: 'Submit order' }, variant: { cta: 'Join this GO' }, metrics: ['view_to_submit_rate'] },
  { name: 'GCash QR first', description: 'Show the GCash QR before bank details on PH payment pages.', control: { first: 'bank_transfer' }, variant: { first: 'gcash_qr' }, metrics: ['proof_upload_rate', 'time_to_proof_minutes'] },
  { name: 'Reminder timing', description: 'First payment reminder 24 h against 12 h before the deadline.', control: { reminder_hours: 24 }, variant: { reminder_hours: 12 }, metrics: ['paid_before_deadline_rate'] },
];
const GOM_TESTS: readonly { name: string; control: Record<string, unknown>; variant: Record<string, unknown>; metrics: readonly string[] }[] = [
  { name: 'price shown with shipping', control: { price_display: 'item_only' }, variant: { price_display: 'with_local_shipping' }, metrics: ['view_to_submit_rate'] },
  { name: 'photocard preview on top', control: { hero: 'album_cover' }, variant: { hero: 'photocard_set' }, metrics: ['view_to_submit_rate', 'avg_quantity'] },
];

export const analyticsAbTestsSpec: TableSpec = {
  table: 'public.analytics_ab_tests',
  columns: ['id', 'name', 'description', 'variants', 'traffic_allocation', 'metrics', 'status', 'start_date', 'end_date', 'results', 'created_by', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => PLATFORM_TESTS.length + (ctx.counts.goms === 0 ? 0 : configRows(ctx, 0.2, 1)),
  rows: (ctx) => abTestRows(ctx),
};

function* abTestRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_ab_tests');
  const referenceMs = ctx.referenceDate.getTime();
  const launchMs = Math.max(referenceMs - 100 * DAY_MS, staffSinceMs(ctx) + DAY_MS);
  let seq = 0;
  for (let t = 0; t < PLATFORM_TESTS.length; t += 1) {
    const test = PLATFORM_TESTS[t]!;
    const rng = rngFor(ctx.seed, 'analytics_ab_test_platform', t);
    const createdMs = Math.min(referenceMs, launchMs + t * 20 * DAY_MS);
    yield row(ctx, rng, id(seq++), test.name, test.description, test.control, test.variant, test.metrics, staffAt(ctx, t, createdMs), createdMs);
  }
  if (ctx.counts.goms === 0) return;
  const n = configRows(ctx, 0.2, 1);
  const own = [];
  for (let i = 0; i < n; i += 1) {
    const rng = rngFor(ctx.seed, 'analytics_ab_test', i);
    const owner = pickGom(ctx, rng, referenceMs);
    if (owner) own.push({ i, rng, owner, createdMs: timeAfter(rng, ctx, owner.createdAtMs) });
  }
  own.sort((a, b) => a.createdMs - b.createdMs || a.i - b.i);
  for (const { i, rng, owner, createdMs } of own) {
    const test = GOM_TESTS[i % GOM_TESTS.length]!;
    const g = gom(ctx, owner.index);
    yield row(ctx, rng, id(seq++), `${g.shopName}: ${test.name}`, null, test.control, test.variant, test.metrics, owner.userId, createdMs);
  }
}

function row(ctx: SeedContext, rng: Random, id: string, name: string, description: string | null, control: Record<string, unknown>, variant: Record<string, unknown>, metrics: readonly string[], createdBy: string | null, createdMs: number): Row {
  const referenceMs = ctx.referenceDate.getTime();
  const split = rng.chance(0.7) ? 50 : 20;
  const ageDays = (referenceMs - createdMs) / DAY_MS;
  const status = ageDays < 2 ? 'draft' : ageDays > 30 ? (rng.chance(0.85) ? 'completed' : 'paused') : rng.chance(0.85) ? 'running' : 'paused';
  const startMs = status === 'draft' ? null : createdMs + rng.int(1, 24) * 3_600_000;
  const endMs = status === 'completed' ? Math.min(referenceMs, startMs! + rng.int(14, 28) * DAY_MS) : null;
  let results: Record<string, unknown> | null = null;
  if (status === 'completed') {
    const lift = Math.round((rng.next() * 0.3 - 0.08) * 1000) / 10;
    const significance = Math.round((0.7 + 0.29 * rng.next()) * 1000) / 1000;
    const perMetric = metrics.map((m, k) => {
      const base = m === 'avg_quantity' ? 1.2 + 0.6 * rng.next() : m === 'time_to_proof_minutes' ? 20 + 90 * rng.next() : 0.1 + 0.3 * rng.next();
      const metricLift = k === 0 ? lift : Math.round((lift * (0.3 + 0.7 * rng.next())) * 10) / 10;
      return [m, { control: Math.round(base * 1000) / 1000, variant_a: Math.round(base * (1 + metricLift / 100) * 1000) / 1000, lift_percent: metricLift }];
    });
    results = { winner: significance >= 0.95 ? (lift > 0 ? 'variant_a' : 'control') : null, significance, metrics: Object.fromEntries(perMetric) };
  }
  const updatedMs = endMs ?? startMs ?? createdMs;
  return [
    id, name, description,
    [{ id: 'control', name: 'Control', traffic: 100 - split, config: control }, { id: 'variant_a', name: 'Variant A', traffic: split, config: variant }],
    { control: 100 - split, variant_a: split }, metrics, status,
    startMs === null ? null : new Date(startMs), endMs === null ? null : new Date(endMs), results, createdBy,
    new Date(createdMs), new Date(Math.min(referenceMs, updatedMs)),
  ];
}

