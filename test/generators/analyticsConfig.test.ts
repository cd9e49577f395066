import { describe, expect, it } from 'vitest';
import { specRows, UUID } from '../helpers/specRows.ts';
import { schemaColumns, type ColumnDef } from '../helpers/schemaColumns.ts';
import { ANALYTICS_CONFIG_SPECS } from '../../generators/analytics/config.ts';
import { runUuid } from '../../generators/runUuid.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { TABLE_CODES, type Row, type SeedContext } from '../../generators/types.ts';
import { gom } from '../../generators/world/index.ts';

const TINY: SeedContext = { seed: 42, runTag: 0x1234abcd, referenceDate: new Date('2026-11-20T00:00:00Z'), counts: SCALE_PRESETS.tiny, analytics: 'designed' };
const SMALL: SeedContext = { ...TINY, counts: SCALE_PRESETS.small };

const { spec, rowsOf, col } = specRows(ANALYTICS_CONFIG_SPECS);


function fits(def: ColumnDef, v: unknown): boolean {
  if (def.type === 'uuid') return typeof v === 'string' && UUID.test(v);
  if (def.type === 'text') return typeof v === 'string';
  if (def.type === 'text[]') return Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (def.type === 'integer' || def.type === 'bigint') return Number.isInteger(v);
  if (def.type.startsWith('numeric')) {
    const [, p, scale] = /\((\d+),(\d+)\)/.exec(def.type)!;
    return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 10 ** (Number(p) - Number(scale));
  }
  if (def.type === 'boolean') return typeof v === 'boolean';
  if (def.type === 'timestamptz') return v instanceof Date && !Number.isNaN(v.getTime());
  if (def.type === 'date') return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (def.type === 'jsonb') return typeof v === 'object' && v !== null;
  return false;
}

/** Every user id the row points at: the FK columns plus shared_with and recipients. */
function userRefs(table: string, row: Row): { column: string; id: string }[] {
  const out: { column: string; id: string }[] = [];
  for (const column of ['generated_by', 'requested_by', 'created_by']) {
    const i = spec(table).columns.indexOf(column);
    if (i >= 0 && row[i] !== null) out.push({ column, id: row[i] as string });
  }
  for (const column of ['shared_with', 'recipients']) {
    const i = spec(table).columns.indexOf(column);
    if (i >= 0) for (const id of row[i] as string[]) out.push({ column, id });
  }
  return out;
}

