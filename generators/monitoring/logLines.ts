import type { Random } from '../random.ts';
import type { IncidentKind } from './incidents.ts';
import { SERVICES } from './services.ts';

/**
 * What each service writes to monitoring_logs: request lines, job lines and the warnings and
 * errors of its failure modes. Built once as constants; a line is a template plus a few
 * numbers drawn per row.
 */
export type Level = 'error' | 'warn' | 'info' | 'debug';

export interface LogLine {
  level: Level;
  message: string;
  metadata: Record<string, unknown>;
  /** Request-scoped: carries a trace id. */
  traced: boolean;
  /** Done by or for a GOM: carries their user id. */
  gom: boolean;
}

type Template = { level: Level; weight: number; traced: boolean; gom: boolean; make: (r: Random) => [string, Record<string, unknown>] };

const t = (level: Level, weight: number, traced: boolean, gom: boolean, make: Template['make']): Template => ({ level, weight, traced, gom, make });
const ms = (r: Random, lo: number, hi: number): number => r.int(lo, hi);
const route = (method: string, path: string, status: number, lo: number, hi: number): Template['make'] => (r) => {
  const duration = ms(r, lo, hi);
  return [`${method} ${path} ${status} ${duration}ms`, { method, path, status, duration_ms: duration }];
};
const ref = (r: Random, country: 'PH' | 'MY'): string => `${country}-${(r.int(0, 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

const HEALTH_CHECKED_NAMES = SERVICES.filter((p) => p.healthChecked).map((p) => p.name);

const BY_SERVICE: Record<string, readonly Template[]> = {
  'gomflow-core': [
    t('info', 20, true, false, route('GET', '/api/orders', 200, 40, 220)),
    t('info', 18, true, false, route('GET', '/api/orders/[id]', 200, 30, 180)),
    t('info', 10, true, false, route('POST', '/api/orders/[id]/submissions', 201, 90, 400)),
    t('info', 8, true, true, route('GET', '/api/dashboard', 200, 80, 450)),
    t('info', 8, true, true, route('PATCH', '/api/submissions/[id]/status', 200, 40, 200)),
    t('info', 4, true, true, route('POST', '/api/orders', 201, 90, 350)),
    t('info', 5, true, false, route('POST', '/api/payments/upload-proof', 200, 300, 1800)),
    t('debug', 6, true, false, () => ['Cache miss for order summary', { cache: 'order_summaries' }]),
    t('warn', 3, true, false, (r) => { const d = ms(r, 1000, 4000); return [`Slow query: submissions by order_id took ${d} ms`, { duration_ms: d, table: 'submissions' }]; }),
    t('warn', 2, false, false, (r) => [`Rate limit exceeded for IP 112.${r.int(198, 211)}.${r.int(0, 255)}.${r.int(1, 254)}`, { limit: 100, window_ms: 60_000 }]),
    t('error', 1, true, false, () => ['PGRST116: JSON object requested, multiple (or no) rows returned', { path: '/api/orders/[id]', code: 'PGRST116' }]),
  ],
  'gomflow-whatsapp': [
    t('info', 20, true, true, (r) => [`Message sent to +63 9** *** ${r.int(1000, 9999)} (payment_reminder)`, { template: 'payment_reminder', channel: 'whatsapp' }]),
    t('info', 12, true, false, () => ['Twilio status callback: delivered', { status: 'delivered' }]),
    t('info', 6, true, false, (r) => [`Incoming message from +60 1* *** ${r.int(1000, 9999)} routed to order bot`, { direction: 'inbound' }]),
    t('debug', 4, true, false, () => ['Webhook payload validated', {}]),
    t('warn', 2, false, false, (r) => { const n = r.int(85, 99); return [`Approaching WhatsApp rate limit (${n}/100 per minute)`, { used: n, limit: 100 }]; }),
    t('error', 1, true, true, () => ['Twilio error 63016: message outside the 24-hour window', { twilio_code: 63016 }]),
  ],
  'gomflow-telegram': [
    t('info', 14, true, false, (r) => [`Command /order received from chat ${r.int(100_000_000, 999_999_999)}`, { command: '/order' }]),
    t('info', 8, true, false, () => ['Payment screenshot forwarded to smart agent', { mime: 'image/jpeg' }]),
    t('info', 6, true, true, () => ['GOM broadcast sent to channel subscribers', { kind: 'broadcast' }]),
    t('debug', 3, false, false, () => ['Session refreshed', {}]),
    t('warn', 2, false, false, (r) => { const s = r.int(1, 8); return [`Telegram API 429: retry after ${s}s`, { retry_after: s }]; }),
    t('error', 1, true, false, () => ['Failed to download file from Telegram: ETIMEDOUT', { code: 'ETIMEDOUT' }]),
  ],
  'gomflow-discord': [
    t('info', 14, true, true, (r) => { const d = ms(r, 60, 900); return [`Slash command /gom status handled in ${d} ms`, { command: '/gom status', duration_ms: d }]; }),
    t('info', 10, true, false, () => ['Interaction /order submit handled', { command: '/order submit' }]),
    t('info', 5, true, true, () => ['Posted order update to #group-orders', { kind: 'order_update' }]),
    t('warn', 2, false, false, () => ['Discord gateway reconnecting (resume)', { shard: 0 }]),
    t('error', 1, true, true, () => ['DiscordAPIError[50013]: Missing Permissions', { code: 50013 }]),
  ],
  'gomflow-payments': [
    t('info', 12, true, false, (r) => [`PayMongo webhook payment.paid verified for ${ref(r, 'PH')}`, { gateway: 'paymongo', method: r.pick(['gcash', 'paymaya', 'card', 'grab_pay']) }]),
    t('info', 7, true, false, (r) => [`Billplz callback paid=true verified for ${ref(r, 'MY')}`, { gateway: 'billplz', method: r.pick(['fpx', 'touch_n_go', 'boost', 'card']) }]),
    t('info', 8, true, false, (r) => { const m = r.pick(['gcash', 'paymaya', 'fpx', 'touch_n_go']); return [`Payment intent created (${m})`, { method: m }]; }),
    t('info', 2, true, true, () => ['Payout settings updated', { kind: 'settings' }]),
    t('warn', 2, true, false, () => ['Duplicate webhook ignored (idempotency key already seen)', { reason: 'duplicate' }]),
    t('error', 1, true, false, () => ['PayMongo API error: 502 Bad Gateway', { gateway: 'paymongo', status: 502 }]),
  ],
  'gomflow-smart-agent': [
    t('info', 10, true, false, (r) => { const d = ms(r, 700, 2600); const c = (70 + r.int(0, 29)) / 100; return [`OCR completed in ${d} ms (confidence ${c})`, { duration_ms: d, confidence: c }]; }),
    t('info', 8, true, true, (r) => [`Matched payment to submission ${ref(r, r.chance(0.65) ? 'PH' : 'MY')}`, { auto_verified: true }]),
    t('warn', 3, true, true, (r) => { const c = (40 + r.int(0, 29)) / 100; return [`Low confidence match (${c}); sent to manual review`, { confidence: c }]; }),
    t('error', 1, true, false, () => ['Vision API request failed: 429 Too Many Requests', { status: 429 }]),
  ],
  'gomflow-analytics': [
    t('info', 10, false, false, (r) => { const b = r.pick(['minute', 'hour', 'day', 'week', 'month']); const n = r.int(0, 900); return [`Aggregation job ${b} completed (${n} events)`, { bucket_size: b, events: n }]; }),
    t('info', 8, true, false, (r) => { const e = r.pick(['submission_created', 'submission_payment_uploaded', 'order_created', 'user_login']); return [`Tracked event ${e}`, { event_type: e }]; }),
    t('info', 2, true, true, () => ['Export job completed', { format: 'csv' }]),
    t('warn', 2, false, false, () => ['Aggregation window had 0 events', {}]),
    t('error', 1, false, false, () => ['Failed to upsert analytics_aggregations: canceling statement due to statement timeout', { code: '57014' }]),
  ],
  'gomflow-monitoring': [
    t('info', 14, false, false, (r) => { const s = r.pick(HEALTH_CHECKED_NAMES); return [`Health check completed for ${s}`, { service: s, status: 'healthy' }]; }),
    t('info', 6, false, false, () => ['Alert evaluation completed', {}]),
    t('debug', 8, false, false, () => ['System metrics collected and stored', {}]),
    t('warn', 1, false, false, () => ['Redis cache miss for service health; reporting unknown', {}]),
  ],
  'gomflow-notifications': [
    t('info', 12, true, true, (r) => { const ty = r.pick(['payment_verified', 'new_submission', 'order_deadline_approaching', 'order_goal_reached']); return [`Push notification sent (${ty})`, { type: ty, channel: 'push' }]; }),
    t('info', 8, true, true, (r) => { const ty = r.pick(['payment_verified', 'order_update', 'weekly_summary']); return [`Email sent: ${ty}`, { type: ty, channel: 'email' }]; }),
    t('info', 5, false, false, (r) => { const n = r.int(20, 800); return [`Socket.IO clients connected: ${n}`, { clients: n }]; }),
    t('warn', 2, true, true, () => ['FCM token not registered; device deactivated', { channel: 'push' }]),
    t('error', 1, true, false, () => ['Resend API error 422: invalid recipient', { channel: 'email', status: 422 }]),
  ],
};

const TOTAL_WEIGHT: Record<string, number> = Object.fromEntries(Object.entries(BY_SERVICE).map(([k, list]) => [k, list.reduce((a, x) => a + x.weight, 0)]));

/** An everyday line of `service`. */
export function routineLine(service: string, r: Random): LogLine {
  const list = BY_SERVICE[service]!;
  let roll = r.next() * TOTAL_WEIGHT[service]!;
  let pick = list[list.length - 1]!;
  for (const tpl of list) {
    roll -= tpl.weight;
    if (roll < 0) { pick = tpl; break; }
  }
  const [message, metadata] = pick.make(r);
  return { level: pick.level, message, metadata, traced: pick.traced, gom: pick.gom };
}

/** A line an incident makes its service write (or, for an outage, the monitor write about it). */
export function incidentLine(kind: IncidentKind, service: string, cause: string, r: Random): LogLine {
  switch (kind) {
    case 'cpu_spike': { const lag = r.int(120, 900); return line('warn', `Event loop lag ${lag} ms`, { event_loop_lag_ms: lag, cause }); }
    case 'memory_leak': { const mb = r.int(700, 1010); return line('warn', `Heap used ${mb} MB of 1024 MB`, { heap_used_mb: mb, cause }); }
    case 'latency': { const d = r.int(2100, 9000); return line('warn', `Request took ${d} ms (over the 2000 ms threshold)`, { duration_ms: d, cause }, true); }
    case 'error_burst': return line('error', `Request failed: ${cause}`, { cause, status: r.pick([500, 502, 503, 504]) }, true);
    case 'db_saturation': return line('error', 'remaining connection slots are reserved for non-replication superuser connections', { code: '53300', cause }, true);
    case 'queue_backlog': { const n = r.int(900, 6000); return line('warn', `Queue backlog: ${n} waiting jobs`, { waiting: n, cause }); }
    case 'outage': return line('error', `Failed to perform health check for ${service}: timeout of 5000ms exceeded`, { service, cause });
    case 'maintenance': return line('info', `Maintenance in progress: ${cause}`, { planned: true });
    default: return line('info', cause, {});
  }
}

function line(level: Level, message: string, metadata: Record<string, unknown>, traced = false): LogLine {
  return { level, message, metadata, traced, gom: false };
}
