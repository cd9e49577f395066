import { performance } from 'node:perf_hooks';
import type { TargetKind } from '../../core/config/configSchema.ts';
import { classifyError } from './classifyError.ts';
import type { Iterate, IterationContext, Journey } from './journey.ts';
import type { SeriesRecorder } from './seriesRecorder.ts';

/**
 * Starts iterations, times them from the start they were given, records them, and keeps the
 * set in flight so the engine can wait for them (bounded) at the end. The first error that
 * means the target is gone is kept: the stage turns it into a partial run (exit 3).
 */
export class IterationRunner {
  inFlight = 0;
  lostError: unknown;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly iterate: Iterate,
    private readonly recorder: SeriesRecorder,
    private readonly signal: AbortSignal,
    /** The target's kind: on supabase a refusal past max_connections is the plan's quota. */
    private readonly target?: TargetKind,
  ) {}

  /** Runs one iteration; `startedAt` (performance.now() ms) is its intended start in the open model. */
  start(journey: Journey, startedAt: number, vu?: number): Promise<void> {
    this.inFlight++;
    const context: IterationContext = { signal: this.signal, poolWaitsMs: [], ...(vu !== undefined ? { vu } : {}) };
    // Starts are never in the future (the open model times an early start from its actual start); the floor is only a guard.
    const elapsed = () => Math.max(0, performance.now() - startedAt);
    const run = this.iterate(journey, context).then(
      () => this.recorder.record(journey.name, elapsed(), undefined, context.poolWaitsMs),
      (error: unknown) => {
        const errorClass = classifyError(error, this.target);
        if (errorClass === 'connection-lost') this.lostError ??= error;
        this.recorder.record(journey.name, elapsed(), errorClass, context.poolWaitsMs);
      },
    );
    const tracked = run.finally(() => {
      this.inFlight--;
      this.running.delete(tracked);
    });
    this.running.add(tracked);
    return tracked;
  }

  /** Waits for the iterations in flight, at most `ms`; returns how many were still running. */
  async drain(ms: number): Promise<number> {
    if (this.running.size === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.all(this.running), timeout]);
    clearTimeout(timer);
    return this.running.size;
  }
}
