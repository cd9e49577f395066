import type { Row, SeedContext, TableSpec } from '../types.ts';
import { idMaker } from '../world/ids.ts';
import { DAY_MS } from './dailyCycle.ts';
import { ALERT_RULES, CHANNELS_BY_SEVERITY } from './alertRules.ts';
import { staffAt, staffSinceMs } from './gomPicks.ts';

/** monitoring_alert_rules: ALERT_RULES, set up by the platform team before launch. */
export const monitoringAlertRulesSpec: TableSpec = {
  table: 'public.monitoring_alert_rules',
  columns: ['id', 'name', 'description', 'service', 'metric', 'condition', 'threshold', 'duration_seconds', 'severity', 'enabled', 'notification_channels', 'metadata', 'created_by', 'created_at', 'updated_at'],
  dependsOn: ['public.profiles'],
  estimateRows: () => ALERT_RULES.length,
  rows: (ctx) => ruleRows(ctx),
};

function* ruleRows(ctx: SeedContext): Generator<Row> {
  const id = idMaker(ctx.runTag, 'public.monitoring_alert_rules');
  const setUpMs = Math.max(ctx.referenceDate.getTime() - 45 * DAY_MS, staffSinceMs(ctx) + DAY_MS);
  for (let i = 0; i < ALERT_RULES.length; i += 1) {
    const rule = ALERT_RULES[i]!;
    const createdMs = setUpMs + i * 97_000;
    // The checklist thresholds were tuned once, a week after launch.
    const updatedMs = rule.durationSeconds === 300 || rule.durationSeconds === 180 ? createdMs + 7 * DAY_MS : createdMs;
    yield [
      id(i), rule.name, rule.description, rule.service, rule.metric, rule.condition, rule.threshold,
      rule.durationSeconds, rule.severity, rule.enabled, CHANNELS_BY_SEVERITY[rule.severity],
      { alert_type: rule.alertType, evaluation_interval_seconds: 60 },
      staffAt(ctx, i, createdMs), new Date(createdMs), new Date(updatedMs),
    ];
  }
}
