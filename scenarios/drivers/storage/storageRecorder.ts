import { createLatencyHistogram, recordMs, summarize, type LatencyHistogram } from '../../../results/histogram.ts';
import type { StorageResult } from '../../../results/storageModel.ts';
import type { ServerTiming } from '../rest/serverTiming.ts';
import { SIZE_CLASSES, type SizeClass } from './proofFiles.ts';

export type StorageOperation = 'upload' | 'download' | 'sign';

interface Transfer {
  count: number;
  bytes: number;
  latencyMs: number;
  histogram: LatencyHistogram;
}

const REASONS: Record<string, string> = { '413': 'too large', '415': 'wrong type', '403': 'denied', '409': 'duplicate', '404': 'not found' };
/** MB as formatBytes and Supabase count them: 2^20 bytes. */
const MB = 1024 * 1024;

/**
 * The Storage driver's statistics: transfers per size class, refusals by Storage's status,
 * the database share per operation, the isolation pass's reads. Pure counting: times and
 * sizes are arguments, the run's duration is given to result().
 */
export class StorageRecorder {
  private readonly uploads = new Map<SizeClass, Transfer>();
  private readonly downloads = new Map<SizeClass, Transfer>();
  private readonly signs = { count: 0, histogram: createLatencyHistogram() };
  private readonly rejections = new Map<string, number>();
  private readonly timings = new Map<StorageOperation, { timed: number; dbMs: number; measuredMs: number }>();
  private readonly isolationReads = new Map<string, { tries: number; leaked: number }>();
  private isolationProofs = 0;

  transfer(operation: 'upload' | 'download', sizeClass: SizeClass, bytes: number, latencyMs: number): void {
    const map = operation === 'upload' ? this.uploads : this.downloads;
    let t = map.get(sizeClass);
    if (!t) map.set(sizeClass, (t = { count: 0, bytes: 0, latencyMs: 0, histogram: createLatencyHistogram() }));
    t.count++;
    t.bytes += bytes;
    t.latencyMs += latencyMs;
    recordMs(t.histogram, latencyMs);
  }

  signed(latencyMs: number): void {
    this.signs.count++;
    recordMs(this.signs.histogram, latencyMs);
  }

  rejected(operation: StorageOperation, statusCode: string, expected: boolean): void {
    const key = `${operation}|${statusCode}|${expected}`;
    this.rejections.set(key, (this.rejections.get(key) ?? 0) + 1);
  }

  timing(operation: StorageOperation, latencyMs: number, timing: ServerTiming | undefined): void {
    if (!timing) return;
    const t = this.timings.get(operation) ?? { timed: 0, dbMs: 0, measuredMs: 0 };
    t.timed++;
    t.dbMs += timing.dbMs;
    t.measuredMs += Math.max(latencyMs, timing.totalMs);
    this.timings.set(operation, t);
  }

  isolationProof(): void {
    this.isolationProofs++;
  }

  isolationRead(reader: string, operation: string, leaked: boolean): void {
    const key = `${reader}|${operation}`;
    const r = this.isolationReads.get(key) ?? { tries: 0, leaked: 0 };
    r.tries++;
    if (leaked) r.leaked++;
    this.isolationReads.set(key, r);
  }

  result(bucket: string, durationMs: number, objects: StorageResult['objects']): StorageResult {
    const seconds = Math.max(durationMs, 1) / 1000;
    const empty = { count: 0, bytes: 0, latencyMs: 0, histogram: createLatencyHistogram() };
    const reads = [...this.isolationReads].sort(([a], [b]) => a.localeCompare(b));
    return {
      bucket,
      sizeClasses: SIZE_CLASSES.filter((c) => this.uploads.has(c) || this.downloads.has(c)).map((sizeClass) => {
        const up = this.uploads.get(sizeClass) ?? empty;
        const down = this.downloads.get(sizeClass) ?? empty;
        return {
          sizeClass,
          uploads: up.count,
          uploadedBytes: up.bytes,
          uploadMbPerS: up.bytes / MB / seconds,
          perUploadMbPerS: up.latencyMs > 0 ? up.bytes / MB / (up.latencyMs / 1000) : 0,
          uploadLatency: summarize(up.histogram),
          downloads: down.count,
          downloadedBytes: down.bytes,
          downloadMbPerS: down.bytes / MB / seconds,
          downloadLatency: summarize(down.histogram),
        };
      }),
      signedUrls: { requests: this.signs.count, latency: summarize(this.signs.histogram) },
      rejections: [...this.rejections]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => {
          const [operation, statusCode, expected] = key.split('|') as [string, string, string];
          return { statusCode, reason: REASONS[statusCode] ?? 'other', operation, count: n, expected: expected === 'true' };
        }),
      policyTime: [...this.timings]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operation, t]) => ({ operation, requests: t.timed, dbMeanMs: t.dbMs / t.timed, dbSharePct: t.measuredMs > 0 ? Math.min(100, (t.dbMs / t.measuredMs) * 100) : 0 })),
      ...(this.isolationProofs > 0
        ? {
            isolation: {
              proofs: this.isolationProofs,
              reads: reads.map(([key, r]) => {
                const [reader, operation] = key.split('|') as [string, string];
                return { reader, operation, ...r };
              }),
              leaks: reads.some(([, r]) => r.leaked > 0),
            },
          }
        : {}),
      objects,
    };
  }
}
