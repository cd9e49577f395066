import { describe, expect, it } from 'vitest';
import { specRows, UUID } from '../helpers/specRows.ts';
import { schemaColumns } from '../helpers/schemaColumns.ts';
import { MONITORING_SPECS } from '../../generators/monitoring/index.ts';
import { SERVICE_NAMES } from '../../generators/monitoring/services.ts';
import { runUuid } from '../../generators/runUuid.ts';
import { SCALE_PRESETS } from '../../generators/scales.ts';
import { TABLE_CODES, type Row, type SeedContext } from '../../generators/types.ts';

const TINY: SeedContext = { seed: 42, runTag: 0x1234abcd, referenceDate: new Date('2026-11-20T00:00:00Z'), counts: SCALE_PRESETS.tiny, analytics: 'designed' };
/** A whole day, so evenings and nights are both in the window. */
const DAY: SeedContext = { ...TINY, counts: { ...SCALE_PRESETS.tiny, monitoringHours: 24 } };
/** Two days ending during a PH/MY evening: alerts of every status, notifications, suppressed maintenance. */
const INCIDENTS: SeedContext = { ...TINY, referenceDate: new Date('2026-11-20T11:30:00Z'), counts: { ...SCALE_PRESETS.tiny, monitoringHours: 48 } };

const { spec, rowsOf, col } = specRows(MONITORING_SPECS);
const gomIds = (ctx: SeedContext): Set<string> =>
  new Set(Array.from({ length: ctx.counts.goms }, (_, i) => runUuid(ctx.runTag, TABLE_CODES['auth.users'], i)));


/** Asserts every value fits its column: type, NOT NULL, CHECK list, numeric precision. */
function expectRowsFitSchema(table: string, rows: readonly Row[]): void {
  const s = spec(table);
  const columns = schemaColumns(table);
  const defs = s.columns.map((name) => {
    const def = columns.get(name);
    if (!def) throw new Error(`${table}.${name} is not in the schema`);
    return { name, ...def };
  });
  for (const row of rows) {
    if (row.length !== s.columns.length) throw new Error(`${table} row has ${row.length} values for ${s.columns.length} columns`);
    defs.forEach((def, i) => {
      const v = row[i];
      const where = `${table}.${def.name} = ${JSON.stringify(v)}`;
      if (v === null) {
        if (def.notNull) throw new Error(`${where} violates NOT NULL`);
        return;
      }
      if (def.allowed && !def.allowed.includes(v as string)) throw new Error(`${where} is not in its CHECK list`);
      const ok =
        def.type === 'uuid' ? typeof v === 'string' && UUID.test(v)
        : def.type === 'text' ? typeof v === 'string'
        : def.type === 'text[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string')
        : def.type === 'integer' || def.type === 'bigint' ? Number.isInteger(v)
        : def.type.startsWith('numeric') ? typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 10 ** (Number(/\((\d+),(\d+)\)/.exec(def.type)![1]) - Number(/\((\d+),(\d+)\)/.exec(def.type)![2]))
        : def.type === 'boolean' ? typeof v === 'boolean'
        : def.type === 'timestamptz' ? v instanceof Date && !Number.isNaN(v.getTime())
        : def.type === 'jsonb' ? typeof v === 'object'
        : false;
      if (!ok) throw new Error(`${where} does not fit ${def.type}`);
    });
  }
}

