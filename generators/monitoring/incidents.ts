import { rngFor, type Random } from '../random.ts';
import { MINUTE_MS, dailyLoad, localDayNumber, localDayStartMs } from './dailyCycle.ts';
import { SERVICES } from './services.ts';

/**
 * What happens to the fleet on a given day: K-pop drops that multiply user traffic, and the
 * incidents that metrics, health checks, alerts, logs and downtimes all agree on. Each local
 * day (UTC+8) is drawn from its own generator, so a day looks the same whatever window is
 * asked for, and a short window is a slice of a longer one.
 */
export type IncidentKind =
  | 'drop'
  | 'cpu_spike'
  | 'memory_leak'
  | 'latency'
  | 'error_burst'
  | 'db_saturation'
  | 'queue_backlog'
  | 'outage'
  | 'maintenance';

export interface Incident {
  /** Stable key: local day and ordinal. */
  key: string;
  kind: IncidentKind;
  /** Index into SERVICES; -1 for a drop, which raises every service's user traffic. */
  service: number;
  startMs: number;
  endMs: number;
  /** Kind-specific: traffic multiplier, CPU %, memory %, multiple of the latency alert threshold, error %, connections, queue depth. */
  magnitude: number;
  planned: boolean;
  cause: string;
}

const CORE = 0;
const PAYMENTS = 4;
const NOTIFICATIONS = 8;
const MONITORING = 7;

const CAUSES: Record<Exclude<IncidentKind, 'drop'>, readonly string[]> = {
  cpu_spike: ['Drop traffic burst', 'Runaway aggregation job', 'Image resize backlog', 'Hot loop after deploy'],
  memory_leak: ['Socket handle leak', 'Unbounded Redis cache in process', 'Large export held in memory'],
  latency: ['Slow Supabase queries on submissions', 'Gateway timeout from upstream', 'Connection pool wait', 'Cold start after scale-out'],
  error_burst: ['Upstream API returning 502', 'ECONNRESET to Supabase', 'Unhandled promise rejection after deploy', 'Webhook signature mismatch'],
  db_saturation: ['Connection spike during drop', 'Long-running export query holding connections'],
  queue_backlog: ['Worker concurrency too low for drop', 'Upstream rate limit (429) slowing workers'],
  outage: ['OOM kill, container restarted', 'Bad deploy rolled back', 'Redis connection lost', 'Host maintenance by provider'],
  maintenance: ['Weekly database maintenance (VACUUM, minor upgrade)', 'Scheduled deploy'],
};

const RANDOM_KINDS: readonly { kind: IncidentKind; weight: number }[] = [
  { kind: 'cpu_spike', weight: 20 },
  { kind: 'memory_leak', weight: 12 },
  { kind: 'latency', weight: 20 },
  { kind: 'error_burst', weight: 25 },
  { kind: 'queue_backlog', weight: 8 },
  { kind: 'outage', weight: 10 },
];


