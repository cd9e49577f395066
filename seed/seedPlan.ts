import type { SeedContext, TableSpec } from '../generators/types.ts';
import { encodeRow } from './copyText.ts';

/** One table a plan will write: its rows, and the COPY bytes they come to (estimated). */
export interface PlannedTable {
  table: string;
  rows: number;
  bytes: number;
}

/** Rows per table that are encoded to estimate the bytes: enough for a stable average, cheap at any scale. */
const SAMPLE_ROWS = 200;

/**
 * What a seed will write, table by table, without touching a database: each spec's row count
 * and the COPY text bytes of its first rows scaled up. The profiles trigger's
 * notification_preferences (one per profile) are counted with no bytes of their own in COPY.
 */
export function seedPlan(specs: readonly TableSpec[], ctx: SeedContext): PlannedTable[] {
  const tables = specs.map((spec) => {
    const rows = spec.estimateRows(ctx);
    let sampled = 0;
    let sampleBytes = 0;
    for (const row of spec.rows(ctx)) {
      sampleBytes += Buffer.byteLength(encodeRow(row)) + 1;
      if ((sampled += 1) >= SAMPLE_ROWS) break;
    }
    return { table: spec.table, rows, bytes: sampled === 0 ? 0 : Math.round((sampleBytes / sampled) * rows) };
  });
  const profiles = tables.find((t) => t.table === 'public.profiles');
  return profiles ? [...tables, { table: 'public.notification_preferences', rows: profiles.rows, bytes: 0 }] : tables;
}
