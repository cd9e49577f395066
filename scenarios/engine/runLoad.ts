import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { TargetKind } from '../../core/config/configSchema.ts';
import { rngFor } from '../../generators/random.ts';
import type { ServerSample, TimelinePoint } from '../../results/resultsModel.ts';
import { lostBudget, type AbortBudgets } from './abortOnFail.ts';
import { arrivalOffsets } from './arrivalOffsets.ts';
import { IterationRunner } from './iterationRunner.ts';
import { journeyPicker, type Iterate, type Journey } from './journey.ts';
import type { ClosedModel, LoadModel, OpenModel } from './loadModel.ts';
import { SeriesRecorder } from './seriesRecorder.ts';
import { sleep } from './sleep.ts';

/** What the server sampler returns each interval. */
export interface SamplePoint {
  connections?: number;
  server?: ServerSample;
}

export interface LoadRunOptions {
  model: LoadModel;
  journeys: readonly Journey[];
  iterate: Iterate;
  /** Ctrl-C: the run stops starting iterations, waits for those in flight (bounded) and returns what it measured. */
  signal: AbortSignal;
  /** Length of one series interval, ms. Default 1000. */
  tickMs?: number;
  /** Server-side sample for the series (scenarios/sampling/); taken once per interval. */
  sample?: () => Promise<SamplePoint>;
  /** Stop early once one of these budgets is already lost (k6's abortOnFail). */
  abortOnFail?: AbortBudgets;
  /** How long in-flight iterations may finish after the schedule ends, ms. Default 10000. */
  gracefulStopMs?: number;
  /** Each finished interval, as it ends. */
  onTick?: (point: TimelinePoint) => void;
  /** Kind of target, so errors are classed by its limits (a supabase refusal past max_connections is a quota). */
  target?: TargetKind;
  /** Seeds the journey choice. Default 1. */
  seed?: number;
  /** Continue this recorder (a capacity ramp's steps share one series), its times offset by timeOffsetMs. */
  recorder?: SeriesRecorder;
  timeOffsetMs?: number;
}

export interface LoadRunOutcome {
  recorder: SeriesRecorder;
  durationMs: number;
  /** Iterations the schedule planned (open model). */
  planned?: number;
  /** Why the run stopped before its schedule ended. */
  stoppedEarly?: string;
  /** The first error that meant the target was gone. */
  lostError?: unknown;
  peakConnections?: number;
}

/**
 * The Node load engine: drives an open or closed model, collects per-interval series with
 * the server sampled alongside, stops early on a lost budget, a lost target or Ctrl-C.
 * Every loop is bounded: the schedule by its count and the time, the drain by gracefulStopMs.
 */