export function incidentsForDay(seed: number, day: number): Incident[] {
  const rng = rngFor(seed, 'monitoring-incidents', day);
  const dayStart = localDayStartMs(day);
  const out: Incident[] = [];
  const add = (kind: IncidentKind, service: number, startMs: number, minutes: number, magnitude: number, planned = false): void => {
    const cause = kind === 'drop' ? 'Order drop opened' : rng.pick(CAUSES[kind]);
    out.push({ key: `${day}:${out.length}`, kind, service, startMs, endMs: startMs + minutes * MINUTE_MS, magnitude, planned, cause });
  };

  // Drops open on the quarter hour in the evening; the load they bring causes most incidents.
  const drops = 1 + (rng.chance(0.6) ? 1 : 0) + (rng.chance(0.3) ? 1 : 0);
  for (let i = 0; i < drops; i += 1) {
    const start = dayStart + (19 * 60 + 15 * rng.int(0, 14)) * MINUTE_MS;
    add('drop', -1, start, 60, 2.2 + 1.3 * rng.next());
    if (rng.chance(0.3)) add('cpu_spike', CORE, start + rng.int(2, 4) * MINUTE_MS, rng.int(6, 18), 84 + 12 * rng.next());
    if (rng.chance(0.15)) add('db_saturation', CORE, start + rng.int(2, 5) * MINUTE_MS, rng.int(5, 15), 82 + 15 * rng.next());
    if (rng.chance(0.15)) add('queue_backlog', NOTIFICATIONS, start + MINUTE_MS, rng.int(15, 40), 1500 + 3500 * rng.next());
    if (rng.chance(0.1)) add('latency', PAYMENTS, start + rng.int(3, 8) * MINUTE_MS, rng.int(4, 12), 1.15 + 1.35 * rng.next());
  }

  const random = (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
  for (let i = 0; i < random; i += 1) {
    const kind = weighted(rng, RANDOM_KINDS).kind;
    const service = pickService(rng, kind);
    const start = dayStart + busyMinute(rng, dayStart) * MINUTE_MS;
    switch (kind) {
      case 'cpu_spike': add(kind, service, start, rng.int(6, 25), 84 + 13 * rng.next()); break;
      case 'memory_leak': add(kind, service, start, rng.int(40, 120), 91.5 + 5.5 * rng.next()); break;
      case 'latency': add(kind, service, start, rng.int(4, 15), 1.15 + 1.85 * rng.next()); break;
      case 'error_burst': add(kind, service, start, rng.int(3, 12), 6 + 19 * rng.next()); break;
      case 'queue_backlog': add(kind, service, start, rng.int(15, 45), 1500 + 4500 * rng.next()); break;
      default: add(kind, service, start, rng.int(2, 12), 0); break;
    }
  }

  // Sunday 03:00 local: the weekly database window on core. Weekday deploys now and then.
  const weekday = (day + 4) % 7;
  if (weekday === 0) add('maintenance', CORE, dayStart + 3 * 60 * MINUTE_MS, 30, 0, true);
  if (weekday >= 1 && weekday <= 4 && rng.chance(0.3)) {
    add('maintenance', rng.int(0, SERVICES.length - 1), dayStart + rng.int(10 * 60, 16 * 60) * MINUTE_MS, rng.int(6, 12), 0, true);
  }
  return out;
}

/** Services an error burst at the reference date may hit: the user-facing ones, busiest first. */
const USER_FACING = [CORE, PAYMENTS, 1, 2, 3] as const;

/**
 * The incident the seeded world ends on: an error burst on a user-facing service that began
 * 15–50 minutes before the reference date and lasted 4–12 minutes, so every monitoring window
 * of an hour or more raises alerts and notifies someone, whatever the time of day (tiny keeps
 * two hours, and outside the evening drops nothing else need cross a rule). It depends only on
 * the seed and the reference date, so a short window stays a slice of a longer one; it avoids
 * services in a planned window, where its alerts would be suppressed and never announced.
 */
export function referenceIncident(seed: number, referenceMs: number): Incident {
  const rng = rngFor(seed, 'monitoring-reference-incident', Math.floor(referenceMs / MINUTE_MS));
  const startMs = Math.floor(referenceMs / MINUTE_MS) * MINUTE_MS - rng.int(15, 50) * MINUTE_MS;
  const endMs = startMs + rng.int(4, 12) * MINUTE_MS;
  const planned = incidentsBetween(seed, startMs, endMs).filter((i) => i.kind === 'maintenance');
  const first = rng.int(0, USER_FACING.length - 1);
  let service: number = USER_FACING[first]!;
  for (let k = 0; k < USER_FACING.length && planned.some((i) => i.service === service); k += 1) service = USER_FACING[(first + k) % USER_FACING.length]!;
  return { key: `reference:${startMs / MINUTE_MS}`, kind: 'error_burst', service, startMs, endMs, magnitude: 8 + 17 * rng.next(), planned: false, cause: rng.pick(CAUSES.error_burst) };
}

/** Every incident overlapping [fromMs, toMs), in day order then draw order. */
export function incidentsBetween(seed: number, fromMs: number, toMs: number): Incident[] {
  const out: Incident[] = [];
  // A day's incidents start that day and last at most two hours, so one day back suffices.
  for (let day = localDayNumber(fromMs) - 1; localDayStartMs(day) < toMs; day += 1) {
    for (const incident of incidentsForDay(seed, day)) {
      if (incident.endMs > fromMs && incident.startMs < toMs) out.push(incident);
    }
  }
  return out;
}

function weighted<T extends { weight: number }>(rng: Random, items: readonly T[]): T {
  let total = 0;
  for (const item of items) total += item.weight;
  let r = rng.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

function pickService(rng: Random, kind: IncidentKind): number {
  for (;;) {
    let total = 0;
    for (const p of SERVICES) total += p.incidentWeight;
    let r = rng.next() * total;
    let service = 0;
    while (r >= SERVICES[service]!.incidentWeight && service < SERVICES.length - 1) r -= SERVICES[service++]!.incidentWeight;
    // Nothing records an outage of the monitor itself: it would not be there to write it.
    if (kind === 'outage' && service === MONITORING) continue;
    if (kind === 'queue_backlog' && !SERVICES[service]!.hasQueue) continue;
    return service;
  }
}

/** A minute of the local day, drawn more often when traffic is high. */
function busyMinute(rng: Random, dayStart: number): number {
  for (;;) {
    const minute = rng.int(0, 1439);
    if (rng.next() < 0.3 + 0.7 * Math.min(1, dailyLoad(dayStart + minute * MINUTE_MS))) return minute;
  }
}
