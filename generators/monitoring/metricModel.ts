import { hashKeys } from '../random.ts';
import type { SeedContext } from '../types.ts';
import { MINUTE_MS, dailyLoad } from './dailyCycle.ts';
import { incidentsBetween, referenceIncident, type Incident } from './incidents.ts';
import { monitoringWindow, type MonitoringWindow } from './monitoringWindow.ts';
import { noise, round2 } from './noise.ts';
import { contextKey } from './contextKey.ts';
import { SERVICES } from './services.ts';

/**
 * The value of every service metric at every minute of the window, as a pure function, so the
 * metrics table, the alerts raised on it, the health checks and the logs all tell one story
 * without any of them holding the others' rows.
 */
export const METRIC_NAMES = [
  'cpu_usage',
  'memory_usage',
  'response_time_ms',
  'error_rate',
  'requests_per_minute',
  'db_connections',
  'queue_depth',
] as const;

export const CPU = 0;
export const MEMORY = 1;
export const LATENCY = 2;
export const ERRORS = 3;
export const RPM = 4;
export const DB_CONNECTIONS = 5;
export const QUEUE_DEPTH = 6;

export const HEALTHY = 0;
export const DEGRADED = 1;
export const UNHEALTHY = 2;
export const UNKNOWN = 3;
export const HEALTH_STATUSES = ['healthy', 'degraded', 'unhealthy', 'unknown'] as const;

export interface MetricModel {
  window: MonitoringWindow;
  /** Request-rate multiplier for the scale: sqrt(goms / 120), so `small` sits at 1. */
  activity: number;
  /** User traffic per minute of the window relative to the evening peak, drops included. */
  userLoad: Float64Array;
  /** Incidents overlapping the window (drops included). */
  incidents: readonly Incident[];
  /** Per service, its own incidents overlapping the window. */
  serviceIncidents: readonly (readonly Incident[])[];
  /** Per service, 1 at the minutes some incident of it is active. */
  incidentMinute: readonly Uint8Array[];
  /** Per service, the metric indexes it reports, in row order. */
  metricsOf: readonly (readonly number[])[];
  noiseBase: Uint32Array;
}

const cache = new Map<string, MetricModel>();

/** Built once per context (a few ms even at xl) and shared by every monitoring table. */
export function metricModel(ctx: SeedContext): MetricModel {
  const key = contextKey(ctx);
  let model = cache.get(key);
  if (!model) {
    model = buildModel(ctx);
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(key, model);
  }
  return model;
}

function buildModel(ctx: SeedContext): MetricModel {
  const window = monitoringWindow(ctx);
  const incidents = incidentsBetween(ctx.seed, window.startMs, window.endMs);
  const current = referenceIncident(ctx.seed, window.referenceMs);
  if (current.endMs > window.startMs && current.startMs < window.endMs) incidents.push(current);
  const userLoad = new Float64Array(window.minutes);
  for (let m = 0; m < window.minutes; m += 1) userLoad[m] = dailyLoad(window.startMs + m * MINUTE_MS);
  for (const drop of incidents) {
    if (drop.kind !== 'drop') continue;
    // A drop's first ten minutes carry about 40 % of its hour (gomflow-traffic.md §6.2).
    forEachMinute(window, drop, (m, t) => {
      const shape = t < 3 ? (t + 1) / 4 : Math.exp(-(t - 3) / 12);
      userLoad[m] = userLoad[m]! * (1 + (drop.magnitude - 1) * shape);
    });
  }
  const serviceIncidents = SERVICES.map((_, s) => incidents.filter((i) => i.service === s));
  const incidentMinute = serviceIncidents.map((list) => {
    const flags = new Uint8Array(window.minutes);
    for (const incident of list) forEachMinute(window, incident, (m) => { flags[m] = 1; });
    return flags;
  });
  const metricsOf = SERVICES.map((p, s) => {
    const list = [CPU, MEMORY, LATENCY, ERRORS, RPM];
    if (s === 0) list.push(DB_CONNECTIONS);
    if (p.hasQueue) list.push(QUEUE_DEPTH);
    return list;
  });
  const noiseBase = new Uint32Array(SERVICES.map((p) => hashKeys(ctx.seed, 'monitoring_metrics', p.name)));
  const activity = Math.min(25, Math.max(0.25, Math.sqrt(ctx.counts.goms / 120)));
  return { window, activity, userLoad, incidents, serviceIncidents, incidentMinute, metricsOf, noiseBase };
}

function forEachMinute(window: MonitoringWindow, incident: Incident, fn: (m: number, sinceStart: number) => void): void {
  const first = Math.max(0, Math.ceil((incident.startMs - window.startMs) / MINUTE_MS));
  const last = Math.min(window.minutes, Math.ceil((incident.endMs - window.startMs) / MINUTE_MS));
  for (let m = first; m < last; m += 1) fn(m, m - (incident.startMs - window.startMs) / MINUTE_MS);
}

/** Service load: its user share follows the day, the rest (cron, queues) stays level. */
export function serviceLoad(model: MetricModel, s: number, m: number): number {
  const share = SERVICES[s]!.userShare;
  return share * model.userLoad[m]! + (1 - share) * 0.5;
}

