import { z } from 'zod';

/** Something notable in a query plan. */
export const QueryFindingSchema = z.strictObject({
  /** Finding kind, e.g. "seqScan", "rowsRemovedByFilter", "sortSpill". */
  kind: z.string(),
  /** Plan node it was found on, e.g. "Seq Scan on orders". */
  node: z.string().optional(),
  /** What it means. */
  detail: z.string(),
  /** Supporting numbers by name (rows, loops, buffers …). */
  numbers: z.record(z.string(), z.number()).optional(),
});
export type QueryFinding = z.infer<typeof QueryFindingSchema>;
