import type { AlertRecord } from './alertHistory.ts';

/**
 * Alert titles and descriptions worded as gomflow-monitoring's evaluateAllAlerts writes them
 * ("High CPU Usage", "CPU usage is 91.20%, above threshold of 80%"), extended to the rule
 * kinds it lacks.
 */
export function alertTitle(alert: AlertRecord): string {
  const { rule } = alert;
  switch (rule.alertType) {
    case 'cpu_high': return `High CPU Usage on ${rule.service}`;
    case 'memory_high': return `High Memory Usage on ${rule.service}`;
    case 'service_down': return `Service ${rule.service} is down`;
    case 'response_time_high': return `High Response Time for ${rule.service}`;
    case 'error_rate_high': return `High Error Rate for ${rule.service}`;
    case 'queue_backlog': return `Queue Backlog on ${rule.service}`;
    default: return rule.condition === 'changes_by' ? `Traffic Spike on ${rule.service}` : 'Database Connection Limit';
  }
}

export function alertDescription(alert: AlertRecord): string {
  const { rule, value } = alert;
  switch (rule.alertType) {
    case 'cpu_high': return `CPU usage is ${value.toFixed(2)}%, above threshold of ${rule.threshold}%`;
    case 'memory_high': return `Memory usage is ${value.toFixed(2)}%, above threshold of ${rule.threshold}%`;
    case 'service_down': return `Service ${rule.service} is not responding to health checks`;
    case 'response_time_high': return `Response time is ${Math.round(value)}ms, above threshold of ${rule.threshold}ms`;
    case 'error_rate_high': return `Error rate is ${value.toFixed(2)}%, above threshold of ${rule.threshold}%`;
    case 'queue_backlog': return `Queue depth is ${value} jobs, above threshold of ${rule.threshold}`;
    default:
      return rule.condition === 'changes_by'
        ? `Requests per minute changed by ${value.toFixed(2)}% in ${rule.durationSeconds / 60} minutes (from ${alert.previous}), above threshold of ${rule.threshold}%`
        : `${rule.service} holds ${value} database connections, above threshold of ${rule.threshold}`;
  }
}

const SEVERITY_ICON = { critical: '🚨', high: '⚠️', medium: '🟡', low: '🔵' } as const;

/** The alertService notification template: "🚨 CRITICAL: High CPU Usage - gomflow-core". */
export function notificationTitle(alert: AlertRecord): string {
  return `${SEVERITY_ICON[alert.rule.severity]} ${alert.rule.severity.toUpperCase()}: ${alertTitle(alert)} - ${alert.rule.service}`;
}

export function notificationMessage(alert: AlertRecord, createdIso: string): string {
  const { rule } = alert;
  const heading = rule.severity === 'critical' ? '**CRITICAL ALERT**' : rule.severity === 'high' ? '**HIGH PRIORITY ALERT**' : '**Performance Alert**';
  const tail = rule.alertType === 'service_down' ? '\n\n🚨 Service is not responding to health checks!' : rule.severity === 'critical' ? '\n\n⚠️ Immediate action required!' : '';
  return `${heading}\n\n**Service:** ${rule.service}\n**Alert:** ${alertTitle(alert)}\n**Current Value:** ${alert.value}\n**Threshold:** ${rule.threshold}\n**Time:** ${createdIso}\n\n**Description:** ${alertDescription(alert)}${tail}`;
}
