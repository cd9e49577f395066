import { createLatencyHistogram, recordMs, summarize, type LatencyHistogram } from '../../results/histogram.ts';
import type { HistogramSummary, ServerSample, TimelinePoint } from '../../results/resultsModel.ts';
import { ANSWERED_ERROR_CLASSES, type ErrorClass } from './classifyError.ts';

/** Totals of one journey over the whole run. */
export interface JourneyTotals {
  requests: number;
  errors: number;
  histogram: LatencyHistogram;
}

/**
 * Collects what iterations report into per-journey HDR histograms, run totals and a
 * per-interval series. Failed requests count in the latency too: a request that timed out
 * after 5 s was 5 s of a user's wait. An error status the server answered with (4xx, 5xx,
 * 429) counts as an error only, apart from latency.
 */
export class SeriesRecorder {
  readonly total = createLatencyHistogram();
  /** Every connection checkout's wait over the run (pool wait), ms. */
  readonly poolWait = createLatencyHistogram();
  readonly journeys = new Map<string, JourneyTotals>();
  readonly errorsByClass: Partial<Record<ErrorClass, number>> = {};
  readonly timeline: TimelinePoint[] = [];
  requests = 0;
  errors = 0;
  dropped = 0;
  private interval = this.freshInterval();
  /** A caller-defined window across intervals (a capacity step): its own histogram and counts. */
  window = this.freshInterval();
  /** The window's latency per journey, so a broken step can name the journeys that broke it. */
  private windowJourneys = new Map<string, LatencyHistogram>();

  /** Starts a new window; the previous one is returned, with its per-journey latency. */
  startWindow() {
    const ended = { ...this.window, journeys: this.windowJourneys };
    this.window = this.freshInterval();
    this.windowJourneys = new Map();
    return ended;
  }

  record(journey: string, latencyMs: number, errorClass?: ErrorClass, poolWaitsMs: readonly number[] = []): void {
    const totals = this.journeyTotals(journey);
    totals.requests++;
    this.requests++;
    this.interval.requests++;
    if (!errorClass || !ANSWERED_ERROR_CLASSES.has(errorClass)) {
      recordMs(totals.histogram, latencyMs);
      recordMs(this.total, latencyMs);
      recordMs(this.interval.histogram, latencyMs);
      recordMs(this.window.histogram, latencyMs);
      recordMs(this.windowJourney(journey), latencyMs);
    }
    this.window.requests++;
    if (errorClass) {
      this.window.errors++;
      totals.errors++;
      this.errors++;
      this.interval.errors++;
      this.errorsByClass[errorClass] = (this.errorsByClass[errorClass] ?? 0) + 1;
      this.interval.errorsByClass[errorClass] = (this.interval.errorsByClass[errorClass] ?? 0) + 1;
    }
    for (const waitMs of poolWaitsMs) {
      this.interval.poolWaitSum += waitMs;
      this.interval.poolWaits++;
      this.interval.poolWaitMax = Math.max(this.interval.poolWaitMax, waitMs);
      recordMs(this.poolWait, waitMs);
    }
  }

  recordDropped(): void {
    this.dropped++;
    this.interval.dropped++;
    this.window.dropped++;
  }

  recordOffered(): void {
    this.interval.offered++;
    this.window.offered++;
  }

  /** Ends the current interval at `t` ms and appends its point. */
  flush(t: number, extra: { inFlight?: number; connections?: number; server?: ServerSample } = {}): TimelinePoint {
    const i = this.interval;
    const timed = i.histogram.totalCount > 0;
    const at = (percentile: number) => (timed ? i.histogram.getValueAtPercentile(percentile) / 1000 : 0);
    const point: TimelinePoint = {
      t: Math.round(t),
      requests: i.requests,
      errors: i.errors,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      dropped: i.dropped,
      offered: i.offered,
      ...(Object.keys(i.errorsByClass).length > 0 ? { errorsByClass: { ...i.errorsByClass } } : {}),
      ...(i.poolWaits > 0 ? { poolWaitMs: i.poolWaitSum / i.poolWaits, poolWaitMaxMs: i.poolWaitMax } : {}),
      ...(extra.inFlight !== undefined ? { inFlight: extra.inFlight } : {}),
      ...(extra.connections !== undefined ? { connections: extra.connections } : {}),
      ...(extra.server ? { server: extra.server } : {}),
    };
    this.timeline.push(point);
    this.interval = this.freshInterval();
    return point;
  }

  journeySummaries(): { name: string; requests: number; errors: number; latency: HistogramSummary }[] {
    return [...this.journeys].map(([name, totals]) => ({ name, requests: totals.requests, errors: totals.errors, latency: summarize(totals.histogram) }));
  }

  private windowJourney(journey: string): LatencyHistogram {
    let histogram = this.windowJourneys.get(journey);
    if (!histogram) {
      histogram = createLatencyHistogram();
      this.windowJourneys.set(journey, histogram);
    }
    return histogram;
  }

  private journeyTotals(journey: string): JourneyTotals {
    let totals = this.journeys.get(journey);
    if (!totals) {
      totals = { requests: 0, errors: 0, histogram: createLatencyHistogram() };
      this.journeys.set(journey, totals);
    }
    return totals;
  }

  private freshInterval() {
    return {
      requests: 0,
      errors: 0,
      dropped: 0,
      offered: 0,
      errorsByClass: {} as Partial<Record<ErrorClass, number>>,
      poolWaitSum: 0,
      poolWaits: 0,
      poolWaitMax: 0,
      histogram: createLatencyHistogram(),
    };
  }
}
