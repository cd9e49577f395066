import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { DAY_MS, MINUTE_MS, lastWeeklyRestartMs } from './dailyCycle.ts';
import { incidentsBetween, type Incident } from './incidents.ts';
import { DEGRADED, HEALTHY, HEALTH_STATUSES, UNHEALTHY, UNKNOWN, metricModel, sampleHealth, serviceLoad, type HealthSample } from './metricModel.ts';
import { round2 } from './noise.ts';
import { SERVICES } from './services.ts';

/**
 * monitoring_service_health: a snapshot of each of the 9 services at gomflow-monitoring's
 * health-check interval (30 s), agreeing with the health_check metric rows where both exist.
 * uptime_percentage is the share of the trailing 24 hours the service was not down.
 */
const INTERVAL_MS = 30_000;

export const monitoringServiceHealthSpec: TableSpec = {
  table: 'public.monitoring_service_health',
  columns: ['id', 'service_name', 'status', 'response_time', 'uptime_percentage', 'version', 'details', 'dependencies', 'checked_at'],
  dependsOn: [],
  estimateRows: (ctx) => metricModel(ctx).window.minutes * 2 * SERVICES.length,
  rows: (ctx) => healthRows(ctx),
};

const BODY_STATUS = ['ok', 'degraded', 'error', 'unknown'];

function* healthRows(ctx: SeedContext): Generator<Row> {
  const model = metricModel(ctx);
  const { startMs, minutes } = model.window;
  const id = idMaker(ctx.runTag, 'public.monitoring_service_health');
  // Uptime looks back a day and process age up to a week, before the window starts.
  const history = incidentsBetween(ctx.seed, startMs - 7 * DAY_MS, model.window.endMs);
  const restarts = SERVICES.map((_, s) => history.filter((i) => i.service === s && (i.kind === 'outage' || i.kind === 'maintenance' || i.kind === 'memory_leak')));
  const outages = SERVICES.map((_, s) => history.filter((i) => i.service === s && i.kind === 'outage'));
  const sample: HealthSample = { status: HEALTHY, responseTimeMs: 0 };
  let seq = 0;
  for (let m = 0; m < minutes; m += 1) {
    for (let half = 0; half < 2; half += 1) {
      for (let s = 0; s < SERVICES.length; s += 1) {
        const p = SERVICES[s]!;
        sampleHealth(model, s, m, half, sample);
        const checkedMs = startMs + m * MINUTE_MS + half * INTERVAL_MS + s * 17 + sample.responseTimeMs;
        const status = sample.status;
        const iso = new Date(checkedMs).toISOString();
        const depStatus = status === UNHEALTHY ? 'unknown' : 'healthy';
        const dependencies = p.dependencies.map((name, d) => ({
          name,
          status: depStatus,
          responseTime: status === UNHEALTHY ? null : 3 + ((m * 31 + d * 17 + s * 7 + half * 13) % 45),
          lastChecked: iso,
        }));
        let details: Record<string, unknown>;
        if (status === UNHEALTHY) details = { error: 'timeout of 5000ms exceeded' };
        else if (status === UNKNOWN) details = {};
        else {
          details = {
            status: BODY_STATUS[status],
            service: p.name,
            version: p.version,
            environment: 'production',
            uptime: Math.round((checkedMs - processStart(restarts[s]!, checkedMs)) / 1000),
            memory: { heapUsedMb: Math.round(120 + 260 * serviceLoad(model, s, m)) },
          };
          if (status === DEGRADED) details.maintenance = true;
        }
        yield [
          id(seq++), p.name, HEALTH_STATUSES[status]!, sample.responseTimeMs, uptime(outages[s]!, checkedMs),
          status === UNHEALTHY || status === UNKNOWN ? null : p.version, details, dependencies, new Date(checkedMs),
        ];
      }
    }
  }
}

function uptime(outages: readonly Incident[], atMs: number): number {
  let downMs = 0;
  for (const o of outages) {
    const from = Math.max(o.startMs, atMs - DAY_MS);
    const to = Math.min(o.endMs, atMs);
    if (to > from) downMs += to - from;
  }
  return round2(100 - (downMs / DAY_MS) * 100);
}

/** The process restarted at the end of its last outage, deploy or leak, else at the weekly window. */
function processStart(restarts: readonly Incident[], atMs: number): number {
  let start = lastWeeklyRestartMs(atMs);
  for (const r of restarts) if (r.endMs <= atMs && r.endMs > start) start = r.endMs;
  return start;
}