describe('monitoring generators', () => {
  it('export the 8 monitoring tables, each depending only on loaded parents', () => {
    expect(MONITORING_SPECS.map((s) => s.table).sort()).toEqual([
      'public.monitoring_alert_rules', 'public.monitoring_alerts', 'public.monitoring_dashboards', 'public.monitoring_downtimes',
      'public.monitoring_logs', 'public.monitoring_metrics', 'public.monitoring_notifications', 'public.monitoring_service_health',
    ]);
    expect(spec('monitoring_notifications').dependsOn).toEqual(['public.monitoring_alerts']);
    for (const table of ['monitoring_logs', 'monitoring_alert_rules', 'monitoring_dashboards', 'monitoring_downtimes']) {
      expect(spec(table).dependsOn).toContain('public.profiles');
    }
  });

  it('give identical rows for the same context and different rows for another seed', () => {
    for (const s of MONITORING_SPECS) {
      const ctx = s.table === 'public.monitoring_alerts' || s.table === 'public.monitoring_notifications' ? INCIDENTS : TINY;
      const first = [...s.rows(ctx)];
      expect([...s.rows({ ...ctx, referenceDate: new Date(ctx.referenceDate.getTime()) })], s.table).toEqual(first);
      expect(first.length, s.table).toBeGreaterThan(0);
    }
    for (const table of ['monitoring_metrics', 'monitoring_service_health', 'monitoring_logs', 'monitoring_downtimes']) {
      expect(rowsOf(table, { ...TINY, seed: 43 }), table).not.toEqual(rowsOf(table, TINY));
    }
    expect(rowsOf('monitoring_alerts', { ...INCIDENTS, seed: 43 })).not.toEqual(rowsOf('monitoring_alerts', INCIDENTS));
  });

  it('fit every column: types, NOT NULL and CHECK lists of the schema', () => {
    for (const s of MONITORING_SPECS) {
      const table = s.table.replace('public.', '');
      expectRowsFitSchema(table, rowsOf(table, INCIDENTS));
    }
  });

  it('number ids runUuid(runTag, table code, 0…n−1), unique per table, and estimate exactly', () => {
    for (const s of MONITORING_SPECS) {
      const rows = [...s.rows(INCIDENTS)];
      const code = TABLE_CODES[s.table as keyof typeof TABLE_CODES];
      const wrong = rows.findIndex((row, i) => row[0] !== runUuid(INCIDENTS.runTag, code, i));
      expect(wrong, `${s.table} row ${wrong}`).toBe(-1);
      if (s.table !== 'public.monitoring_logs') expect(s.estimateRows(INCIDENTS), s.table).toBe(rows.length);
      else expect(Math.abs(s.estimateRows(INCIDENTS) - rows.length)).toBeLessThan(rows.length * 0.1);
    }
  });

  it('reference only seeded GOM profiles in user columns', () => {
    const goms = gomIds(INCIDENTS);
    const refs: string[] = [];
    for (const [table, column] of [['monitoring_logs', 'user_id'], ['monitoring_alert_rules', 'created_by'], ['monitoring_dashboards', 'created_by'], ['monitoring_downtimes', 'created_by']] as const) {
      for (const row of rowsOf(table, INCIDENTS)) if (row[col(table, column)] !== null) refs.push(row[col(table, column)] as string);
    }
    for (const row of rowsOf('monitoring_dashboards', INCIDENTS)) refs.push(...(row[col('monitoring_dashboards', 'shared_with')] as string[]));
    expect(refs.length).toBeGreaterThan(10);
    for (const id of refs) expect(goms.has(id), id).toBe(true);
  });

  it('cover exactly monitoringHours × 60 minutes × the 9 services, never after the reference date', () => {
    const ref = DAY.referenceDate.getTime();
    const start = Math.floor(ref / 60_000) * 60_000 - 24 * 3_600_000;
    const covered = new Set<string>();
    const others = new Set<string>();
    const name = col('monitoring_metrics', 'service_name');
    const ts = col('monitoring_metrics', 'timestamp');
    let earliest = Infinity;
    let latest = -Infinity;
    for (const row of spec('monitoring_metrics').rows(DAY)) {
      const t = (row[ts] as Date).getTime();
      earliest = Math.min(earliest, t);
      latest = Math.max(latest, t);
      const service = row[name] as string;
      if (SERVICE_NAMES.includes(service)) covered.add(`${service}|${Math.floor(t / 60_000)}`);
      else others.add(service);
    }
    expect(earliest).toBeGreaterThanOrEqual(start);
    expect(latest).toBeLessThanOrEqual(ref);
    expect(covered.size).toBe(24 * 60 * 9);
    // Besides the 9 services, only gomflow-monitoring's own host rows (MO1, service_name 'system').
    expect([...others]).toEqual(['system']);
  });

  it('peak in the PH/MY evening: 18:00–23:00 UTC+8 carries more requests per minute than 02:00–06:00', () => {
    const sums = { evening: 0, eveningN: 0, night: 0, nightN: 0 };
    const [name, metric, value, ts] = ['service_name', 'metric_name', 'metric_value', 'timestamp'].map((c) => col('monitoring_metrics', c));
    for (const row of spec('monitoring_metrics').rows(DAY)) {
      if (row[metric!] !== 'requests_per_minute' || row[name!] !== 'gomflow-core') continue;
      const hour = ((row[ts!] as Date).getUTCHours() + 8) % 24;
      if (hour >= 18 && hour < 23) { sums.evening += row[value!] as number; sums.eveningN += 1; }
      if (hour >= 2 && hour < 6) { sums.night += row[value!] as number; sums.nightN += 1; }
    }
    expect(sums.eveningN).toBe(5 * 60);
    expect(sums.nightN).toBe(4 * 60);
    expect(sums.evening / sums.eveningN).toBeGreaterThan(3 * (sums.night / sums.nightN));
  });

  it('raise alerts exactly where the generated metrics cross the rules, for the rule duration', () => {
    const alerts = rowsOf('monitoring_alerts', INCIDENTS);
    const rules = new Map(rowsOf('monitoring_alert_rules', INCIDENTS).map((r) => [r[0] as string, r]));
    expect(alerts.length).toBeGreaterThan(10);
    // Index the metric values the alerts point at: service|metric|minute → values.
    const wanted = new Set(alerts.map((a) => `${a[col('monitoring_alerts', 'service')]}|${(a[col('monitoring_alerts', 'metadata')] as { metric: string }).metric}`));
    const values = new Map<string, number[]>();
    const [name, metric, value, ts] = ['service_name', 'metric_name', 'metric_value', 'timestamp'].map((c) => col('monitoring_metrics', c));
    for (const row of spec('monitoring_metrics').rows(INCIDENTS)) {
      const key = `${row[name!]}|${row[metric!]}`;
      if (!wanted.has(key)) continue;
      const k = `${key}|${Math.floor((row[ts!] as Date).getTime() / 60_000)}`;
      values.set(k, [...(values.get(k) ?? []), row[value!] as number]);
    }
    for (const alert of alerts) {
      const meta = alert[col('monitoring_alerts', 'metadata')] as { rule_id: string; metric: string; condition: string; duration_seconds: number };
      const rule = rules.get(meta.rule_id)!;
      expect(rule, meta.rule_id).toBeDefined();
      expect(rule[col('monitoring_alert_rules', 'service')]).toBe(alert[col('monitoring_alerts', 'service')]);
      const threshold = alert[col('monitoring_alerts', 'threshold')] as number;
      expect(threshold).toBe(rule[col('monitoring_alert_rules', 'threshold')]);
      const minute = Math.floor((alert[col('monitoring_alerts', 'created_at')] as Date).getTime() / 60_000);
      const at = (m: number): number[] => values.get(`${alert[col('monitoring_alerts', 'service')]}|${meta.metric}|${m}`) ?? [];
      if (meta.condition === 'changes_by') {
        const now = at(minute)[0]!;
        const before = at(minute - meta.duration_seconds / 60)[0]!;
        expect((Math.abs(now - before) / Math.max(before, 1)) * 100).toBeGreaterThan(threshold);
        continue;
      }
      for (let back = 0; back < meta.duration_seconds / 60; back += 1) {
        const seen = at(minute - back);
        expect(seen.length, `${meta.metric} at minute ${minute - back}`).toBeGreaterThan(0);
        if (meta.condition === 'above') expect(Math.min(...seen)).toBeGreaterThan(threshold);
        else expect(Math.max(...seen)).toBeLessThan(threshold);
      }
      if (meta.condition === 'above') expect(alert[col('monitoring_alerts', 'current_value')]).toBe(at(minute)[0]);
    }
  });

  it('resolve, acknowledge and suppress alerts consistently with time and the maintenance calendar', () => {
    const ref = INCIDENTS.referenceDate.getTime();
    const alerts = rowsOf('monitoring_alerts', INCIDENTS);
    const statuses = new Set(alerts.map((a) => a[col('monitoring_alerts', 'status')]));
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['acknowledged', 'active', 'resolved']));
    const planned = rowsOf('monitoring_downtimes', INCIDENTS).filter((d) => d[col('monitoring_downtimes', 'type')] === 'planned');
    for (const a of alerts) {
      const created = (a[col('monitoring_alerts', 'created_at')] as Date).getTime();
      const updated = (a[col('monitoring_alerts', 'updated_at')] as Date).getTime();
      const resolved = a[col('monitoring_alerts', 'resolved_at')] as Date | null;
      const status = a[col('monitoring_alerts', 'status')];
      expect(created).toBeLessThanOrEqual(ref);
      expect(updated).toBeGreaterThanOrEqual(created);
      expect(updated).toBeLessThanOrEqual(ref);
      expect(resolved !== null).toBe(status === 'resolved');
      if (resolved) expect(resolved.getTime()).toBeGreaterThan(created);
      if (status === 'acknowledged') expect((a[col('monitoring_alerts', 'metadata')] as { acknowledged_by?: string }).acknowledged_by).toMatch(UUID);
      if (status === 'suppressed') {
        const service = a[col('monitoring_alerts', 'service')];
        expect(planned.some((d) => d[col('monitoring_downtimes', 'service')] === service
          && (d[col('monitoring_downtimes', 'start_time')] as Date).getTime() <= created
          && created < (d[col('monitoring_downtimes', 'end_time')] as Date).getTime() + 120_000)).toBe(true);
      }
    }
  });

  it('notify only about generated alerts, on their severity channels, while they were active', () => {
    const alerts = new Map(rowsOf('monitoring_alerts', INCIDENTS).map((a) => [a[0] as string, a]));
    const notifications = rowsOf('monitoring_notifications', INCIDENTS);
    expect(notifications.length).toBeGreaterThan(0);
    const channels: Record<string, string[]> = { critical: ['slack', 'discord', 'webhook'], high: ['slack', 'discord'], medium: ['slack'] };
    for (const n of notifications) {
      const alert = alerts.get(n[col('monitoring_notifications', 'alert_id')] as string);
      expect(alert, 'alert_id must be a generated alert').toBeDefined();
      expect(n[col('monitoring_notifications', 'channels')]).toEqual(channels[alert![col('monitoring_alerts', 'severity')] as string]);
      const sent = (n[col('monitoring_notifications', 'sent_at')] as Date).getTime();
      expect(sent).toBeGreaterThanOrEqual((alert![col('monitoring_alerts', 'created_at')] as Date).getTime());
      expect(sent).toBeLessThanOrEqual(INCIDENTS.referenceDate.getTime());
      const resolved = alert![col('monitoring_alerts', 'resolved_at')] as Date | null;
      if (resolved) expect(sent).toBeLessThan(resolved.getTime());
      expect(n[col('monitoring_notifications', 'error_message')] === null).toBe(n[col('monitoring_notifications', 'status')] === 'sent');
    }
  });

  it('agree between health-check metrics and service health snapshots', () => {
    const metrics = new Map<string, string>();
    const [name, metric, labels, ts] = ['service_name', 'metric_name', 'labels', 'timestamp'].map((c) => col('monitoring_metrics', c));
    for (const row of spec('monitoring_metrics').rows(INCIDENTS)) {
      if (row[metric!] === 'health_check') metrics.set(`${row[name!]}|${(row[ts!] as Date).getTime()}`, (row[labels!] as { status: string }).status);
    }
    const health = rowsOf('monitoring_service_health', INCIDENTS);
    expect(health.length).toBe(48 * 60 * 2 * 9);
    let matched = 0;
    for (const h of health) {
      const status = metrics.get(`${h[col('monitoring_service_health', 'service_name')]}|${(h[col('monitoring_service_health', 'checked_at')] as Date).getTime()}`);
      if (status === undefined) continue;
      expect(h[col('monitoring_service_health', 'status')]).toBe(status);
      matched += 1;
    }
    expect(matched).toBe(metrics.size);
    const unhealthy = health.filter((h) => h[col('monitoring_service_health', 'status')] === 'unhealthy');
    for (const h of unhealthy) expect(h[col('monitoring_service_health', 'uptime_percentage')]).toBeLessThan(100);
  });

  it('write log lines at every level, some with a trace id and a GOM user id', () => {
    const logs = rowsOf('monitoring_logs', INCIDENTS);
    const levels = new Set(logs.map((l) => l[col('monitoring_logs', 'level')]));
    expect([...levels].sort()).toEqual(['debug', 'error', 'info', 'warn']);
    const traced = logs.filter((l) => l[col('monitoring_logs', 'trace_id')] !== null);
    const withUser = logs.filter((l) => l[col('monitoring_logs', 'user_id')] !== null);
    expect(traced.length).toBeGreaterThan(logs.length * 0.2);
    expect(withUser.length).toBeGreaterThan(logs.length * 0.05);
    for (const l of traced) expect(l[col('monitoring_logs', 'trace_id')]).toMatch(/^[0-9a-f]{32}$/);
    const times = logs.map((l) => (l[col('monitoring_logs', 'timestamp')] as Date).getTime());
    for (const t of times) expect(t).toBeLessThanOrEqual(INCIDENTS.referenceDate.getTime());
    expect(new Set(logs.map((l) => l[col('monitoring_logs', 'service')]))).toEqual(new Set(SERVICE_NAMES));
  });

  it('record downtimes that agree with the health checks', () => {
    const downtimes = rowsOf('monitoring_downtimes', INCIDENTS);
    const ref = INCIDENTS.referenceDate.getTime();
    for (const d of downtimes) {
      const status = d[col('monitoring_downtimes', 'status')];
      const start = (d[col('monitoring_downtimes', 'start_time')] as Date).getTime();
      const end = d[col('monitoring_downtimes', 'end_time')] as Date | null;
      expect(status === 'scheduled').toBe(start > ref);
      expect(end === null).toBe(status === 'ongoing');
      if (end) expect(d[col('monitoring_downtimes', 'duration_seconds')]).toBe((end.getTime() - start) / 1000);
      expect((d[col('monitoring_downtimes', 'created_at')] as Date).getTime()).toBeLessThanOrEqual(ref);
    }
    const windowStart = ref - 48 * 3_600_000;
    const health = rowsOf('monitoring_service_health', INCIDENTS);
    for (const d of downtimes) {
      const start = (d[col('monitoring_downtimes', 'start_time')] as Date).getTime();
      if (d[col('monitoring_downtimes', 'type')] !== 'unplanned' || start < windowStart || start > ref - 60_000) continue;
      const service = d[col('monitoring_downtimes', 'service')];
      const during = health.filter((h) => h[col('monitoring_service_health', 'service_name')] === service
        && Math.abs((h[col('monitoring_service_health', 'checked_at')] as Date).getTime() - start - 40_000) < 30_000);
      expect(during.map((h) => h[col('monitoring_service_health', 'status')])).toContain('unhealthy');
    }
  });
});
