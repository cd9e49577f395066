import type { ApiRole } from '../../stack/requestContext.ts';
import type { Journey } from '../engine/journey.ts';

/** The app's writes the pg driver knows (scenarios/drivers/pg/writeStatements.ts). */
export const WRITE_NAMES = ['submit', 'payment-webhook', 'proof-review', 'notify', 'analytics-event', 'monitoring-metric'] as const;
export type WriteName = (typeof WRITE_NAMES)[number];

/** A read: a bench catalog query (sql/queries/) as one role, hot rows `hotShare` of the time. */
export interface ReadJourney extends Journey {
  kind: 'read';
  query: string;
  role: ApiRole;
  /** Share of iterations (0–1) that use the hot parameters (the drop's order, the busiest GOM). */
  hotShare: number;
}

/** A write: one of the app's write transactions, its rows tagged with the scenario's run. */
export interface WriteJourney extends Journey {
  kind: 'write';
  write: WriteName;
}

/**
 * A background job (reminder scan, cleanup_old_data, aggregation) as service_role, always
 * rolled back: its cost, locks and I/O land on the traffic around it, its changes never stay.
 */
export interface JobJourney extends Journey {
  kind: 'job';
  sql: string;
}

/** A Storage action of the Storage driver (scenarios/drivers/storage/): a buyer's proof upload, the GOM's verification, the isolation pass. */
export interface StorageJourney extends Journey {
  kind: 'storage';
  action: 'upload' | 'verify' | 'isolation';
}

export type WorkloadJourney = ReadJourney | WriteJourney | JobJourney | StorageJourney;

/** A workload as data: what both engines (Node, k6) replay. */
export interface Workload {
  name: string;
  description: string;
  journeys: WorkloadJourney[];
}
