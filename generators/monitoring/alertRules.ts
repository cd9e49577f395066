import { CPU, DB_CONNECTIONS, ERRORS, LATENCY, MEMORY, QUEUE_DEPTH, RPM } from './metricModel.ts';
import { SERVICES, SYSTEM_SERVICE } from './services.ts';

/**
 * The alert rules: the deployment checklist's thresholds (CPU > 80 % for 5 min, memory > 90 %
 * for 3 min, more than 80 connections, error rate > 5 %) and gomflow-monitoring's own
 * (response time 2000 ms, disk 90 %, service down on a failed health check), per service.
 * Rules with a metricIndex are evaluated against the generated metrics; the rest (disk, backups,
 * certificates) watch things that never crossed in the window, so they raise nothing.
 */
export type AlertType =
  | 'cpu_high' | 'memory_high' | 'disk_full' | 'service_down' | 'response_time_high'
  | 'error_rate_high' | 'queue_backlog' | 'database_slow' | 'custom';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Condition = 'above' | 'below' | 'equals' | 'changes_by';

export interface AlertRule {
  name: string;
  description: string;
  service: string;
  /** Index into SERVICES, or -1 for rules not about one of the 9 services. */
  serviceIndex: number;
  metric: string;
  /** Index into METRIC_NAMES, HEALTH_METRIC for health_check, or -1 when not evaluated here. */
  metricIndex: number;
  condition: Condition;
  threshold: number;
  durationSeconds: number;
  severity: Severity;
  alertType: AlertType;
  enabled: boolean;
}

export const HEALTH_METRIC = 100;

/** gomflow-monitoring's alertService: who hears about each severity. */
export const CHANNELS_BY_SEVERITY: Record<Severity, readonly string[]> = {
  critical: ['slack', 'discord', 'webhook'],
  high: ['slack', 'discord'],
  medium: ['slack'],
  low: [],
};

export const ALERT_RULES: readonly AlertRule[] = buildRules();

function buildRules(): AlertRule[] {
  const rules: AlertRule[] = [];
  SERVICES.forEach((p, s) => {
    const rule = (r: Omit<AlertRule, 'service' | 'serviceIndex' | 'enabled'>): void => { rules.push({ ...r, service: p.name, serviceIndex: s, enabled: true }); };
    rule({ name: `${p.name}: CPU above 80% for 5 minutes`, description: 'Sustained CPU pressure; scale out or find the hot path.', metric: 'cpu_usage', metricIndex: CPU, condition: 'above', threshold: 80, durationSeconds: 300, severity: 'high', alertType: 'cpu_high' });
    rule({ name: `${p.name}: memory above 90% for 3 minutes`, description: 'Memory close to the container limit; an OOM kill is next.', metric: 'memory_usage', metricIndex: MEMORY, condition: 'above', threshold: 90, durationSeconds: 180, severity: 'critical', alertType: 'memory_high' });
    rule({ name: `${p.name}: error rate above 5%`, description: 'More than 5% of requests fail.', metric: 'error_rate', metricIndex: ERRORS, condition: 'above', threshold: 5, durationSeconds: 60, severity: 'high', alertType: 'error_rate_high' });
    rule({ name: `${p.name}: response time above ${p.latencyAlertMs} ms`, description: 'Average response time over the warning threshold.', metric: 'response_time_ms', metricIndex: LATENCY, condition: 'above', threshold: p.latencyAlertMs, durationSeconds: 120, severity: 'medium', alertType: 'response_time_high' });
    if (p.hasQueue) rule({ name: `${p.name}: queue backlog above 1000 jobs`, description: 'Bull queue is not draining; jobs wait for minutes.', metric: 'queue_depth', metricIndex: QUEUE_DEPTH, condition: 'above', threshold: 1000, durationSeconds: 300, severity: 'medium', alertType: 'queue_backlog' });
    if (p.healthChecked) rule({ name: `${p.name}: health check failing`, description: 'The /health endpoint did not answer healthy.', metric: 'health_check', metricIndex: HEALTH_METRIC, condition: 'below', threshold: 1, durationSeconds: 60, severity: 'critical', alertType: 'service_down' });
    if (s === 0) {
      rule({ name: 'gomflow-core: database connections above 80', description: 'Connection limit alert (max_connections is 100).', metric: 'db_connections', metricIndex: DB_CONNECTIONS, condition: 'above', threshold: 80, durationSeconds: 60, severity: 'high', alertType: 'custom' });
      rule({ name: 'gomflow-core: traffic changed by more than 150% in 5 minutes', description: 'A drop just opened, or traffic fell off a cliff.', metric: 'requests_per_minute', metricIndex: RPM, condition: 'changes_by', threshold: 150, durationSeconds: 300, severity: 'low', alertType: 'custom' });
    }
  });
  rules.push(
    { name: 'Monitoring host: disk above 90%', description: 'Disk space low on the monitoring host.', service: SYSTEM_SERVICE, serviceIndex: -1, metric: 'disk_usage', metricIndex: -1, condition: 'above', threshold: 90, durationSeconds: 300, severity: 'critical', alertType: 'disk_full', enabled: true },
    { name: 'Database backup failed', description: 'No successful Supabase backup in the last 26 hours.', service: 'gomflow-core', serviceIndex: 0, metric: 'backup_age_hours', metricIndex: -1, condition: 'above', threshold: 26, durationSeconds: 3600, severity: 'high', alertType: 'custom', enabled: true },
    { name: 'SSL certificate expiring', description: 'gomflow.com certificate expires in under 14 days.', service: 'gomflow-core', serviceIndex: 0, metric: 'ssl_cert_days_remaining', metricIndex: -1, condition: 'below', threshold: 14, durationSeconds: 86_400, severity: 'medium', alertType: 'custom', enabled: true },
    { name: 'Smart agent: OCR confidence equals 0', description: 'Draft: fires when OCR returns nothing at all.', service: 'gomflow-smart-agent', serviceIndex: 5, metric: 'ocr_confidence', metricIndex: -1, condition: 'equals', threshold: 0, durationSeconds: 600, severity: 'low', alertType: 'custom', enabled: false },
  );
  return rules;
}
