import { rngFor, type Random } from '../random.ts';
import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { MINUTE_MS } from './dailyCycle.ts';
import { pickGom } from './gomPicks.ts';
import { incidentLine, routineLine, type LogLine } from './logLines.ts';
import { metricModel, serviceLoad, type MetricModel } from './metricModel.ts';
import { SERVICES } from './services.ts';

/**
 * monitoring_logs: each service's lines, hour by hour, following its load; incidents add their
 * warnings and errors minute by minute (an outage is logged by gomflow-monitoring, whose
 * health checks fail). Request lines carry a W3C trace id; lines done by or for a GOM carry
 * that GOM's user id. Each hour is sorted by time and streamed, so memory stays at one hour.
 */
const BLOCK_MINUTES = 60;

const MONITORING = SERVICES.findIndex((p) => p.name === 'gomflow-monitoring');

interface Pending { ms: number; service: number; line: LogLine; trace: string | null; user: string | null }

export const monitoringLogsSpec: TableSpec = {
  table: 'public.monitoring_logs',
  columns: ['id', 'timestamp', 'level', 'service', 'message', 'metadata', 'trace_id', 'user_id', 'created_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => {
    const model = metricModel(ctx);
    let n = 0;
    for (let b = 0; b * BLOCK_MINUTES < model.window.minutes; b += 1) {
      for (let s = 0; s < SERVICES.length; s += 1) n += routineCount(model, s, b, 0.5);
    }
    return n + Math.round(model.incidents.length * 8);
  },
  rows: (ctx) => logRows(ctx),
};

function routineCount(model: MetricModel, s: number, block: number, u: number): number {
  const from = block * BLOCK_MINUTES;
  const to = Math.min(model.window.minutes, from + BLOCK_MINUTES);
  let load = 0;
  let samples = 0;
  for (let m = from; m < to; m += 5) { load += serviceLoad(model, s, m); samples += 1; }
  const perHour = SERVICES[s]!.logLinesPerHour * Math.sqrt(model.activity) * (load / samples);
  return Math.max(0, Math.round((perHour * (to - from)) / 60 * (0.85 + 0.3 * u)));
}

function* logRows(ctx: SeedContext): Generator<Row> {
  const model = metricModel(ctx);
  const { startMs, minutes, endMs } = model.window;
  const id = idMaker(ctx.runTag, 'public.monitoring_logs');
  let seq = 0;
  for (let block = 0; block * BLOCK_MINUTES < minutes; block += 1) {
    const from = block * BLOCK_MINUTES;
    const to = Math.min(minutes, from + BLOCK_MINUTES);
    const blockMs = startMs + from * MINUTE_MS;
    const spanMs = (to - from) * MINUTE_MS;
    const pending: Pending[] = [];
    for (let s = 0; s < SERVICES.length; s += 1) {
      const name = SERVICES[s]!.name;
      const r = rngFor(ctx.seed, 'monitoring_logs', s, blockMs / MINUTE_MS);
      const count = routineCount(model, s, block, r.next());
      for (let i = 0; i < count; i += 1) {
        const line = routineLine(name, r);
        pending.push(withContext(ctx, r, blockMs + Math.floor(r.next() * spanMs), s, line));
      }
    }
    for (const incident of model.incidents) {
      if (incident.service < 0 || incident.endMs <= blockMs || incident.startMs >= blockMs + spanMs) continue;
      const r = rngFor(ctx.seed, 'monitoring_logs:incident', incident.key, blockMs / MINUTE_MS);
      const writer = incident.kind === 'outage' ? MONITORING : incident.service;
      const target = SERVICES[incident.service]!.name;
      const fromMs = Math.max(incident.startMs, blockMs);
      const toMs = Math.min(incident.endMs, blockMs + spanMs);
      for (let minuteMs = fromMs; minuteMs < toMs; minuteMs += MINUTE_MS) {
        const perMinute = incident.kind === 'maintenance' ? (minuteMs === incident.startMs ? 1 : 0) : r.int(1, 3);
        for (let k = 0; k < perMinute; k += 1) {
          pending.push(withContext(ctx, r, minuteMs + r.int(0, 59_999), writer, incidentLine(incident.kind, target, incident.cause, r)));
        }
      }
    }
    pending.sort((a, b) => a.ms - b.ms || a.service - b.service);
    for (const p of pending) {
      const createdMs = Math.min(endMs, p.ms + 150 + ((p.ms * 13) % 2800));
      yield [id(seq++), new Date(p.ms), p.line.level, SERVICES[p.service]!.name, p.line.message, p.line.metadata, p.trace, p.user, new Date(createdMs)];
    }
  }
}

function withContext(ctx: SeedContext, r: Random, ms: number, service: number, line: LogLine): Pending {
  const trace = line.traced ? traceId(r) : null;
  const user = line.gom ? (pickGom(ctx, r, ms)?.userId ?? null) : null;
  return { ms, service, line, trace, user };
}

function traceId(r: Random): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += Math.floor(r.next() * 4294967296).toString(16).padStart(8, '0');
  return out;
}
