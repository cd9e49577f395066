import { z } from 'zod';
import { HistogramSummarySchema } from './histogramSummarySchema.ts';
import { count, ms, percent } from './schemaPrimitives.ts';

/** Uploads and verification downloads of one size class (scenarios/drivers/storage/proofFiles.ts). */
export const StorageSizeClassSchema = z.strictObject({
  /** `<0.5 MB`, `0.5–1 MB`, `1–3 MB`, `3–10 MB`, `>10 MB`. */
  sizeClass: z.string().min(1),
  /** Uploads stored (2xx). */
  uploads: count,
  uploadedBytes: count,
  /** Bytes stored over the scenario's duration, MB/s (2^20 bytes, as formatBytes counts). */
  uploadMbPerS: z.number().nonnegative(),
  /** Bytes over the summed upload latencies: one upload's own speed, MB/s. */
  perUploadMbPerS: z.number().nonnegative(),
  /** Latency of the stored uploads, from send to the answer. */
  uploadLatency: HistogramSummarySchema,
  /** Verification downloads answered 2xx. */
  downloads: count,
  downloadedBytes: count,
  downloadMbPerS: z.number().nonnegative(),
  downloadLatency: HistogramSummarySchema,
});

/** Storage's refusals by the status in its 400 body; `expected` when the scenario asked for them (an over-limit upload meant to be refused). */
export const StorageRejectionSchema = z.strictObject({
  /** Storage's statusCode: "413", "415", "403", "409", "404", … */
  statusCode: z.string().min(1),
  /** too large, wrong type, denied, duplicate, not found. */
  reason: z.string().min(1),
  /** upload, download, sign. */
  operation: z.string().min(1),
  count,
  expected: z.boolean(),
});

/** Database time inside the server's answers (Server-Timing `db`): for Storage, the storage.objects policy checks and row writes. */
export const StoragePolicyTimeSchema = z.strictObject({
  operation: z.string().min(1),
  /** Answers that carried a Server-Timing header. */
  requests: count,
  dbMeanMs: ms,
  /** Database time as a share of the latency the driver measured, percent. */
  dbSharePct: percent,
});

/** One reader's tries at another buyer's proof during the isolation pass. */
export const IsolationReadSchema = z.strictObject({
  /** `buyer B`, `GOM B`. */
  reader: z.string().min(1),
  /** `download` (authenticated GET) or `signed URL` (createSignedUrl). */
  operation: z.string().min(1),
  tries: count,
  /** Tries answered with the object (or a URL to it): a leak in a private bucket. */
  leaked: count,
});

/** The isolation pass: buyer A uploads a proof, buyer B and a GOM of another order try to read it. */
export const StorageIsolationSchema = z.strictObject({
  /** Proofs uploaded by buyer A for the pass. */
  proofs: count,
  reads: z.array(IsolationReadSchema),
  /** True when any read succeeded: the bucket's read policy lets others read proofs. */
  leaks: z.boolean(),
});

/** The Storage driver's numbers of a scenario (uploads). */
export const StorageResultSchema = z.strictObject({
  bucket: z.string().min(1),
  sizeClasses: z.array(StorageSizeClassSchema),
  /** Signed download URLs created by the GOM's verification. */
  signedUrls: z.strictObject({ requests: count, latency: HistogramSummarySchema }),
  rejections: z.array(StorageRejectionSchema),
  policyTime: z.array(StoragePolicyTimeSchema),
  isolation: StorageIsolationSchema.optional(),
  /** Objects the run wrote (rows in storage.objects and their files), and whether they were kept (--keep) or removed. */
  objects: z.strictObject({ written: count, removed: count, kept: z.boolean() }),
});
export type StorageResult = z.infer<typeof StorageResultSchema>;
