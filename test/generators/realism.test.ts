import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_TABLE_SPECS } from '../../generators/tables.ts';
import { ms, rowsOf, tinyContext, type Cell } from '../helpers/tinyRows.ts';

type Rows = Record<string, Cell>[];
const ctx = tinyContext(7);
const endMs = ctx.referenceDate.getTime();
const tables = new Map<string, Rows>();
const rows = (table: string): Rows => tables.get(table)!;
const cents = (v: Cell) => Math.round(Number(v) * 100);

/** Foreign keys of the schema (10-gomflow.sql), child column → parent table and column. */
const FOREIGN_KEYS: readonly [string, string, string, string][] = [
  ['public.profiles', 'user_id', 'auth.users', 'id'],
  ['public.orders', 'user_id', 'public.profiles', 'user_id'],
  ['public.submissions', 'order_id', 'public.orders', 'id'],
  ['public.payment_transactions', 'submission_id', 'public.submissions', 'id'],
  ['public.platform_connections', 'user_id', 'public.profiles', 'user_id'],
  ['public.messages', 'submission_id', 'public.submissions', 'id'],
  ['public.platform_posts', 'order_id', 'public.orders', 'id'],
  ['public.notifications', 'user_id', 'public.profiles', 'user_id'],
  ['public.user_devices', 'user_id', 'public.profiles', 'user_id'],
  ['public.notification_deliveries', 'notification_id', 'public.notifications', 'id'],
  ['public.analytics_events', 'user_id', 'public.profiles', 'user_id'],
  ['public.analytics_events', 'order_id', 'public.orders', 'id'],
  ['public.analytics_events', 'submission_id', 'public.submissions', 'id'],
  ['public.analytics_user_sessions', 'user_id', 'public.profiles', 'user_id'],
  ['public.analytics_reports', 'generated_by', 'public.profiles', 'user_id'],
  ['public.analytics_export_jobs', 'requested_by', 'public.profiles', 'user_id'],
  ['public.analytics_dashboards', 'created_by', 'public.profiles', 'user_id'],
  ['public.analytics_funnels', 'created_by', 'public.profiles', 'user_id'],
  ['public.analytics_segments', 'created_by', 'public.profiles', 'user_id'],
  ['public.analytics_ab_tests', 'created_by', 'public.profiles', 'user_id'],
  ['public.monitoring_logs', 'user_id', 'public.profiles', 'user_id'],
  ['public.monitoring_dashboards', 'created_by', 'public.profiles', 'user_id'],
  ['public.monitoring_alert_rules', 'created_by', 'public.profiles', 'user_id'],
  ['public.monitoring_downtimes', 'created_by', 'public.profiles', 'user_id'],
  ['public.monitoring_notifications', 'alert_id', 'public.monitoring_alerts', 'id'],
];

beforeAll(() => {
  for (const spec of ALL_TABLE_SPECS) tables.set(spec.table, rowsOf(ctx, spec.table));
});

