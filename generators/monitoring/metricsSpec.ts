import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { DAY_MS, MINUTE_MS, dailyLoad, lastWeeklyRestartMs } from './dailyCycle.ts';
import { HEALTHY, HEALTH_STATUSES, METRIC_NAMES, metricModel, sampleHealth, sampleService, type HealthSample } from './metricModel.ts';
import { noise, round2 } from './noise.ts';
import { REGION, SERVICES, SYSTEM_SERVICE } from './services.ts';

/**
 * monitoring_metrics, one minute at a time over the window:
 * - each of the 9 services reports cpu_usage, memory_usage, response_time_ms, error_rate and
 *   requests_per_minute, core also db_connections, queue workers also queue_depth;
 * - gomflow-monitoring's own inserts: `health_check` (1|0, labels status/response_time/version)
 *   every 30 s for the 7 services in its list (MO2), and `system_metrics` for its host every
 *   10 s under service_name 'system' with the readings in labels and metric_value 0 (MO1).
 * Rows are streamed; nothing but the per-context model (a Float64Array per minute) is held.
 */
const UNITS: Record<string, string> = {
  cpu_usage: 'percent',
  memory_usage: 'percent',
  response_time_ms: 'ms',
  error_rate: 'percent',
  requests_per_minute: 'count',
  db_connections: 'count',
  queue_depth: 'count',
};

/** One shared, frozen labels object per (service, metric): no allocation per row. */
const LABELS = SERVICES.map((p) =>
  METRIC_NAMES.map((metric) => Object.freeze({ instance: `${p.name}-prod-1`, region: REGION, unit: UNITS[metric]! })),
);

const HEALTH_CHECKED = SERVICES.flatMap((p, s) => (p.healthChecked ? [s] : []));

function metricRowsPerMinute(): number {
  let perMinute = 6 + 2 * HEALTH_CHECKED.length;
  SERVICES.forEach((p, s) => { perMinute += 5 + (s === 0 ? 1 : 0) + (p.hasQueue ? 1 : 0); });
  return perMinute;
}

export const monitoringMetricsSpec: TableSpec = {
  table: 'public.monitoring_metrics',
  columns: ['id', 'service_name', 'metric_name', 'metric_value', 'labels', 'timestamp', 'created_at'],
  dependsOn: [],
  estimateRows: (ctx) => metricModel(ctx).window.minutes * metricRowsPerMinute(),
  rows: (ctx) => metricRows(ctx),
};

function* metricRows(ctx: SeedContext): Generator<Row> {
  const model = metricModel(ctx);
  const { startMs, minutes } = model.window;
  const id = idMaker(ctx.runTag, 'public.monitoring_metrics');
  const values = new Float64Array(METRIC_NAMES.length);
  const health: HealthSample = { status: HEALTHY, responseTimeMs: 0 };
  let seq = 0;
  for (let m = 0; m < minutes; m += 1) {
    const minuteMs = startMs + m * MINUTE_MS;
    for (let s = 0; s < SERVICES.length; s += 1) {
      const name = SERVICES[s]!.name;
      const collectedMs = minuteMs + 2000 + s * 211;
      const timestamp = new Date(collectedMs);
      const createdAt = new Date(collectedMs + 40 + Math.floor(160 * noise(model.noiseBase[s]!, m, 20)));
      sampleService(model, s, m, values);
      const labels = LABELS[s]!;
      for (const k of model.metricsOf[s]!) {
        yield [id(seq++), name, METRIC_NAMES[k]!, values[k]!, labels[k]!, timestamp, createdAt];
      }
    }
    for (let half = 0; half < 2; half += 1) {
      for (const s of HEALTH_CHECKED) {
        const p = SERVICES[s]!;
        sampleHealth(model, s, m, half, health);
        // lastChecked is taken after the HTTP call returns, so the timestamp includes it.
        const checkedMs = minuteMs + half * 30_000 + s * 17 + health.responseTimeMs;
        const status = HEALTH_STATUSES[health.status]!;
        yield [
          id(seq++), p.name, 'health_check', health.status === HEALTHY ? 1 : 0,
          { status, response_time: health.responseTimeMs, version: p.version },
          new Date(checkedMs), new Date(checkedMs + 55),
        ];
      }
    }
    for (let j = 0; j < 6; j += 1) {
      const sampledMs = minuteMs + j * 10_000 + 15;
      yield [id(seq++), SYSTEM_SERVICE, 'system_metrics', 0, systemLabels(model.userLoad[m]!, sampledMs, model.noiseBase[0]!, m * 6 + j), new Date(sampledMs), new Date(sampledMs + 30)];
    }
  }
}

/** The monitoring host's readings (systeminformation): CPU, memory, disk %, NIC byte counters. */
function systemLabels(load: number, ms: number, base: number, tick: number): Record<string, number> {
  const day = Math.floor(ms / DAY_MS);
  // Counters restart with the host at the weekly maintenance; logs fill the disk over a month.
  const sinceBootS = (ms - lastWeeklyRestartMs(ms)) / 1000;
  return {
    cpu_usage: round2(14 + 22 * Math.min(load, 1.5) + 5 * noise(base, tick, 30)),
    memory_usage: round2(58 + 8 * dailyLoad(ms - 30 * MINUTE_MS) + 1.5 * noise(base, tick, 31)),
    disk_usage: round2(55 + 0.25 * (day % 30) + 0.00017 * ((ms % DAY_MS) / MINUTE_MS)),
    network_rx: Math.round(sinceBootS * 1_150_000),
    network_tx: Math.round(sinceBootS * 830_000),
  };
}
