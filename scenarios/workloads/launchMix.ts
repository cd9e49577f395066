import type { Workload, WorkloadJourney } from './workload.ts';

/**
 * The launch-day peak-hour mix of gomflow-traffic.md §6.2 (gomflow-launch-mix.csv), its
 * patterns grouped by the statement that serves them: a journey's weight is the sum of its
 * patterns' weight %. The drop's order is the hottest row (OV1 and SB1 read it on every view
 * and submission), so order reads use the hot parameters most of the time. Patterns without a
 * database statement of their own here (storage uploads ST1, messages WA2/DC1, auth calls)
 * are left to the REST, Storage and Realtime drivers.
 */
export const LAUNCH_MIX_JOURNEYS: WorkloadJourney[] = [
  { kind: 'read', name: 'order-view', patterns: ['OV1', 'OV2', 'SB1', 'SB5a'], weight: 20.18, query: 'order_by_id', role: 'anon', hotShare: 0.8, thinkTimeMs: 2000 },
  { kind: 'read', name: 'browse', patterns: ['BR1'], weight: 6.14, query: 'public_order_feed', role: 'anon', hotShare: 0, thinkTimeMs: 3000 },
  { kind: 'read', name: 'notification-prefs', patterns: ['N1', 'N2'], weight: 7.31, query: 'notification_preferences_by_user', role: 'service_role', hotShare: 0.2 },
  { kind: 'read', name: 'device-tokens', patterns: ['N3'], weight: 2.92, query: 'user_devices_by_user', role: 'service_role', hotShare: 0.2 },
  { kind: 'read', name: 'payment-lookup', patterns: ['PM1', 'SA2', 'PM2a', 'M3a', 'PG1', 'PG4a'], weight: 11.69, query: 'submission_by_reference', role: 'service_role', hotShare: 0.5 },
  { kind: 'read', name: 'pending-by-amount', patterns: ['SA3'], weight: 3.41, query: 'pending_by_amount_band', role: 'service_role', hotShare: 0.5 },
  { kind: 'read', name: 'pending-by-name', patterns: ['SA4'], weight: 2.39, query: 'pending_by_buyer_name', role: 'service_role', hotShare: 0.5 },
  { kind: 'read', name: 'order-pending', patterns: ['SA1', 'M1'], weight: 3.2, query: 'order_pending_submissions', role: 'service_role', hotShare: 0.8 },
  { kind: 'read', name: 'submission-count', patterns: ['SB2', 'M2', 'SB5b'], weight: 2.92, query: 'order_submission_count', role: 'authenticated', hotShare: 0.8 },
  { kind: 'read', name: 'gom-submissions', patterns: ['BT1', 'D3', 'D4', 'WA1'], weight: 4.08, query: 'gom_submission_list', role: 'authenticated', hotShare: 0.5, thinkTimeMs: 5000 },
  { kind: 'read', name: 'gom-orders', patterns: ['BR2', 'D2'], weight: 2.25, query: 'order_summaries_by_gom', role: 'authenticated', hotShare: 0.5, thinkTimeMs: 5000 },
  { kind: 'read', name: 'dashboard', patterns: ['D1', 'PA1'], weight: 1.05, query: 'rpc_get_user_dashboard_stats', role: 'authenticated', hotShare: 0.5, thinkTimeMs: 5000 },
  { kind: 'write', name: 'submit', patterns: ['SB3', 'SB4', 'SB5c'], weight: 2.93, write: 'submit', thinkTimeMs: 5000 },
  { kind: 'write', name: 'payment-webhook', patterns: ['PG3', 'PG4b', 'PG4c', 'M3b'], weight: 3.21, write: 'payment-webhook' },
  { kind: 'write', name: 'proof-review', patterns: ['SA5', 'V2', 'PM2b'], weight: 3.85, write: 'proof-review', thinkTimeMs: 3000 },
  { kind: 'write', name: 'notify', patterns: ['N6', 'N4'], weight: 5.85, write: 'notify' },
  { kind: 'write', name: 'monitoring-metric', patterns: ['MO1', 'MO2'], weight: 2.34, write: 'monitoring-metric' },
  { kind: 'write', name: 'analytics-event', patterns: ['AN0', 'AN2'], weight: 0.46, write: 'analytics-event' },
];

export const LAUNCH_MIX: Workload = {
  name: 'launch-mix',
  description: 'the launch-day peak-hour mix of gomflow-traffic.md §6.2',
  journeys: LAUNCH_MIX_JOURNEYS,
};

/** Peak-hour statements of §6.2 (51,322 in the hour) and the burst: 40 % of them in the first 10 minutes. */
export const PEAK_HOUR_REQUESTS = 51_322;
export const BURST_SHARE = 0.4;
export const BURST_MINUTES = 10;

/** The launch burst's rate, req/s: 40 % of the peak hour in 10 minutes, about 34; ×3 in comeback season. */
export function launchPeakRps(comeback = 1): number {
  return ((PEAK_HOUR_REQUESTS * BURST_SHARE) / (BURST_MINUTES * 60)) * comeback;
}

/** The rest of the peak hour after the burst, req/s (about 10). */
export function afterBurstRps(comeback = 1): number {
  return ((PEAK_HOUR_REQUESTS * (1 - BURST_SHARE)) / ((60 - BURST_MINUTES) * 60)) * comeback;
}
