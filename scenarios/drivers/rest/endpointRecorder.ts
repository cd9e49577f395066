import { createLatencyHistogram, recordMs, summarize, type LatencyHistogram } from '../../../results/histogram.ts';
import type { EndpointResult } from '../../../results/resultsModel.ts';
import type { ErrorClass } from '../../engine/classifyError.ts';
import type { ServerTiming } from './serverTiming.ts';

interface EndpointTotals {
  patterns: Set<string>;
  requests: number;
  errors: number;
  errorsByClass: Partial<Record<ErrorClass, number>>;
  histogram: LatencyHistogram;
  timed: number;
  dbMs: number;
  serverMs: number;
  /** Driver-measured latency of the requests that carried a Server-Timing, the base of the shares. */
  measuredMs: number;
}

/**
 * Per-endpoint statistics of the REST driver: every request, also each one of a multi-request
 * journey. 2xx answers go into the latency; error answers and network failures only into the
 * error counts (the journey's own latency is the engine's, from the intended start).
 */
export class EndpointRecorder {
  private readonly endpoints = new Map<string, EndpointTotals>();

  record(endpoint: string, pattern: string, latencyMs: number, errorClass: ErrorClass | undefined, timing?: ServerTiming): void {
    let totals = this.endpoints.get(endpoint);
    if (!totals) {
      totals = { patterns: new Set(), requests: 0, errors: 0, errorsByClass: {}, histogram: createLatencyHistogram(), timed: 0, dbMs: 0, serverMs: 0, measuredMs: 0 };
      this.endpoints.set(endpoint, totals);
    }
    totals.patterns.add(pattern);
    totals.requests++;
    if (errorClass) {
      totals.errors++;
      totals.errorsByClass[errorClass] = (totals.errorsByClass[errorClass] ?? 0) + 1;
      return;
    }
    recordMs(totals.histogram, latencyMs);
    if (timing) {
      totals.timed++;
      totals.dbMs += timing.dbMs;
      totals.serverMs += timing.totalMs;
      totals.measuredMs += Math.max(latencyMs, timing.totalMs);
    }
  }

  /** The endpoints by name, as results.json holds them. */
  results(): EndpointResult[] {
    return [...this.endpoints]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([endpoint, t]) => ({
        endpoint,
        patterns: [...t.patterns].sort(),
        requests: t.requests,
        errors: t.errors,
        errorsByClass: { ...t.errorsByClass },
        latency: summarize(t.histogram),
        ...(t.timed > 0
          ? {
              serverTiming: {
                requests: t.timed,
                dbMeanMs: t.dbMs / t.timed,
                restMeanMs: (t.serverMs - t.dbMs) / t.timed,
                dbSharePct: t.measuredMs > 0 ? (t.dbMs / t.measuredMs) * 100 : 0,
                restSharePct: t.measuredMs > 0 ? ((t.serverMs - t.dbMs) / t.measuredMs) * 100 : 0,
              },
            }
          : {}),
      }));
  }
}
