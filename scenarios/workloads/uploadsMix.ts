import { BURST_MINUTES, BURST_SHARE } from './launchMix.ts';
import type { StorageJourney } from './workload.ts';

/** §6.2 row ST1: proof files uploaded in the launch's peak hour (1–3 per proof submission). */
export const PEAK_HOUR_PROOF_UPLOADS = 1_347;

/**
 * The uploads scenario's journeys. A submission's 1–3 files (2 on average) are verified once
 * by the order's GOM, who opens one proof (authenticated download) and its signed URL; a few
 * iterations are the isolation pass (buyer A uploads, buyer B and another GOM try to read).
 * Budgets: a 3 MB upload is transfer time first, so the p95 budget is seconds, not the queries'.
 */
export const UPLOAD_JOURNEYS: StorageJourney[] = [
  { kind: 'storage', name: 'proof-upload', patterns: ['ST1'], weight: 2, action: 'upload', budgetP95Ms: 2_000 },
  { kind: 'storage', name: 'proof-verify', patterns: [], weight: 1, action: 'verify', budgetP95Ms: 2_000 },
  { kind: 'storage', name: 'isolation-pass', patterns: [], weight: 0.1, action: 'isolation', budgetP95Ms: 2_000 },
];

/** Iterations per second at the launch burst: ST1's burst share of uploads, plus the verifications and isolation tries they bring. */
export function uploadsPeakRps(comeback = 1): number {
  const uploadShare = UPLOAD_JOURNEYS[0]!.weight / UPLOAD_JOURNEYS.reduce((sum, j) => sum + j.weight, 0);
  return ((PEAK_HOUR_PROOF_UPLOADS * BURST_SHARE) / (BURST_MINUTES * 60) / uploadShare) * comeback;
}
