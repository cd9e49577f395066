import { performance } from 'node:perf_hooks';
import type { TargetKind } from '../../../core/config/configSchema.ts';
import type { Random } from '../../../generators/random.ts';
import { classifyError } from '../../engine/classifyError.ts';
import type { SeriesRecorder } from '../../engine/seriesRecorder.ts';
import { PEAK_HOUR_PROOF_UPLOADS, UPLOAD_JOURNEYS } from '../../workloads/uploadsMix.ts';
import type { ProofTarget } from './storageDriver.ts';

/** §6.2: submissions in the peak hour (SB3 1,500 = SB4 web 1,050 + SB5c bots 450). */
const PEAK_HOUR_SUBMISSIONS = 1_500;
/** §6.1: 1.5 files per proof on average — 1, 2 or 3 files with these chances. */
const FILES_PER_PROOF = [0.6, 0.3, 0.1] as const;
/** Proofs per submission: ST1's files over the hour's submissions, 1.5 files each (898 of 1,500, PM2a's count). */
export const PROOFS_PER_SUBMISSION = PEAK_HOUR_PROOF_UPLOADS / 1.5 / PEAK_HOUR_SUBMISSIONS;
/**
 * Mean delay from submit to proof, minutes of the launch hour. §6.1 has 90 % of web buyers
 * (1,050 × 0.9 = 945) upload; ST1 counts 898 of those proofs inside the hour, 95 %. With
 * submissions spread over the hour and an exponential delay of mean τ, the share landing
 * inside it is 1 − τ/60 (1 − e^(−60/τ)), which is 0.95 at τ = 3 minutes.
 */
export const PROOF_DELAY_MINUTES = 3;

/** The journey the follow-up uploads are recorded under (ST1, its 2 s p95 budget). */
export const PROOF_UPLOAD_JOURNEY = UPLOAD_JOURNEYS.find((journey) => journey.name === 'proof-upload')!;

export interface ProofFollowerOptions {
  upload(target: Pick<ProofTarget, 'orderId' | 'reference'>): Promise<void>;
  /** The run's recorder: each upload is a request of the scenario, its refusals errors by class. */
  recorder: SeriesRecorder;
  random: Random;
  /** The scenario's length of the launch hour, ms (launch-drop compresses it). */
  hourMs: number;
  target?: TargetKind;
}

/**
 * Buyers' proofs following their submissions: PROOFS_PER_SUBMISSION of committed submissions
 * get one proof of 1–3 files, uploaded one after another (as the upload-proof route loops)
 * after an exponential delay of PROOF_DELAY_MINUTES, scaled to the scenario's hour.
 */
export class ProofFollower {
  /** Proofs whose delay ran past the run's end: in the real hour they fall into the next. */
  deferred = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly uploading = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: ProofFollowerOptions) {}

  committed(target: Pick<ProofTarget, 'orderId' | 'reference'>): void {
    const { random, hourMs } = this.options;
    if (this.stopped || !random.chance(PROOFS_PER_SUBMISSION)) return;
    const files = pickFiles(random);
    const delayMs = -Math.log(1 - random.next()) * PROOF_DELAY_MINUTES * (hourMs / 60);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.uploadFiles(target, files).finally(() => this.uploading.delete(run));
      this.uploading.add(run);
    }, delayMs);
    this.timers.add(timer);
  }

  /** No new uploads; waits for those under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deferred += this.timers.size;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.uploading);
  }

  private async uploadFiles(target: Pick<ProofTarget, 'orderId' | 'reference'>, files: number): Promise<void> {
    for (let i = 0; i < files && !this.stopped; i++) {
      const started = performance.now();
      try {
        await this.options.upload(target);
        this.options.recorder.record(PROOF_UPLOAD_JOURNEY.name, performance.now() - started);
      } catch (error) {
        this.options.recorder.record(PROOF_UPLOAD_JOURNEY.name, performance.now() - started, classifyError(error, this.options.target));
      }
    }
  }
}

function pickFiles(random: Random): number {
  let left = random.next();
  for (const [index, chance] of FILES_PER_PROOF.entries()) {
    left -= chance;
    if (left < 0) return index + 1;
  }
  return FILES_PER_PROOF.length;
}
