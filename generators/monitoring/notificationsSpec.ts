import { rngFor } from '../random.ts';
import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { alertHistory, type AlertRecord } from './alertHistory.ts';
import { CHANNELS_BY_SEVERITY } from './alertRules.ts';
import { notificationMessage, notificationTitle } from './alertText.ts';
import { metricModel } from './metricModel.ts';

/**
 * monitoring_notifications, as gomflow-monitoring's alertService records them: each active
 * alert of medium severity or above is announced on its severity's channels, then again every
 * 5 minutes (its rate limit per alert) while it stays active. Low alerts have no channels;
 * suppressed ones are never announced.
 */
const REPEAT_MS = 5 * 60_000;
const MAX_SENDS = 6;
const ERRORS = ['Request failed with status code 429', 'Request failed with status code 502', 'timeout of 10000ms exceeded', 'getaddrinfo EAI_AGAIN hooks.slack.com'];

interface Send { alertIndex: number; sentMs: number; k: number }

function sends(ctx: SeedContext): Send[] {
  const referenceMs = metricModel(ctx).window.referenceMs;
  const out: Send[] = [];
  alertHistory(ctx).forEach((alert, alertIndex) => {
    if (alert.status === 'suppressed' || CHANNELS_BY_SEVERITY[alert.rule.severity].length === 0) return;
    const activeUntil = Math.min(referenceMs, alert.acknowledgedMs ?? Infinity, alert.resolvedMs ?? Infinity);
    const first = alert.createdMs + 3000 + ((alertIndex * 7907) % 37_000);
    for (let k = 0; k < MAX_SENDS; k += 1) {
      const sentMs = first + k * REPEAT_MS;
      if (sentMs >= activeUntil) break;
      out.push({ alertIndex, sentMs, k });
    }
  });
  return out.sort((a, b) => a.sentMs - b.sentMs || a.alertIndex - b.alertIndex);
}

export const monitoringNotificationsSpec: TableSpec = {
  table: 'public.monitoring_notifications',
  columns: ['id', 'alert_id', 'channels', 'title', 'message', 'status', 'error_message', 'sent_at', 'retry_count'],
  dependsOn: ['public.monitoring_alerts'],
  estimateRows: (ctx) => sends(ctx).length,
  rows: (ctx) => notificationRows(ctx),
};

function* notificationRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.monitoring_notifications');
  const alertId = idMaker(ctx.runTag, 'public.monitoring_alerts');
  const alerts = alertHistory(ctx);
  const list = sends(ctx);
  for (let i = 0; i < list.length; i += 1) {
    const { alertIndex, sentMs, k } = list[i]!;
    const alert: AlertRecord = alerts[alertIndex]!;
    const rng = rngFor(ctx.seed, 'monitoring_notifications', alertIndex, k);
    const roll = rng.next();
    const status = roll < 0.04 ? 'failed' : roll < 0.06 ? 'retry' : 'sent';
    const retryCount = status === 'retry' ? rng.int(1, 3) : status === 'sent' && roll < 0.08 ? 1 : 0;
    yield [
      id(i), alertId(alertIndex), CHANNELS_BY_SEVERITY[alert.rule.severity], notificationTitle(alert),
      notificationMessage(alert, new Date(alert.createdMs).toISOString()), status,
      status === 'sent' ? null : rng.pick(ERRORS), new Date(sentMs), retryCount,
    ];
  }
}
