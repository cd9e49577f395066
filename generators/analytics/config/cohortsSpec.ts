import { rngFor } from '../../random.ts';
import type { Row, SeedContext, TableSpec } from '../../types.ts';
import { idMaker } from '../../world/index.ts';
import { DAY_MS, HOUR_MS, localDate } from './configShape.ts';

/**
 * analytics_cohorts: the nightly cohort analysis (getCohortAnalysis) for each period type and
 * metric: 30 daily, 12 weekly and 12 monthly cohorts. A cohort's period_data has one value per
 * period elapsed since it started (the usual triangle). Cohort sizes follow the seeded account
 * count and the platform's growth; values are retention %, revenue per user (PHP) or orders.
 */
const PERIODS = [
  { type: 'daily', cohorts: 30, days: 1, maxPeriods: 30 },
  { type: 'weekly', cohorts: 12, days: 7, maxPeriods: 12 },
  { type: 'monthly', cohorts: 12, days: 30, maxPeriods: 12 },
] as const;
const METRICS = ['retention', 'revenue', 'orders'] as const;

export const analyticsCohortsSpec: TableSpec = {
  table: 'public.analytics_cohorts',
  columns: ['id', 'cohort_date', 'cohort_size', 'period_type', 'metric_type', 'period_data', 'created_at'],
  dependsOn: [],
  estimateRows: () => METRICS.length * PERIODS.reduce((n, p) => n + p.cohorts, 0),
  rows: (ctx) => cohortRows(ctx),
};

function* cohortRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.analytics_cohorts');
  const referenceMs = ctx.referenceDate.getTime();
  const localMidnight = Math.floor((referenceMs + 8 * HOUR_MS) / DAY_MS) * DAY_MS - 8 * HOUR_MS;
  // The job runs nightly at 02:00 local.
  const ranMs = localMidnight + 2 * HOUR_MS <= referenceMs ? localMidnight + 2 * HOUR_MS : localMidnight - 22 * HOUR_MS;
  const newUsersPerDay = (ctx.counts.goms + ctx.counts.buyerAccounts) / 365;
  let seq = 0;
  for (const period of PERIODS) {
    for (const metric of METRICS) {
      for (let c = period.cohorts; c >= 1; c -= 1) {
        const startMs = period.type === 'monthly' ? monthStart(localMidnight, c) : localMidnight - c * period.days * DAY_MS;
        const rng = rngFor(ctx.seed, 'analytics_cohort', period.type, startMs / DAY_MS);
        // Sizes are the same cohort whatever the metric: draw them first.
        const growth = 0.6 + 0.4 * (1 - (referenceMs - startMs) / (365 * DAY_MS));
        const size = Math.max(1, Math.round(newUsersPerDay * period.days * growth * (0.7 + 0.6 * rng.next())));
        const elapsed = Math.min(period.maxPeriods, Math.floor((ranMs - startMs) / (period.days * DAY_MS)));
        const values: number[] = [];
        for (let p = 0; p < elapsed; p += 1) values.push(value(metric, p, size, rngFor(ctx.seed, 'analytics_cohort_value', period.type, metric, startMs / DAY_MS, p).next()));
        yield [
          id(seq++), localDate(startMs), size, period.type, metric,
          { periods: values, period_count: values.length, unit: metric === 'retention' ? 'percent' : metric === 'revenue' ? 'PHP per user' : 'orders' },
          new Date(ranMs + seq * 40),
        ];
      }
    }
  }
}

/** Retention decays to a floor of committed fans; revenue and orders follow the retained share. */
function value(metric: (typeof METRICS)[number], p: number, size: number, u: number): number {
  // Whole users come back: a cohort of 3 retains 0, 33.33, 66.67 or 100 %.
  const users = p === 0 ? size : Math.min(size, Math.round(size * (0.18 + 0.82 * Math.exp(-p / 2.2)) * (0.9 + 0.2 * u)));
  const retained = (100 * users) / size;
  if (metric === 'retention') return Math.round(retained * 100) / 100;
  if (metric === 'revenue') return Math.round((retained / 100) * (p === 0 ? 1900 : 1100) * (0.8 + 0.4 * u));
  return Math.round((size * retained) / 100 * (p === 0 ? 1.3 : 0.6) * (0.8 + 0.4 * u));
}

function monthStart(localMidnightMs: number, monthsBack: number): number {
  const local = new Date(localMidnightMs + 8 * HOUR_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - monthsBack, 1) - 8 * HOUR_MS;
}
