import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { alertHistory } from './alertHistory.ts';
import { alertDescription, alertTitle } from './alertText.ts';

/** monitoring_alerts: one row per rule breach per evaluation minute (see alertHistory). */
export const monitoringAlertsSpec: TableSpec = {
  table: 'public.monitoring_alerts',
  columns: ['id', 'type', 'severity', 'service', 'title', 'description', 'threshold', 'current_value', 'status', 'metadata', 'created_at', 'updated_at', 'resolved_at'],
  dependsOn: [],
  estimateRows: (ctx) => alertHistory(ctx).length,
  rows: (ctx) => alertRows(ctx),
};

function* alertRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.monitoring_alerts');
  const ruleId = idMaker(ctx.runTag, 'public.monitoring_alert_rules');
  const alerts = alertHistory(ctx);
  for (let i = 0; i < alerts.length; i += 1) {
    const alert = alerts[i]!;
    const { rule } = alert;
    const metadata: Record<string, unknown> = {
      rule_id: ruleId(alert.ruleIndex),
      rule_name: rule.name,
      metric: rule.metric,
      condition: rule.condition,
      duration_seconds: rule.durationSeconds,
    };
    if (alert.acknowledgedMs !== null) {
      metadata.acknowledged_by = alert.acknowledgedBy;
      metadata.acknowledged_at = new Date(alert.acknowledgedMs).toISOString();
    }
    if (alert.status === 'suppressed') metadata.suppressed_reason = 'planned maintenance window';
    yield [
      id(i), rule.alertType, rule.severity, rule.service, alertTitle(alert), alertDescription(alert),
      rule.threshold, alert.value, alert.status, metadata,
      new Date(alert.createdMs), new Date(alert.updatedMs), alert.resolvedMs === null ? null : new Date(alert.resolvedMs),
    ];
  }
}