describe('analytics configuration generators', () => {
  it('export the 8 configuration tables, after profiles where they reference users', () => {
    expect(ANALYTICS_CONFIG_SPECS.map((s) => s.table).sort()).toEqual([
      'public.analytics_ab_tests', 'public.analytics_alerts', 'public.analytics_cohorts', 'public.analytics_dashboards',
      'public.analytics_export_jobs', 'public.analytics_funnels', 'public.analytics_reports', 'public.analytics_segments',
    ]);
    for (const s of ANALYTICS_CONFIG_SPECS) {
      const hasUserFk = s.columns.some((c) => c === 'generated_by' || c === 'requested_by' || c === 'created_by');
      expect(s.dependsOn.includes('public.profiles'), s.table).toBe(hasUserFk);
    }
  });

  it('give identical rows for the same context and different rows for another seed', () => {
    for (const s of ANALYTICS_CONFIG_SPECS) {
      const first = [...s.rows(TINY)];
      expect(first.length, s.table).toBeGreaterThan(0);
      expect([...s.rows({ ...TINY, counts: { ...TINY.counts } })], s.table).toEqual(first);
      expect([...s.rows({ ...TINY, seed: 7 })], s.table).not.toEqual(first);
    }
  });

  it('fit every column: types, NOT NULL and CHECK lists of the schema', () => {
    for (const ctx of [TINY, SMALL]) {
      for (const s of ANALYTICS_CONFIG_SPECS) {
        const columns = schemaColumns(s.table.replace('public.', ''));
        const defs = s.columns.map((name) => ({ name, def: columns.get(name) }));
        for (const { name, def } of defs) expect(def, `${s.table}.${name} is in the schema`).toBeDefined();
        for (const row of s.rows(ctx)) {
          expect(row.length).toBe(s.columns.length);
          defs.forEach(({ name, def }, i) => {
            const v = row[i];
            if (v === null) {
              if (def!.notNull) throw new Error(`${s.table}.${name} is NULL`);
              return;
            }
            if (def!.allowed && !def!.allowed.includes(v as string)) throw new Error(`${s.table}.${name} = ${String(v)} is not in its CHECK list`);
            if (!fits(def!, v)) throw new Error(`${s.table}.${name} = ${JSON.stringify(v)} does not fit ${def!.type}`);
          });
        }
      }
    }
  });

  it('number ids runUuid(runTag, table code, 0…n−1), unique per table, and estimate exactly', () => {
    for (const s of ANALYTICS_CONFIG_SPECS) {
      const rows = [...s.rows(SMALL)];
      const code = TABLE_CODES[s.table as keyof typeof TABLE_CODES];
      rows.forEach((row, i) => expect(row[0]).toBe(runUuid(SMALL.runTag, code, i)));
      expect(s.estimateRows(SMALL), s.table).toBe(rows.length);
    }
  });

  it('reference only seeded GOM profiles, and only after they signed up', () => {
    for (const ctx of [TINY, SMALL]) {
      const goms = new Map(Array.from({ length: ctx.counts.goms }, (_, i) => [runUuid(ctx.runTag, TABLE_CODES['auth.users'], i), i]));
      let refs = 0;
      for (const s of ANALYTICS_CONFIG_SPECS) {
        const table = s.table.replace('public.', '');
        const created = s.columns.indexOf('created_at');
        for (const row of s.rows(ctx)) {
          for (const { column, id } of userRefs(table, row)) {
            refs += 1;
            expect(id, `${table}.${column}`).toMatch(UUID);
            const index = goms.get(id);
            expect(index, `${table}.${column} ${id} is a seeded GOM`).toBeDefined();
            if (column !== 'shared_with' && column !== 'recipients') {
              expect((row[created] as Date).getTime(), `${table}.${column} existed`).toBeGreaterThanOrEqual(gom(ctx, index!).createdAtMs);
            }
          }
        }
      }
      expect(refs).toBeGreaterThan(20);
    }
  });

  it('keep every creation time at or before the reference date, and lifecycles in order', () => {
    const ref = SMALL.referenceDate.getTime();
    for (const s of ANALYTICS_CONFIG_SPECS) {
      const created = s.columns.indexOf('created_at');
      const updated = s.columns.indexOf('updated_at');
      for (const row of s.rows(SMALL)) {
        const c = (row[created] as Date).getTime();
        expect(c, s.table).toBeLessThanOrEqual(ref);
        if (updated >= 0) {
          expect((row[updated] as Date).getTime(), s.table).toBeGreaterThanOrEqual(c);
          expect((row[updated] as Date).getTime(), s.table).toBeLessThanOrEqual(ref);
        }
      }
    }
    for (const row of rowsOf('analytics_export_jobs', SMALL)) {
      const status = row[col('analytics_export_jobs', 'status')];
      expect(row[col('analytics_export_jobs', 'file_url')] !== null).toBe(status === 'completed');
      expect(row[col('analytics_export_jobs', 'error_message')] !== null).toBe(status === 'failed');
      expect((row[col('analytics_export_jobs', 'expires_at')] as Date).getTime() - (row[col('analytics_export_jobs', 'created_at')] as Date).getTime()).toBe(7 * 86_400_000);
    }
    for (const row of rowsOf('analytics_reports', SMALL)) {
      const expires = row[col('analytics_reports', 'expires_at')] as Date | null;
      if (expires && expires.getTime() <= ref && row[col('analytics_reports', 'status')] !== 'failed') expect(row[col('analytics_reports', 'status')]).toBe('expired');
    }
    for (const row of rowsOf('analytics_ab_tests', SMALL)) {
      const status = row[col('analytics_ab_tests', 'status')];
      expect(row[col('analytics_ab_tests', 'start_date')] === null).toBe(status === 'draft');
      expect(row[col('analytics_ab_tests', 'results')] !== null).toBe(status === 'completed');
    }
  });

  it('define the buyer funnel view → submit → proof uploaded → verified', () => {
    const main = rowsOf('analytics_funnels', TINY).find((r) => r[col('analytics_funnels', 'name')] === 'Buyer purchase funnel')!;
    const steps = main[col('analytics_funnels', 'steps')] as { step: number; name: string; eventType?: string }[];
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(steps.slice(1).map((s) => s.eventType)).toEqual(['submission_created', 'submission_payment_uploaded', 'submission_payment_verified']);
  });

  it('compute cohorts as a triangle: each cohort has the periods elapsed since it started', () => {
    const rows = rowsOf('analytics_cohorts', SMALL);
    expect(rows.length).toBe(3 * (30 + 12 + 12));
    for (const row of rows) {
      const data = row[col('analytics_cohorts', 'period_data')] as { periods: number[] };
      expect(data.periods.length).toBeGreaterThan(0);
      if (row[col('analytics_cohorts', 'metric_type')] === 'retention') {
        expect(data.periods[0]).toBe(100);
        for (const v of data.periods) expect(v).toBeLessThanOrEqual(100);
      }
    }
  });

  it('stay configuration-sized as the scale grows', () => {
    const sizes = (['tiny', 'small', 'large', 'xl'] as const).map((scale) => ANALYTICS_CONFIG_SPECS.reduce((n, s) => n + s.estimateRows({ ...TINY, counts: SCALE_PRESETS[scale] }), 0));
    for (let i = 1; i < sizes.length; i += 1) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]!);
    expect(sizes[3]).toBeLessThan(10_000);
  });
});