export async function runLoad(options: LoadRunOptions): Promise<LoadRunOutcome> {
  const recorder = options.recorder ?? new SeriesRecorder();
  const offset = options.timeOffsetMs ?? 0;
  const before = { requests: recorder.requests, errors: recorder.errors };
  const stop = new AbortController();
  // Every sleeping virtual user listens on it (hundreds in the connections scenario); each removes its listener when it wakes.
  setMaxListeners(0, stop.signal);
  let stoppedEarly: string | undefined;
  const halt = (reason: string) => {
    if (stop.signal.aborted) return;
    stoppedEarly = reason;
    stop.abort();
  };
  const onUserAbort = () => halt('interrupted');
  if (options.signal.aborted) onUserAbort();
  options.signal.addEventListener('abort', onUserAbort, { once: true });
  const runner = new IterationRunner(options.iterate, recorder, stop.signal, options.target);
  const pick = journeyPicker(options.journeys, rngFor(options.seed ?? 1, 'journeys'));
  const planned = options.model.kind === 'open' ? arrivalOffsets(options.model) : undefined;
  const start = performance.now();
  let peakConnections: number | undefined;
  let latest: SamplePoint = {};
  let sampling: Promise<void> | undefined;
  const takeSample = () => {
    if (!options.sample || sampling) return;
    sampling = options.sample().then(
      (sample) => {
        latest = sample;
        if (sample.connections !== undefined) peakConnections = Math.max(peakConnections ?? 0, sample.connections);
      },
      () => undefined, // a failed sample leaves a gap in the server series, never fails the run
    ).finally(() => (sampling = undefined));
  };
  const tick = () => {
    const point = recorder.flush(offset + performance.now() - start, { inFlight: runner.inFlight, connections: latest.connections, server: latest.server });
    latest = {};
    options.onTick?.(point);
    if (runner.lostError !== undefined && point.requests === point.errors && point.errors > 0) halt('lost the connection to the target');
    if (options.abortOnFail) {
      // This run's own counts: a capacity step continues a recorder that earlier steps filled.
      const lost = lostBudget({ requests: recorder.requests - before.requests, errors: recorder.errors - before.errors, planned: planned?.length, peakConnections }, options.abortOnFail);
      if (lost) halt(`abort on fail: ${lost}`);
    }
    takeSample();
  };
  takeSample();
  const ticker = setInterval(tick, options.tickMs ?? 1000);
  try {
    if (options.model.kind === 'open') await runOpen(options.model, planned!, runner, recorder, pick, start, stop.signal);
    else await runClosed(options.model, runner, pick, start, stop.signal);
    const left = await runner.drain(options.gracefulStopMs ?? 10_000);
    if (left > 0) stoppedEarly ??= `${left} iterations still running after the graceful stop were not counted`;
  } finally {
    clearInterval(ticker);
    options.signal.removeEventListener('abort', onUserAbort);
  }
  await sampling;
  const durationMs = performance.now() - start;
  const last = recorder.flush(offset + durationMs, { inFlight: runner.inFlight, connections: latest.connections, server: latest.server });
  options.onTick?.(last);
  return { recorder, durationMs, planned: planned?.length, stoppedEarly, lostError: runner.lostError, peakConnections };
}

/** Node's timers count whole milliseconds: one may fire up to this much before its time, never wait less. */
const TIMER_RESOLUTION_MS = 1;

/**
 * Starts every arrival whose time has come, then waits for the next one. An iteration's end
 * wakes the process anyway, so the schedule is checked then too and busy runs start arrivals
 * nearly on time. A timer cannot wait less than a millisecond, so when it fires the arrivals
 * due within that millisecond start at once, timed from their actual start (never before it):
 * waiting another tick would add up to a millisecond of the harness's own lag to latency.
 */
function runOpen(model: OpenModel, offsets: readonly number[], runner: IterationRunner, recorder: SeriesRecorder, pick: () => Journey, start: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let timer: NodeJS.Timeout | undefined;
    let armedFor = -1;
    const finish = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', finish);
      resolve();
    };
    const pump = (lookaheadMs = 0) => {
      if (stop.aborted) return finish();
      const now = performance.now();
      for (; next < offsets.length && start + offsets[next]! <= now + lookaheadMs; next++) {
        recorder.recordOffered();
        // Every slot busy: the iteration cannot start in time. Counted, never queued: queueing here would hide the server's queue.
        if (runner.inFlight >= model.maxInFlight) recorder.recordDropped();
        else void runner.start(pick(), Math.min(start + offsets[next]!, now)).then(() => pump());
      }
      if (next >= offsets.length) return finish();
      if (armedFor === next) return;
      clearTimeout(timer);
      armedFor = next;
      timer = setTimeout(() => {
        armedFor = -1;
        pump(TIMER_RESOLUTION_MS);
      }, start + offsets[next]! - now);
    };
    stop.addEventListener('abort', finish, { once: true });
    pump();
  });
}

async function runClosed(model: ClosedModel, runner: IterationRunner, pick: () => Journey, start: number, stop: AbortSignal): Promise<void> {
  const deadline = start + model.durationMs;
  let started = 0;
  const vu = async (index: number) => {
    await sleep(model.rampUpMs ? (index * model.rampUpMs) / model.vus : 0, stop);
    while (!stop.aborted && performance.now() < deadline && (model.maxIterations === undefined || started < model.maxIterations)) {
      started++;
      const journey = pick();
      await runner.start(journey, performance.now(), index);
      await sleep(Math.min(journey.thinkTimeMs ?? 0, deadline - performance.now()), stop);
    }
  };
  await Promise.all(Array.from({ length: model.vus }, (_, index) => vu(index)));
}
