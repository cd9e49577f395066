import { rngFor } from '../random.ts';
import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { DAY_MS, MINUTE_MS } from './dailyCycle.ts';
import { staffAt } from './gomPicks.ts';
import { incidentsBetween, type Incident } from './incidents.ts';
import { SERVICES } from './services.ts';

/**
 * monitoring_downtimes: the outages and maintenance windows of the incident calendar, the
 * same ones the metrics and health checks show inside the window, plus 60 days of history
 * before it and the weekly database windows already scheduled for the next 14 days.
 */
const HISTORY_MS = 60 * DAY_MS;
const AHEAD_MS = 14 * DAY_MS;

function downtimes(ctx: SeedContext): Incident[] {
  const referenceMs = ctx.referenceDate.getTime();
  const from = referenceMs - HISTORY_MS - ctx.counts.monitoringHours * 3_600_000;
  return incidentsBetween(ctx.seed, from, referenceMs + AHEAD_MS).filter((i) =>
    i.startMs < referenceMs
      ? i.kind === 'outage' || i.kind === 'maintenance'
      : i.kind === 'maintenance' && i.endMs - i.startMs === 30 * MINUTE_MS,
  );
}

export const monitoringDowntimesSpec: TableSpec = {
  table: 'public.monitoring_downtimes',
  columns: ['id', 'service', 'type', 'title', 'description', 'start_time', 'end_time', 'duration_seconds', 'impact', 'status', 'metadata', 'created_by', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: (ctx) => downtimes(ctx).length,
  rows: (ctx) => downtimeRows(ctx),
};

function* downtimeRows(ctx: SeedContext): Generator<Row> {
  const referenceMs = ctx.referenceDate.getTime();
  const id = idMaker(ctx.runTag, 'public.monitoring_downtimes');
  const list = downtimes(ctx);
  for (let i = 0; i < list.length; i += 1) {
    const d = list[i]!;
    const r = rngFor(ctx.seed, 'monitoring_downtimes', d.key);
    const service = SERVICES[d.service]!.name;
    const status = d.startMs > referenceMs ? 'scheduled' : d.endMs > referenceMs ? 'ongoing' : 'resolved';
    const ended = status === 'ongoing' ? null : d.endMs;
    const userFacing = d.service === 0 || d.service === 4;
    const impact = d.planned ? (d.service === 0 ? 'minor' : 'none') : userFacing ? 'critical' : 'major';
    const createdMs = Math.min(referenceMs, d.planned ? d.startMs - r.int(2, 5) * DAY_MS : d.startMs + r.int(2, 10) * MINUTE_MS);
    const updatedMs = status === 'resolved' ? Math.min(referenceMs, Math.max(createdMs, d.endMs + r.int(1, 45) * MINUTE_MS)) : createdMs;
    const title = d.planned ? `${service}: ${d.cause}` : `${service} outage: ${d.cause}`;
    const description = d.planned
      ? `Planned window. ${service} may answer slowly or return 503 for up to ${(d.endMs - d.startMs) / MINUTE_MS} minutes.`
      : `${service} stopped answering health checks. Cause: ${d.cause}.`;
    const metadata: Record<string, unknown> = { incident_key: d.key, cause: d.cause, affected_countries: ['PH', 'MY'] };
    if (!d.planned) metadata.detected_by = 'gomflow-monitoring health check';
    if (status === 'resolved' && !d.planned) metadata.postmortem = r.chance(0.5);
    yield [
      id(i), service, d.planned ? 'planned' : 'unplanned', title, description,
      new Date(d.startMs), ended === null ? null : new Date(ended), ended === null ? null : Math.round((ended - d.startMs) / 1000),
      impact, status, metadata, staffAt(ctx, r.int(0, 2), createdMs), new Date(createdMs), new Date(updatedMs),
    ];
  }
}
