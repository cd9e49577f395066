

/**
 * The 9 GOMFLOW services as the monitoring service sees them: the per-minute metrics each one
 * reports, its resting and peak levels, and what its /health endpoint depends on. Levels are
 * at the `small` scale (about 120 GOMs); request rates grow with the square root of the GOM
 * count (see activityScale) while CPU, memory and latency stay put, as an autoscaled fleet does.
 */
export interface ServiceProfile {
  name: string;
  version: string;
  /** Port from gomflow-monitoring's config, used in instance labels and health details. */
  port: number;
  /** Health-checked by gomflow-monitoring every 30 s (its list has 7 of the 9 services). */
  healthChecked: boolean;
  cpuIdle: number;
  cpuPeak: number;
  memIdle: number;
  memPeak: number;
  latencyIdleMs: number;
  latencyPeakMs: number;
  /** response_time_ms above this raises response_time_high (gomflow-monitoring's 2000 ms; OCR is slower by design). */
  latencyAlertMs: number;
  /** Resting error rate, percent. */
  errorRate: number;
  /** requests_per_minute at the evening peak, small scale. */
  peakRpm: number;
  /** Fraction of the traffic that follows the PH/MY daily cycle (the rest is background jobs). */
  userShare: number;
  /** Has a Bull queue, so reports queue_depth. */
  hasQueue: boolean;
  dependencies: readonly string[];
  /** monitoring_logs lines per hour at the evening peak, small scale. */
  logLinesPerHour: number;
  /** How often a random incident lands here, relative to the others. */
  incidentWeight: number;
}

export const SERVICES: readonly ServiceProfile[] = [
  { name: 'gomflow-core', version: '2.3.1', port: 3000, healthChecked: true, cpuIdle: 9, cpuPeak: 58, memIdle: 44, memPeak: 63, latencyIdleMs: 85, latencyPeakMs: 190, latencyAlertMs: 2000, errorRate: 0.3, peakRpm: 900, userShare: 0.95, hasQueue: false, dependencies: ['supabase-postgres', 'supabase-storage', 'redis'], logLinesPerHour: 60, incidentWeight: 3 },
  { name: 'gomflow-whatsapp', version: '1.4.0', port: 3001, healthChecked: true, cpuIdle: 6, cpuPeak: 34, memIdle: 37, memPeak: 54, latencyIdleMs: 120, latencyPeakMs: 270, latencyAlertMs: 2000, errorRate: 0.6, peakRpm: 240, userShare: 0.9, hasQueue: true, dependencies: ['supabase-postgres', 'redis', 'twilio'], logLinesPerHour: 25, incidentWeight: 1.5 },
  { name: 'gomflow-telegram', version: '1.3.2', port: 3002, healthChecked: true, cpuIdle: 5, cpuPeak: 27, memIdle: 31, memPeak: 45, latencyIdleMs: 95, latencyPeakMs: 210, latencyAlertMs: 2000, errorRate: 0.4, peakRpm: 160, userShare: 0.9, hasQueue: true, dependencies: ['supabase-postgres', 'redis', 'telegram-bot-api'], logLinesPerHour: 18, incidentWeight: 1 },
  { name: 'gomflow-discord', version: '1.3.0', port: 3003, healthChecked: true, cpuIdle: 6, cpuPeak: 30, memIdle: 35, memPeak: 50, latencyIdleMs: 70, latencyPeakMs: 160, latencyAlertMs: 2000, errorRate: 0.5, peakRpm: 180, userShare: 0.9, hasQueue: true, dependencies: ['supabase-postgres', 'redis', 'discord-gateway'], logLinesPerHour: 18, incidentWeight: 1 },
  { name: 'gomflow-payments', version: '1.6.4', port: 3004, healthChecked: true, cpuIdle: 8, cpuPeak: 41, memIdle: 40, memPeak: 58, latencyIdleMs: 240, latencyPeakMs: 540, latencyAlertMs: 2000, errorRate: 0.8, peakRpm: 150, userShare: 0.95, hasQueue: false, dependencies: ['supabase-postgres', 'paymongo', 'billplz'], logLinesPerHour: 30, incidentWeight: 2.5 },
  { name: 'gomflow-smart-agent', version: '0.9.3', port: 3005, healthChecked: true, cpuIdle: 12, cpuPeak: 66, memIdle: 55, memPeak: 73, latencyIdleMs: 900, latencyPeakMs: 1650, latencyAlertMs: 8000, errorRate: 1.2, peakRpm: 45, userShare: 0.95, hasQueue: true, dependencies: ['supabase-postgres', 'redis', 'openai'], logLinesPerHour: 15, incidentWeight: 2 },
  { name: 'gomflow-analytics', version: '1.1.0', port: 3007, healthChecked: true, cpuIdle: 10, cpuPeak: 44, memIdle: 48, memPeak: 66, latencyIdleMs: 60, latencyPeakMs: 140, latencyAlertMs: 2000, errorRate: 0.2, peakRpm: 320, userShare: 0.7, hasQueue: true, dependencies: ['supabase-postgres', 'redis'], logLinesPerHour: 20, incidentWeight: 1 },
  { name: 'gomflow-monitoring', version: '1.0.2', port: 3008, healthChecked: false, cpuIdle: 5, cpuPeak: 9, memIdle: 30, memPeak: 34, latencyIdleMs: 25, latencyPeakMs: 40, latencyAlertMs: 2000, errorRate: 0.1, peakRpm: 40, userShare: 0.1, hasQueue: false, dependencies: ['supabase-postgres', 'redis'], logLinesPerHour: 25, incidentWeight: 0.3 },
  { name: 'gomflow-notifications', version: '1.2.5', port: 3006, healthChecked: false, cpuIdle: 7, cpuPeak: 38, memIdle: 36, memPeak: 52, latencyIdleMs: 50, latencyPeakMs: 125, latencyAlertMs: 2000, errorRate: 0.5, peakRpm: 420, userShare: 0.9, hasQueue: true, dependencies: ['supabase-postgres', 'redis', 'fcm', 'resend'], logLinesPerHour: 30, incidentWeight: 1.5 },
];

export const SERVICE_NAMES: readonly string[] = SERVICES.map((s) => s.name);

/** The host gomflow-monitoring samples every 10 s and records as service_name 'system' (MO1). */
export const SYSTEM_SERVICE = 'system';

/** The monitoring host's region, and the one every service is deployed to (PH/MY users). */
export const REGION = 'ap-southeast-1';
