import type { TableSpec } from '../types.ts';
import { monitoringAlertRulesSpec } from './alertRulesSpec.ts';
import { monitoringAlertsSpec } from './alertsSpec.ts';
import { monitoringDashboardsSpec } from './dashboardsSpec.ts';
import { monitoringDowntimesSpec } from './downtimesSpec.ts';
import { monitoringLogsSpec } from './logsSpec.ts';
import { monitoringMetricsSpec } from './metricsSpec.ts';
import { monitoringNotificationsSpec } from './notificationsSpec.ts';
import { monitoringServiceHealthSpec } from './serviceHealthSpec.ts';

/** The 8 monitoring tables (schema §2.4). */
export const MONITORING_SPECS: readonly TableSpec[] = [
  monitoringMetricsSpec,
  monitoringServiceHealthSpec,
  monitoringAlertRulesSpec,
  monitoringAlertsSpec,
  monitoringNotificationsSpec,
  monitoringLogsSpec,
  monitoringDowntimesSpec,
  monitoringDashboardsSpec,
];