/** Fills `out` (indexed like METRIC_NAMES) with service s's values at minute m, rounded as stored. */
export function sampleService(model: MetricModel, s: number, m: number, out: Float64Array): void {
  const p = SERVICES[s]!;
  const base = model.noiseBase[s]!;
  const ts = model.window.startMs + m * MINUTE_MS;
  const load = serviceLoad(model, s, m);
  // Autoscaling flattens CPU and latency once traffic passes the usual peak.
  const sat = load <= 1 ? load : 1 + 0.35 * (1 - Math.exp(1 - load));
  const lagged = p.userShare * dailyLoad(ts - 30 * MINUTE_MS) + (1 - p.userShare) * 0.5;
  let cpu = p.cpuIdle + (p.cpuPeak - p.cpuIdle) * sat + (noise(base, m, 0) - 0.5) * 6;
  let mem = p.memIdle + (p.memPeak - p.memIdle) * Math.min(lagged, 1.2) + (noise(base, m, 1) - 0.5) * 2;
  let latency = (p.latencyIdleMs + (p.latencyPeakMs - p.latencyIdleMs) * sat * sat) * (0.88 + 0.24 * noise(base, m, 2));
  let errors = p.errorRate * (0.5 + noise(base, m, 3)) * (load > 1 ? 1 + 0.3 * (load - 1) : 1);
  let rpm = p.peakRpm * model.activity * load * (0.92 + 0.16 * noise(base, m, 4));
  let connections = 6 + 50 * sat + (noise(base, m, 5) - 0.5) * 6;
  let queue = 3 + 60 * load * load * noise(base, m, 6);

  if (model.incidentMinute[s]![m] === 1) {
    for (const incident of model.serviceIncidents[s]!) {
      if (ts < incident.startMs || ts >= incident.endMs) continue;
      const minutes = (incident.endMs - incident.startMs) / MINUTE_MS;
      const q = ((ts - incident.startMs) / MINUTE_MS + 1) / minutes;
      switch (incident.kind) {
        case 'cpu_spike':
          cpu = incident.magnitude + (noise(base, m, 7) - 0.5) * 3;
          latency *= 1.6;
          break;
        case 'memory_leak':
          mem += (incident.magnitude - mem) * Math.min(1, q / 0.8);
          cpu += 8 * q;
          break;
        case 'latency':
          latency = p.latencyAlertMs * incident.magnitude * (0.92 + 0.16 * noise(base, m, 7));
          break;
        case 'error_burst':
          errors = incident.magnitude * (0.85 + 0.3 * noise(base, m, 7));
          break;
        case 'db_saturation':
          connections = incident.magnitude + (noise(base, m, 7) - 0.5) * 3;
          latency *= 2.5;
          break;
        case 'queue_backlog':
          queue += incident.magnitude * (q < 0.7 ? q / 0.7 : (1 - q) / 0.3);
          break;
        case 'outage':
          rpm = 0;
          errors = 100;
          latency = 5000;
          cpu = p.cpuIdle * 0.3;
          break;
        case 'maintenance':
          latency *= 1.6;
          rpm *= 0.85;
          break;
        default:
          break;
      }
    }
  }
  out[CPU] = round2(clamp(cpu, 0.5, 99.9));
  out[MEMORY] = round2(clamp(mem, 5, 99.5));
  out[LATENCY] = round2(Math.max(1, latency));
  out[ERRORS] = round2(clamp(errors, 0, 100));
  out[RPM] = Math.round(Math.max(0, rpm));
  out[DB_CONNECTIONS] = Math.round(clamp(connections, 1, 100));
  out[QUEUE_DEPTH] = Math.round(Math.max(0, queue));
}

/** One health check of service s at minute m, half 0 (:00) or 1 (:30). */
export interface HealthSample {
  status: number;
  responseTimeMs: number;
}

export function sampleHealth(model: MetricModel, s: number, m: number, half: number, out: HealthSample): void {
  const base = model.noiseBase[s]!;
  const ts = model.window.startMs + m * MINUTE_MS + half * 30_000;
  const slot = 10 + half;
  let status = HEALTHY;
  let responseTimeMs = Math.round(8 + 30 * serviceLoad(model, s, m) * noise(base, m, slot) + 5 * noise(base, m, slot + 2));
  if (model.incidentMinute[s]![m] === 1) {
    for (const incident of model.serviceIncidents[s]!) {
      if (ts < incident.startMs || ts >= incident.endMs) continue;
      if (incident.kind === 'outage') {
        // The check times out after 5 s (gomflow-monitoring's ServiceConfig.timeout).
        status = UNHEALTHY;
        responseTimeMs = 5000 + Math.floor(40 * noise(base, m, slot + 4));
      } else if (incident.kind === 'maintenance' && status !== UNHEALTHY) {
        status = DEGRADED;
        responseTimeMs = 150 + Math.floor(450 * noise(base, m, slot + 4));
      } else if (incident.kind === 'latency' || incident.kind === 'db_saturation') {
        responseTimeMs *= 6;
      }
    }
  }
  if (status === HEALTHY && noise(base, m, slot + 6) < 0.0008) {
    // A lost Redis cache entry shows as "unknown" on the dashboard (dashboardService).
    status = UNKNOWN;
    responseTimeMs = 0;
  }
  out.status = status;
  out.responseTimeMs = responseTimeMs;
}

function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}
