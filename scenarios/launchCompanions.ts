import type pg from 'pg';
import type { TargetKind } from '../core/config/configSchema.ts';
import { rngFor } from '../generators/random.ts';
import type { RealtimeResult } from '../results/realtimeModel.ts';
import type { StorageResult } from '../results/storageModel.ts';
import { openDashboardWatch, type DashboardWatch } from './drivers/realtime/dashboardWatch.ts';
import type { RestEndpoint } from './drivers/rest/restEndpoint.ts';
import type { SubmitWatcher } from './drivers/rest/restWrites.ts';
import { ProofFollower } from './drivers/storage/proofFollower.ts';
import { openStorageDriver, type StorageDriver } from './drivers/storage/storageDriver.ts';
import type { SeriesRecorder } from './engine/seriesRecorder.ts';

/** What launch-drop via REST runs beside its traffic. */
export interface CompanionChoice {
  /** GOM dashboards subscribed through /realtime/v1; 0 for none. */
  dashboards: number;
  /** Buyers' proofs uploaded through /storage/v1 after their submissions. */
  proofs: boolean;
  /** The scenario's launch hour, ms (the proof delay scales with it). */
  hourMs: number;
  /** The run's recorder: the uploads are requests of the scenario. */
  recorder: SeriesRecorder;
}

/** The Realtime and Storage drivers joined to launch-drop: both follow the REST driver's submissions. */
export interface LaunchCompanions {
  watcher: SubmitWatcher;
  /** When the load starts. */
  start(): void;
  /** After the load: the follow-up uploads end (those under way finish), owed deliveries get graceMs; the realtime section. */
  finish(graceMs: number): Promise<RealtimeResult | undefined>;
  /** Proofs still waiting for their delay when the load ended. */
  deferredProofs(): number;
  /** The Storage numbers; objects as the teardown left them. */
  storage(durationMs: number): StorageResult | undefined;
  storageLocalStack(): boolean;
  /** Always called: sockets closed, publication put back, the run's objects removed (or kept); returns how many objects went or stay. */
  teardown(control: pg.Client, keep: boolean): Promise<number>;
}

export async function openLaunchCompanions(control: pg.Client, endpoint: RestEndpoint, choice: CompanionChoice, context: { scenario: string; signal: AbortSignal; seed?: number; target: TargetKind }): Promise<LaunchCompanions> {
  let storage: StorageDriver | undefined;
  let watch: DashboardWatch | undefined;
  let follower: ProofFollower | undefined;
  try {
    if (choice.proofs) {
      storage = await openStorageDriver(control, [], { scenario: context.scenario, endpoint, connections: 8, seed: context.seed });
      const driver = storage;
      // Not kept for a verification, so the GOM does not matter here.
      follower = new ProofFollower({ upload: (target) => driver.uploadProof({ ...target, gom: '' }), recorder: choice.recorder, random: rngFor(context.seed ?? 1, 'proof-follower'), hourMs: choice.hourMs, target: context.target });
    }
    if (choice.dashboards > 0) watch = await openDashboardWatch(control, endpoint, { dashboards: choice.dashboards, joinRate: 50, signal: context.signal });
  } catch (error) {
    await watch?.close();
    await storage?.teardown(control, false).catch(() => undefined);
    throw error;
  }
  return {
    watcher: {
      sending: (submission) => watch?.sending(submission),
      failed: (submission) => watch?.failed(submission),
      committed: (submission) => follower?.committed(submission),
    },
    start: () => watch?.start(),
    async finish(graceMs) {
      await follower?.stop();
      return watch?.finish(graceMs);
    },
    deferredProofs: () => follower?.deferred ?? 0,
    storage: (durationMs) => storage?.result(durationMs),
    storageLocalStack: () => storage?.client.localStack ?? false,
    async teardown(controlClient, keep) {
      await follower?.stop();
      // The control client queues the two: both always run, the first failure is told.
      const [closed, removed] = await Promise.allSettled([watch?.close(), storage ? storage.teardown(controlClient, keep) : Promise.resolve(0)]);
      if (closed.status === 'rejected') throw closed.reason;
      if (removed.status === 'rejected') throw removed.reason;
      return removed.value;
    },
  };
}