describe('a tiny world, generated in memory', () => {
  it('has the entity counts the context asks for', () => {
    const c = ctx.counts;
    expect(rows('auth.users')).toHaveLength(c.goms + c.buyerAccounts);
    expect(rows('public.profiles')).toHaveLength(c.goms + c.buyerAccounts);
    expect(rows('public.orders')).toHaveLength(c.orders);
    expect(rows('public.submissions')).toHaveLength(c.submissions);
    expect(new Set(rows('public.orders').map((o) => o.user_id)).size).toBeLessThanOrEqual(c.goms);
  });

  it('gives every table unique ids (and unique emails, usernames, slugs, payment references, devices per user)', () => {
    for (const spec of ALL_TABLE_SPECS) {
      const key = spec.columns.includes('id') ? 'id' : spec.columns[0]!;
      const ids = rows(spec.table).map((r) => r[key]);
      expect(new Set(ids).size, spec.table).toBe(ids.length);
    }
    const unique = (table: string, f: (r: Record<string, Cell>) => unknown) => {
      const values = rows(table).map(f);
      expect(new Set(values).size, table).toBe(values.length);
    };
    unique('public.profiles', (r) => r.email);
    unique('public.profiles', (r) => r.username);
    unique('auth.users', (r) => r.email);
    unique('public.orders', (r) => r.slug);
    unique('public.submissions', (r) => r.payment_reference);
    unique('public.user_devices', (r) => `${r.user_id}/${r.device_id}`);
    unique('public.analytics_user_sessions', (r) => r.session_id);
  });

  it('resolves every foreign key to a row its parent spec generated, and loads parents first', () => {
    for (const [child, column, parent, parentColumn] of FOREIGN_KEYS) {
      const ids = new Set(rows(parent).map((r) => r[parentColumn]));
      const dangling = rows(child).filter((r) => r[column] !== null && !ids.has(r[column]!));
      expect(dangling.length, `${child}.${column} → ${parent}`).toBe(0);
      const order = ALL_TABLE_SPECS.map((s) => s.table);
      expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
    }
    const position = new Map(ALL_TABLE_SPECS.map((s, i) => [s.table, i]));
    for (const spec of ALL_TABLE_SPECS) {
      for (const parent of spec.dependsOn) expect(position.get(parent), `${spec.table} depends on ${parent}`).toBeLessThan(position.get(spec.table)!);
    }
  });

  it("prices every order in its GOM's currency and every submission in its order's", () => {
    const country = new Map(rows('public.profiles').map((p) => [p.user_id, p.country]));
    for (const o of rows('public.orders')) expect(o.currency).toBe(country.get(o.user_id) === 'PH' ? 'PHP' : 'MYR');
    const currency = new Map(rows('public.orders').map((o) => [o.id, o.currency]));
    for (const s of rows('public.submissions')) expect(s.currency).toBe(currency.get(s.order_id));
  });

  it("gives buyers phones of their currency's country, stored E.164", () => {
    const bad = rows('public.submissions').filter((s) => !(s.currency === 'PHP' ? /^\+639\d{9}$/ : /^\+601\d{8,9}$/).test(String(s.buyer_phone)));
    expect(bad).toEqual([]);
    const badProfiles = rows('public.profiles').filter((p) => !(p.country === 'PH' ? /^\+639\d{9}$/ : /^\+601\d{8,9}$/).test(String(p.phone)));
    expect(badProfiles).toEqual([]);
  });

  it('charges exactly quantity × order price', () => {
    const price = new Map(rows('public.orders').map((o) => [o.id, cents(o.price)]));
    const bad = rows('public.submissions').filter((s) => cents(s.total_amount) !== (s.quantity as number) * price.get(s.order_id)!);
    expect(bad).toEqual([]);
  });

  it('gives each paid submission exactly one successful transaction, paid after it was created, and none to others', () => {
    const successes = new Map<Cell, Record<string, Cell>[]>();
    for (const t of rows('public.payment_transactions')) {
      if (t.paid_at === null) continue;
      successes.set(t.submission_id, [...(successes.get(t.submission_id) ?? []), t]);
    }
    let paid = 0;
    for (const s of rows('public.submissions')) {
      const ok = successes.get(s.id) ?? [];
      if (s.status === 'paid') {
        paid += 1;
        expect(ok).toHaveLength(1);
        expect(ms(ok[0]!.paid_at)).toBeGreaterThan(ms(s.created_at));
        expect(ms(ok[0]!.paid_at)).toBeLessThanOrEqual(endMs);
        expect(cents(ok[0]!.amount)).toBe(cents(s.total_amount));
      } else {
        expect(ok).toHaveLength(0);
      }
    }
    expect(paid).toBeGreaterThan(rows('public.submissions').length / 2);
  });

  it('creates no submission after its order closed, so no pending one either', () => {
    const deadline = new Map(rows('public.orders').map((o) => [o.id, ms(o.deadline)]));
    const late = rows('public.submissions').filter((s) => ms(s.created_at) > deadline.get(s.order_id)!);
    expect(late).toEqual([]);
  });

  it('keeps orders active exactly while their deadline is ahead of the reference date', () => {
    for (const o of rows('public.orders')) expect(o.is_active).toBe(ms(o.deadline) > endMs);
    expect(rows('public.orders').some((o) => o.is_active)).toBe(true);
  });

  it('concentrates demand: the top 1 % of orders hold at least 25 % of submissions', () => {
    const perOrder = new Map<Cell, number>();
    for (const s of rows('public.submissions')) perOrder.set(s.order_id, (perOrder.get(s.order_id) ?? 0) + 1);
    const counts = [...perOrder.values()].sort((a, b) => b - a);
    const top = Math.max(1, Math.ceil(rows('public.orders').length * 0.01));
    const share = counts.slice(0, top).reduce((a, b) => a + b, 0) / rows('public.submissions').length;
    expect(share).toBeGreaterThanOrEqual(0.25);
  });

  it('is busier in PH/MY evenings (18:00–23:00) than at night (02:00–06:00)', () => {
    let evening = 0;
    let night = 0;
    for (const s of rows('public.submissions')) {
      const h = (new Date(ms(s.created_at)).getUTCHours() + 8) % 24;
      if (h >= 18 && h < 23) evening += 1;
      if (h >= 2 && h < 6) night += 1;
    }
    expect(evening).toBeGreaterThan(night * 2);
  });

  it('puts every timestamp at or before the reference date', () => {
    for (const spec of ALL_TABLE_SPECS.filter((s) => !s.table.includes('monitoring_') && !s.table.includes('analytics_') || s.table.includes('events') || s.table.includes('sessions'))) {
      for (const column of ['created_at', 'updated_at', 'paid_at', 'sent_at', 'delivered_at', 'last_sign_in_at', 'read_at', 'started_at', 'ended_at']) {
        if (!spec.columns.includes(column)) continue;
        const future = rows(spec.table).filter((r) => r[column] !== null && ms(r[column]!) > endMs);
        expect(future.length, `${spec.table}.${column}`).toBe(0);
      }
    }
  });

  it('counts each reminder message in reminder_count and last_reminder_sent', () => {
    const reminders = new Map<Cell, number[]>();
    for (const m of rows('public.messages')) {
      if (m.message_type === 'reminder') reminders.set(m.submission_id, [...(reminders.get(m.submission_id) ?? []), ms(m.created_at)]);
    }
    for (const s of rows('public.submissions')) {
      const sent = reminders.get(s.id) ?? [];
      expect(sent.length).toBe(s.reminder_count);
      if (sent.length > 0) expect(Math.max(...sent)).toBe(ms(s.last_reminder_sent));
    }
  });

  it('gives every event session a session row whose actions_taken counts its events', () => {
    const sessions = new Map(rows('public.analytics_user_sessions').map((s) => [s.session_id, s]));
    const perSession = new Map<Cell, number>();
    for (const e of rows('public.analytics_events')) {
      if (e.session_id === null) continue;
      expect(sessions.has(e.session_id), String(e.session_id)).toBe(true);
      perSession.set(e.session_id, (perSession.get(e.session_id) ?? 0) + 1);
      const s = sessions.get(e.session_id)!;
      expect(ms(e.created_at)).toBeGreaterThanOrEqual(ms(s.started_at));
      if (s.ended_at !== null) expect(ms(e.created_at)).toBeLessThanOrEqual(ms(s.ended_at));
    }
    for (const s of sessions.values()) expect(perSession.get(s.session_id) ?? 0).toBe(s.actions_taken);
  });

  it('follows the funnel: submitted → proof uploaded → verified for tracked paid submissions', () => {
    const byType = new Map<string, Map<Cell, number>>();
    for (const e of rows('public.analytics_events')) {
      if (e.submission_id === null) continue;
      const m = byType.get(e.event_type as string) ?? new Map();
      m.set(e.submission_id, ms(e.created_at));
      byType.set(e.event_type as string, m);
    }
    const created = byType.get('submission_created')!;
    const verified = byType.get('submission_payment_verified')!;
    expect(created.size).toBeGreaterThan(0);
    for (const [id, t] of verified) {
      expect(created.get(id)).toBeLessThan(t);
      const uploaded = byType.get('submission_payment_uploaded')?.get(id);
      expect(uploaded).toBeDefined();
      expect(uploaded!).toBeLessThanOrEqual(t);
    }
    const allowed = new Set(['order_created', 'order_updated', 'order_deadline_reached', 'order_goal_reached', 'order_completed', 'order_cancelled', 'submission_created', 'submission_updated', 'submission_payment_uploaded', 'submission_payment_verified', 'submission_payment_rejected', 'user_registered', 'user_login', 'user_profile_updated', 'platform_message_sent', 'platform_message_received', 'platform_notification_sent', 'error_occurred', 'api_error', 'payment_error']);
    for (const e of rows('public.analytics_events')) expect(allowed.has(e.event_type as string)).toBe(true);
  });

  it('aggregates exactly what the events, submissions and orders say', () => {
    const aggregations = rows('public.analytics_aggregations');
    const value = (metric: string, bucket: string, timeMs: number, dim = '{}') =>
      aggregations.find((a) => a.metric_name === metric && a.bucket_size === bucket && ms(a.time_bucket) === timeMs && a.dimensions === dim)?.metric_value;
    const day = (t: number) => Math.floor(t / 86_400_000) * 86_400_000;
    const eventsPerDay = new Map<number, number>();
    for (const e of rows('public.analytics_events')) eventsPerDay.set(day(ms(e.created_at)), (eventsPerDay.get(day(ms(e.created_at))) ?? 0) + 1);
    for (const [d, n] of eventsPerDay) expect(value('events_count', 'day', d), new Date(d).toISOString()).toBe(n);
    const dailyTotal = aggregations.filter((a) => a.metric_name === 'events_count' && a.bucket_size === 'day' && a.dimensions === '{}').reduce((sum, a) => sum + (a.metric_value as number), 0);
    expect(dailyTotal).toBe(rows('public.analytics_events').length);
    const revenue = new Map<string, number>();
    for (const s of rows('public.submissions')) {
      if (s.status !== 'paid') continue;
      const paidAt = rows('public.payment_transactions').find((t) => t.submission_id === s.id && t.paid_at !== null)!.paid_at!;
      const key = `${day(ms(paidAt))}|${s.currency}`;
      revenue.set(key, (revenue.get(key) ?? 0) + cents(s.total_amount));
    }
    for (const [key, total] of revenue) {
      const [d, currency] = key.split('|');
      expect(cents(value('revenue', 'day', Number(d), `{"currency":"${currency}"}`)!)).toBe(total);
    }
    const perCountryDay = new Map<string, number>();
    for (const s of rows('public.submissions')) {
      const key = `${day(ms(s.created_at))}|${s.currency === 'PHP' ? 'PH' : 'MY'}`;
      perCountryDay.set(key, (perCountryDay.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perCountryDay) {
      const [d, country] = key.split('|');
      expect(value('submissions_count', 'day', Number(d), `{"country":"${country}"}`)).toBe(n);
    }
    for (const a of aggregations) expect(String(a.id).startsWith('seed-00c0ffee-')).toBe(true);
  });

  it('fits the enums, CHECK lists and varchar lengths of 10-gomflow.sql', () => {
    const allowed: Record<string, Record<string, readonly (string | null)[]>> = {
      'public.profiles': { country: ['PH', 'MY'], plan: ['free', 'pro', 'gateway', 'business'], subscription_status: ['active', 'inactive', 'cancelled'], timezone: ['Asia/Manila', 'Asia/Kuala_Lumpur'] },
      'public.orders': { currency: ['PHP', 'MYR'] },
      'public.submissions': { buyer_platform: ['whatsapp', 'telegram', 'discord', 'web'], currency: ['PHP', 'MYR'], payment_gateway: ['paymongo', 'billplz', null], status: ['pending', 'paid', 'failed', 'expired', 'cancelled'] },
      'public.payment_transactions': { gateway: ['paymongo', 'billplz'], currency: ['PHP', 'MYR'] },
      'public.platform_connections': { platform: ['whatsapp', 'telegram', 'discord', 'web'], connection_type: ['group', 'channel', 'webhook'] },
      'public.messages': { platform: ['whatsapp', 'telegram', 'discord', 'web'], message_type: ['reminder', 'confirmation', 'query_response', 'custom'], status: ['pending', 'sent', 'failed', 'delivered'] },
      'public.platform_posts': { platform: ['whatsapp', 'telegram', 'discord', 'web'], status: ['posted', 'failed', 'deleted'] },
      'public.notifications': {
        type: ['order_created', 'order_updated', 'order_deadline_approaching', 'order_goal_reached', 'order_completed', 'order_cancelled', 'submission_created', 'submission_payment_required', 'submission_payment_confirmed', 'submission_payment_rejected', 'new_order_recommendation', 'category_update', 'gom_message', 'announcement', 'system_maintenance', 'feature_update'],
        priority: ['low', 'normal', 'high', 'urgent'],
      },
      'public.notification_deliveries': { channel: ['websocket', 'push', 'email', 'sms'], status: ['pending', 'sent', 'delivered', 'failed', 'bounced'] },
      'public.user_devices': { device_type: ['web', 'ios', 'android'] },
      'public.analytics_events': { platform: ['web', 'mobile', 'discord', 'telegram', 'whatsapp', null], country: ['PH', 'MY', null], currency: ['PHP', 'MYR', null] },
      'public.analytics_user_sessions': { platform: ['web', 'mobile', 'discord', 'telegram', 'whatsapp', null], country: ['PH', 'MY', null] },
      'public.analytics_aggregations': { bucket_size: ['minute', 'hour', 'day', 'week', 'month'] },
    };
    for (const [table, columns] of Object.entries(allowed)) {
      for (const [column, values] of Object.entries(columns)) {
        const bad = rows(table).filter((r) => !values.includes(r[column] as string | null));
        expect(bad.map((r) => r[column]), `${table}.${column}`).toEqual([]);
      }
    }
    const lengths: [string, string, number][] = [
      ['public.orders', 'title', 255], ['public.orders', 'slug', 100], ['public.submissions', 'buyer_name', 255],
      ['public.submissions', 'buyer_phone', 20], ['public.submissions', 'buyer_email', 255], ['public.submissions', 'buyer_platform_id', 100],
      ['public.submissions', 'payment_reference', 50], ['public.submissions', 'source_platform', 50], ['public.submissions', 'utm_source', 100],
      ['public.submissions', 'payment_intent_id', 255], ['public.submissions', 'checkout_session_id', 255],
      ['public.payment_transactions', 'gateway_payment_id', 255], ['public.payment_transactions', 'gateway_status', 50], ['public.payment_transactions', 'payment_method', 50],
      ['public.messages', 'external_message_id', 255], ['public.platform_posts', 'post_id', 255], ['auth.users', 'email', 255],
    ];
    for (const [table, column, max] of lengths) {
      const long = rows(table).filter((r) => typeof r[column] === 'string' && (r[column] as string).length > max);
      expect(long.length, `${table}.${column} ≤ ${max}`).toBe(0);
    }
    for (const o of rows('public.orders')) {
      expect(o.min_orders as number).toBeGreaterThanOrEqual(1);
      if (o.max_orders !== null) expect(o.max_orders as number).toBeGreaterThanOrEqual(o.min_orders as number);
    }
    for (const t of rows('public.payment_transactions')) expect(() => JSON.parse(t.webhook_data as string)).not.toThrow();
    for (const n of rows('public.notifications')) expect(() => JSON.parse(n.data as string)).not.toThrow();
    for (const e of rows('public.analytics_events')) expect(() => JSON.parse(e.event_data as string)).not.toThrow();
  });

  it('lets the profile trigger create notification_preferences (no spec writes them)', () => {
    expect(ALL_TABLE_SPECS.some((s) => s.table === 'public.notification_preferences')).toBe(false);
  });
});
